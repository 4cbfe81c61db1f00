package io.roster.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows point one way: web → api, impl → api. The API and the implementation stay free of any runtime, so a
 * Jakarta EE host can embed them; entities and JPA types never leave the implementation.
 */
class ArchitectureTest {
    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.roster");
    }

    @Test
    void allThreeModulesAreOnTheClasspath() {
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("io.roster.api.member"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("io.roster.impl.member"));
        org.junit.jupiter.api.Assertions.assertTrue(classes.containPackage("io.roster.web.rest.member"));
    }

    @Test
    void apiDependsOnNoImplementationLibraryOrRuntime() {
        ArchRule rule = noClasses()
                .that()
                .resideInAnyPackage("io.roster.api..", "io.roster.spi..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.roster.impl..",
                        "io.roster.web..",
                        "jakarta.persistence..",
                        "org.hibernate..",
                        "com.fasterxml..",
                        "io.quarkus..",
                        "io.smallrye..",
                        "io.vertx..",
                        "org.flywaydb..");
        rule.check(classes);
    }

    @Test
    void implementationImportsNoQuarkusAndNoWebLayer() {
        noClasses()
                .that()
                .resideInAPackage("io.roster.impl..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.roster.web..", "io.quarkus..", "io.smallrye..", "io.vertx..", "org.jboss.resteasy..")
                .check(classes);
    }

    @Test
    void webReachesTheImplementationOnlyThroughTheApi() {
        noClasses()
                .that()
                .resideInAPackage("io.roster.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.roster.impl..", "jakarta.persistence..", "org.hibernate..")
                .check(classes);
    }

    /**
     * A resource class whose path ends in a template ({@code /api/v1/members/{id}}) is the first candidate for every
     * longer path under it; when it has no method for the rest of the path the router starts again with the next
     * class and builds a matcher for that request — measured as a twentieth of a timeline page's server time. Such
     * methods belong to the class of the literal path with the template in the method's own path.
     */
    @Test
    void noResourceClassPathEndsInATemplate() {
        java.util.List<String> offending = classes.stream()
                .filter(c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class))
                .filter(c ->
                        c.getAnnotationOfType(jakarta.ws.rs.Path.class).value().matches(".*\\{[^/]*\\}/?"))
                .map(c -> c.getName() + " "
                        + c.getAnnotationOfType(jakarta.ws.rs.Path.class).value())
                .toList();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), offending);
        org.junit.jupiter.api.Assertions.assertTrue(
                classes.stream()
                                .filter(c -> c.isAnnotatedWith(jakarta.ws.rs.Path.class))
                                .count()
                        > 20,
                "the resource classes were imported");
    }

    @Test
    void entitiesLiveInThePersistencePackageAndAreNamedSo() {
        classes()
                .that()
                .areAnnotatedWith(Entity.class)
                .should()
                .resideInAPackage("io.roster.impl.persistence")
                .andShould()
                .haveSimpleNameEndingWith("Entity")
                .check(classes);
    }

    @Test
    void noPublicApiOrWebMethodExposesAnEntity() {
        methods()
                .that()
                .areDeclaredInClassesThat()
                .resideInAnyPackage("io.roster.api..", "io.roster.web..")
                .should()
                .notHaveRawReturnType(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "an entity", (com.tngtech.archunit.core.domain.JavaClass c) -> c.isAnnotatedWith(Entity.class)))
                .check(classes);
    }

    @Test
    void serviceImplementationsUseOneSuffix() {
        classes()
                .that()
                .resideInAPackage("io.roster.impl..")
                .and()
                .haveSimpleNameEndingWith("Service")
                .should()
                .haveSimpleNameStartingWith("Default")
                .check(classes);
    }
}

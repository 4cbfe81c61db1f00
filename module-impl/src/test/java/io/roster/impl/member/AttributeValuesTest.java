package io.roster.impl.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.roster.api.common.Language;
import io.roster.api.error.FieldError;
import io.roster.api.member.AttributeDefinition;
import io.roster.api.member.AttributeOption;
import io.roster.api.member.AttributeType;
import io.roster.api.member.NewAttributeDefinition;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AttributeValuesTest {

    private static final Map<Language, String> LABELS = Map.of(Language.RU, "Размер", Language.EN, "Size");

    private static AttributeDefinition def(String key, AttributeType type, boolean required, String... options) {
        List<AttributeOption> opts = Arrays.stream(options)
                .map(v -> new AttributeOption(v, Map.of(Language.RU, v)))
                .collect(Collectors.toList());
        return new AttributeDefinition(key, type, required, LABELS, opts, Instant.EPOCH, Instant.EPOCH, 1);
    }

    private static final List<AttributeDefinition> DEFINITIONS = List.of(
            def("note", AttributeType.STRING, false),
            def("children", AttributeType.NUMBER, false),
            def("firstRally", AttributeType.DATE, false),
            def("hasCar", AttributeType.BOOLEAN, false),
            def("shirtSize", AttributeType.ENUM, false, "S", "M", "L"));

    private static List<String> errors(Map<String, Object> values, List<AttributeDefinition> definitions) {
        return AttributeValues.validate(values, definitions).stream()
                .map(e -> e.path() + " " + e.code())
                .collect(Collectors.toList());
    }

    private static List<String> errors(Map<String, Object> values) {
        return errors(values, DEFINITIONS);
    }

    private static List<String> definitionErrors(NewAttributeDefinition d) {
        return AttributeValues.validateDefinition(d).stream()
                .map(e -> e.path() + " " + e.code())
                .collect(Collectors.toList());
    }

    @Test
    void valuesOfEveryTypeAreAccepted() {
        Map<String, Object> values = Map.of(
                "note", "Помогал на выборах",
                "children", 2,
                "firstRally", "2019-08-10",
                "hasCar", true,
                "shirtSize", "M");
        assertEquals(List.of(), errors(values));
    }

    @Test
    void everyJsonNumberRepresentationIsANumber() {
        for (Object n : List.of(2, 2L, 2.5d, new BigDecimal("2.50"))) {
            assertEquals(List.of(), errors(Map.of("children", n)), n.getClass().getName());
        }
    }

    @Test
    void unknownKeyIsReported() {
        assertEquals(List.of("customAttributes.foo unknown-attribute"), errors(Map.of("foo", "x")));
    }

    @Test
    void nullValueMeansAbsent() {
        Map<String, Object> values = new HashMap<>();
        values.put("foo", null);
        values.put("note", null);
        assertEquals(List.of(), errors(values));
    }

    @Test
    void missingRequiredValueIsReported() {
        List<AttributeDefinition> defs =
                List.of(def("region", AttributeType.STRING, true), def("age", AttributeType.NUMBER, true));
        assertEquals(List.of("customAttributes.age required", "customAttributes.region required"), errors(null, defs));
        Map<String, Object> values = new HashMap<>();
        values.put("region", null);
        values.put("age", 30);
        assertEquals(List.of("customAttributes.region required"), errors(values, defs));
    }

    @Test
    void blankStringDoesNotSatisfyARequiredAttribute() {
        List<AttributeDefinition> defs = List.of(def("region", AttributeType.STRING, true));
        assertEquals(List.of("customAttributes.region required"), errors(Map.of("region", "  "), defs));
    }

    @Test
    void stringIsLimitedTo2000Characters() {
        assertEquals(List.of(), errors(Map.of("note", "я".repeat(2000))));
        assertEquals(List.of("customAttributes.note too-long"), errors(Map.of("note", "я".repeat(2001))));
    }

    @Test
    void wrongTypesAreReported() {
        Map<String, Object> values = Map.of(
                "note", 5,
                "children", "two",
                "firstRally", 20190810,
                "hasCar", "yes",
                "shirtSize", 1);
        assertEquals(
                List.of(
                        "customAttributes.children wrong-type",
                        "customAttributes.firstRally wrong-type",
                        "customAttributes.hasCar wrong-type",
                        "customAttributes.note wrong-type",
                        "customAttributes.shirtSize wrong-type"),
                errors(values));
    }

    @Test
    void nonFiniteNumbersAreRefused() {
        assertEquals(List.of("customAttributes.children wrong-type"), errors(Map.of("children", Double.NaN)));
        assertEquals(
                List.of("customAttributes.children wrong-type"), errors(Map.of("children", Double.POSITIVE_INFINITY)));
    }

    @Test
    void dateMustBeAnIsoDate() {
        assertEquals(List.of("customAttributes.firstRally invalid-date"), errors(Map.of("firstRally", "10.08.2019")));
        assertEquals(List.of("customAttributes.firstRally invalid-date"), errors(Map.of("firstRally", "2019-02-30")));
    }

    @Test
    void enumValueMustBeAnOption() {
        assertEquals(List.of("customAttributes.shirtSize not-an-option"), errors(Map.of("shirtSize", "XXL")));
        assertEquals(List.of("customAttributes.shirtSize not-an-option"), errors(Map.of("shirtSize", "m")));
    }

    @Test
    void allProblemsAreReportedTogether() {
        List<AttributeDefinition> defs =
                List.of(def("region", AttributeType.STRING, true), def("hasCar", AttributeType.BOOLEAN, false));
        assertEquals(
                List.of(
                        "customAttributes.foo unknown-attribute",
                        "customAttributes.hasCar wrong-type",
                        "customAttributes.region required"),
                errors(Map.of("foo", 1, "hasCar", "no"), defs));
    }

    @Test
    void normalizeDropsNullsAndSortsKeys() {
        Map<String, Object> values = new HashMap<>();
        values.put("zeta", 1);
        values.put("alpha", "a");
        values.put("gone", null);
        Map<String, Object> normalized = AttributeValues.normalize(values);
        assertInstanceOf(TreeMap.class, normalized);
        assertEquals(List.of("alpha", "zeta"), List.copyOf(normalized.keySet()));
    }

    @Test
    void normalizeOfNullIsEmpty() {
        assertEquals(Map.of(), AttributeValues.normalize(null));
    }

    @Test
    void wellFormedDefinitionsAreValid() {
        List<AttributeOption> options =
                List.of(new AttributeOption("S", Map.of(Language.RU, "Маленький")), new AttributeOption("M", Map.of()));
        assertEquals(
                List.of(),
                definitionErrors(new NewAttributeDefinition("shirtSize", AttributeType.ENUM, false, LABELS, options)));
        assertEquals(
                List.of(),
                definitionErrors(new NewAttributeDefinition(
                        "n", AttributeType.NUMBER, true, Map.of(Language.UK, "Діти"), null)));
    }

    @Test
    void keyMustBeLowerCamelCaseUpTo64Characters() {
        for (String bad :
                Arrays.asList(null, "", "Shirt", "1size", "shirt_size", "shirt-size", "a".repeat(65), "размер")) {
            assertEquals(
                    List.of("key invalid"),
                    definitionErrors(new NewAttributeDefinition(bad, AttributeType.STRING, false, LABELS, List.of())),
                    String.valueOf(bad));
        }
        assertEquals(
                List.of(),
                definitionErrors(
                        new NewAttributeDefinition("a".repeat(64), AttributeType.STRING, false, LABELS, null)));
    }

    @Test
    void typeIsRequired() {
        assertEquals(
                List.of("type required"),
                definitionErrors(new NewAttributeDefinition("x", null, false, LABELS, List.of())));
    }

    @Test
    void atLeastOneNonBlankLabelIsRequired() {
        assertEquals(
                List.of("labels required"),
                definitionErrors(
                        new NewAttributeDefinition("x", AttributeType.STRING, false, Map.of(Language.RU, " "), null)));
        assertEquals(
                List.of("labels required"),
                definitionErrors(new NewAttributeDefinition("x", AttributeType.STRING, false, null, null)));
    }

    @Test
    void labelsAreLimitedTo200Characters() {
        Map<Language, String> labels = Map.of(Language.RU, "ок", Language.UK, "ї".repeat(201));
        assertEquals(
                List.of("labels.uk too-long"),
                definitionErrors(new NewAttributeDefinition("x", AttributeType.STRING, false, labels, null)));
    }

    @Test
    void enumNeedsOptions() {
        assertEquals(
                List.of("options required"),
                definitionErrors(new NewAttributeDefinition("x", AttributeType.ENUM, false, LABELS, List.of())));
        assertEquals(
                List.of("options required"),
                definitionErrors(new NewAttributeDefinition("x", AttributeType.ENUM, false, LABELS, null)));
    }

    @Test
    void enumHasAtMost200Options() {
        List<AttributeOption> options = IntStream.range(0, 201)
                .mapToObj(i -> new AttributeOption("v" + i, Map.of()))
                .collect(Collectors.toList());
        assertEquals(
                List.of("options too-many"),
                definitionErrors(new NewAttributeDefinition("x", AttributeType.ENUM, false, LABELS, options)));
    }

    @Test
    void optionValuesMustBeUniqueNonBlankAndShort() {
        List<AttributeOption> options = Arrays.asList(
                new AttributeOption("S", Map.of()),
                new AttributeOption("S", Map.of()),
                new AttributeOption(" ", Map.of()),
                new AttributeOption("x".repeat(65), Map.of()),
                null,
                new AttributeOption("L", Map.of(Language.EN, "l".repeat(201))));
        assertEquals(
                List.of(
                        "options[1].value duplicate",
                        "options[2].value required",
                        "options[3].value too-long",
                        "options[4] required",
                        "options[5].labels.en too-long"),
                definitionErrors(new NewAttributeDefinition("x", AttributeType.ENUM, false, LABELS, options)));
    }

    @Test
    void onlyEnumsMayHaveOptions() {
        assertEquals(
                List.of("options not-allowed"),
                definitionErrors(new NewAttributeDefinition(
                        "x", AttributeType.STRING, false, LABELS, List.of(new AttributeOption("a", Map.of())))));
    }

    @Test
    void allDefinitionProblemsAreReportedTogether() {
        List<FieldError> errors = AttributeValues.validateDefinition(new NewAttributeDefinition(
                "Bad Key", null, false, Map.of(), List.of(new AttributeOption("a", Map.of()))));
        assertEquals(
                List.of("key", "type", "labels"),
                errors.stream().map(FieldError::path).collect(Collectors.toList()));
    }
}

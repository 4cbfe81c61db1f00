package io.roster.impl.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.roster.api.error.ForbiddenException;
import io.roster.api.error.NotFoundException;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import io.roster.api.security.CallerKind;
import io.roster.api.security.Permission;
import io.roster.api.security.Source;
import io.roster.impl.persistence.OrgUnitEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The org-unit scope check that every service relies on; outside scope must never match. */
class AccessTest {
    private static final String ROOT = "a";
    private static final String REGION = "a.b";

    // --- Scope.contains
    // -----------------------------------------------------------------------------------------------

    @Test
    void unrestrictedScopeContainsEveryPath() {
        assertTrue(Access.Scope.UNRESTRICTED.contains("a"));
        assertTrue(Access.Scope.UNRESTRICTED.contains("x.y.z"));
        assertTrue(new Access.Scope(true, List.of("a.b")).contains("q"), "unrestricted ignores the paths");
    }

    @Test
    void scopeContainsItsOwnRoot() {
        assertTrue(new Access.Scope(false, List.of(REGION)).contains(REGION));
    }

    @Test
    void scopeContainsDescendantsAtAnyDepth() {
        Access.Scope scope = new Access.Scope(false, List.of(REGION));
        assertTrue(scope.contains("a.b.c"));
        assertTrue(scope.contains("a.b.c.d.e"));
    }

    @Test
    void scopeDoesNotContainSiblingsParentsOrPathsThatMerelyShareAPrefix() {
        Access.Scope scope = new Access.Scope(false, List.of(REGION));
        assertFalse(scope.contains("a.bc"), "a.bc is a sibling of a.b, not a descendant");
        assertFalse(scope.contains("a.bc.d"));
        assertFalse(scope.contains("a.c"));
        assertFalse(scope.contains(ROOT), "the parent is outside");
        assertFalse(scope.contains("b"));
        assertFalse(scope.contains("x.a.b"), "a.b must be a prefix, not a substring");
        assertFalse(scope.contains("a.b0"));
    }

    @Test
    void scopeWithSeveralRootsContainsEachSubtree() {
        Access.Scope scope = new Access.Scope(false, List.of("a.b", "c"));
        assertTrue(scope.contains("a.b.x"));
        assertTrue(scope.contains("c"));
        assertTrue(scope.contains("c.d"));
        assertFalse(scope.contains("cd"));
        assertFalse(scope.contains("a"));
    }

    @Test
    void emptyRestrictedScopeContainsNothing() {
        Access.Scope scope = new Access.Scope(false, List.of());
        assertFalse(scope.contains("a"));
        assertFalse(scope.contains("a.b"));
        assertEquals("{}", scope.pathsLiteral());
    }

    @Test
    void pathsLiteralIsAnLtreeArray() {
        assertEquals("{a.b,c}", new Access.Scope(false, List.of("a.b", "c")).pathsLiteral());
    }

    // --- Access with a mocked caller and entity manager
    // ----------------------------------------------------------------

    @Test
    void unrestrictedCallerGetsTheUnrestrictedScopeWithoutTouchingTheDatabase() {
        Access access = access(caller(Set.of(), true, Permission.MEMBER_READ));
        assertSame(Access.Scope.UNRESTRICTED, access.scope());
        verify(access.em, never()).createQuery(anyString(), any());
    }

    @Test
    void callerWithoutUnitsHasAnEmptyScope() {
        Access access = access(caller(Set.of(), false, Permission.MEMBER_READ));
        Access.Scope scope = access.scope();
        assertFalse(scope.unrestricted());
        assertEquals(List.of(), scope.paths());
        assertFalse(scope.contains("a"));
    }

    @Test
    void malformedScopeIdsAreIgnoredNotWidened() {
        Access access = access(caller(Set.of("not-a-uuid"), false, Permission.MEMBER_READ));
        Access.Scope scope = access.scope();
        assertFalse(scope.unrestricted());
        assertEquals(List.of(), scope.paths());
    }

    @Test
    @SuppressWarnings("unchecked")
    void restrictedCallerScopeIsThePathsOfItsUnits() {
        UUID unit = UUID.randomUUID();
        Access access = access(caller(Set.of(unit.toString()), false, Permission.MEMBER_READ));
        TypedQuery<String> q = mock(TypedQuery.class);
        when(access.em.createQuery(anyString(), eq(String.class))).thenReturn(q);
        when(q.setParameter(eq("ids"), any())).thenReturn(q);
        when(q.getResultList()).thenReturn(List.of(REGION));
        Access.Scope scope = access.scope();
        assertEquals(new Access.Scope(false, List.of(REGION)), scope);
        verify(q).setParameter("ids", List.of(unit));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aUnitOutsideScopeIsNotFoundAndOneInsideIsReturned() {
        UUID scopeUnit = UUID.randomUUID();
        Access access = access(caller(Set.of(scopeUnit.toString()), false, Permission.ORG_READ));
        TypedQuery<String> q = mock(TypedQuery.class);
        when(access.em.createQuery(anyString(), eq(String.class))).thenReturn(q);
        when(q.setParameter(eq("ids"), any())).thenReturn(q);
        when(q.getResultList()).thenReturn(List.of(REGION));
        OrgUnitEntity inside = unit("a.b.c");
        OrgUnitEntity sibling = unit("a.bc");
        when(access.em.find(OrgUnitEntity.class, inside.id)).thenReturn(inside);
        when(access.em.find(OrgUnitEntity.class, sibling.id)).thenReturn(sibling);

        assertSame(inside, access.visibleUnit(inside.id.toString()));
        assertThrows(NotFoundException.class, () -> access.visibleUnit(sibling.id.toString()));
        assertThrows(
                NotFoundException.class,
                () -> access.visibleUnit(UUID.randomUUID().toString()));
        assertThrows(NotFoundException.class, () -> access.visibleUnit("not-a-uuid"));
    }

    @Test
    void requireRefusesAMissingPermission() {
        Access access = access(caller(Set.of(), true, Permission.MEMBER_READ));
        assertEquals("k", access.require(Permission.MEMBER_READ).id());
        assertThrows(ForbiddenException.class, () -> access.require(Permission.MEMBER_WRITE));
    }

    // --- helpers
    // ------------------------------------------------------------------------------------------------------

    private static Access access(Caller caller) {
        Access access = new Access();
        access.callers = mock(CallerContext.class);
        when(access.callers.current()).thenReturn(caller);
        access.em = mock(EntityManager.class);
        return access;
    }

    private static Caller caller(Set<String> units, boolean unrestricted, Permission... permissions) {
        return new Caller(
                "k",
                CallerKind.API_KEY,
                "test key",
                EnumSet.copyOf(List.of(permissions)),
                units,
                unrestricted,
                Source.API);
    }

    private static OrgUnitEntity unit(String path) {
        OrgUnitEntity u = new OrgUnitEntity();
        u.id = UUID.randomUUID();
        u.path = path;
        return u;
    }
}

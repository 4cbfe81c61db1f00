package io.roster.api.security;

import java.util.function.Supplier;

/**
 * Where services find the caller of the current unit of work. The web layer binds the authenticated caller for each
 * request; jobs and a Java host run work as a given caller with {@link #runAs}.
 */
public interface CallerContext {

    /**
     * The caller of the current unit of work.
     *
     * @throws io.roster.api.error.UnauthenticatedException when no caller is bound
     */
    Caller current();

    /** Binds the caller for the rest of the current request. */
    void bind(Caller caller);

    /**
     * Runs work as the given caller on this thread, restoring the previous caller afterwards.
     *
     * @return what the work returned
     */
    <T> T runAs(Caller caller, Supplier<T> work);

    /**
     * The id of the request the current unit of work serves (from {@code X-Request-Id} or generated), recorded in the
     * audit trail; {@code null} outside a request.
     */
    default String requestId() {
        return null;
    }

    /** Remembers the id of the current request, for {@link #requestId()}. Hosts may leave it unset. */
    default void bindRequestId(String requestId) {}
}

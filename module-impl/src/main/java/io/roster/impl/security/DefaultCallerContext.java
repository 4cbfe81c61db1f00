package io.roster.impl.security;

import io.roster.api.error.UnauthenticatedException;
import io.roster.api.security.Caller;
import io.roster.api.security.CallerContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.function.Supplier;

@ApplicationScoped
public class DefaultCallerContext implements CallerContext {
    private static final ThreadLocal<Caller> RUN_AS = new ThreadLocal<>();

    @Inject
    Instance<RequestCallerHolder> requestHolder;

    @Override
    public Caller current() {
        Caller runAs = RUN_AS.get();
        if (runAs != null) {
            return runAs;
        }
        try {
            Caller bound = requestHolder.get().get();
            if (bound != null) {
                return bound;
            }
        } catch (ContextNotActiveException e) {
            // no request here: a job or a host thread that forgot runAs
        }
        throw new UnauthenticatedException("no caller is bound to this unit of work");
    }

    @Override
    public void bind(Caller caller) {
        requestHolder.get().set(caller);
    }

    @Override
    public <T> T runAs(Caller caller, Supplier<T> work) {
        Caller previous = RUN_AS.get();
        RUN_AS.set(caller);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                RUN_AS.remove();
            } else {
                RUN_AS.set(previous);
            }
        }
    }

    @Override
    public String requestId() {
        try {
            return requestHolder.get().requestId();
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    @Override
    public void bindRequestId(String requestId) {
        requestHolder.get().setRequestId(requestId);
    }
}

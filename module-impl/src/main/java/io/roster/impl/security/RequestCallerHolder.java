package io.roster.impl.security;

import io.roster.api.security.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller bound to the current request. Request-scoped rather than thread-bound: a request may hop threads. */
@RequestScoped
public class RequestCallerHolder {
    private Caller caller;
    private String requestId;

    public Caller get() {
        return caller;
    }

    public void set(Caller caller) {
        this.caller = caller;
    }

    public String requestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }
}

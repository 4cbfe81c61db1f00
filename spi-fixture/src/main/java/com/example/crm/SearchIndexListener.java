package com.example.crm;

import io.roster.api.webhook.DomainEvent;
import io.roster.spi.events.DomainEventListener;
import jakarta.enterprise.context.ApplicationScoped;

/** Would re-index the changed record in the CRM's search; declared first, runs second. */
@ApplicationScoped
public class SearchIndexListener implements DomainEventListener {
    @Override
    public String id() {
        return "search-index";
    }

    @Override
    public int priority() {
        return 2;
    }

    @Override
    public void onEvent(DomainEvent event) {
        ExampleCrm.HEARD.add(id() + ":" + event.type() + ":" + event.id());
    }
}

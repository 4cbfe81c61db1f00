package com.example.crm;

import io.roster.api.webhook.DomainEvent;
import io.roster.spi.events.DomainEventListener;
import jakarta.enterprise.context.ApplicationScoped;

/** Would post the change to the CRM's activity feed; runs first. */
@ApplicationScoped
public class ActivityFeedListener implements DomainEventListener {
    @Override
    public String id() {
        return "activity-feed";
    }

    @Override
    public int priority() {
        return 1;
    }

    @Override
    public void onEvent(DomainEvent event) {
        ExampleCrm.HEARD.add(id() + ":" + event.type() + ":" + event.id());
    }
}

package com.example.crm;

import io.roster.spi.directory.ContactDirectory;
import io.roster.spi.directory.ContactRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The CRM's own contact directory; the lowest priority, so Roster's default. */
@ApplicationScoped
public class ExampleContactDirectory implements ContactDirectory {
    @Override
    public String id() {
        return "example-crm";
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Optional<ContactRecord> pull(String crmContactId) {
        return Optional.ofNullable(ExampleCrm.CONTACTS.get(crmContactId));
    }

    @Override
    public void push(ContactRecord contact) {
        ExampleCrm.CONTACTS.put(contact.crmContactId(), contact);
        ExampleCrm.PUSHED.add(id() + ":" + contact.crmContactId() + ":" + String.join(",", contact.phones()));
    }
}

package com.example.crm;

import io.roster.spi.directory.ContactDirectory;
import io.roster.spi.directory.ContactRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** A second, read-only directory of old contacts, named explicitly when wanted. */
@ApplicationScoped
public class ArchiveContactDirectory implements ContactDirectory {
    @Override
    public String id() {
        return "example-archive";
    }

    @Override
    public int priority() {
        return 20;
    }

    @Override
    public Optional<ContactRecord> pull(String crmContactId) {
        return Optional.empty();
    }

    @Override
    public void push(ContactRecord contact) {
        throw new UnsupportedOperationException("the archive is read-only");
    }
}

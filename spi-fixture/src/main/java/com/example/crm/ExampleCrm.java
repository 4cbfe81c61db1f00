package com.example.crm;

import io.roster.spi.directory.ContactRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The imaginary host CRM: its contacts, and what its plug-ins observed. */
public final class ExampleCrm {
    static final Map<String, ContactRecord> CONTACTS = new ConcurrentHashMap<>(Map.of(
            "crm-1001",
            new ContactRecord(
                    "crm-1001",
                    "Светлана",
                    "Игоревна",
                    "Орлова",
                    List.of("+7 913 555-12-34"),
                    List.of("s.orlova@example.org"),
                    "sveta_orlova")));

    /** {@code <listener id>:<event type>:<event id>}, in the order heard. */
    static final List<String> HEARD = new CopyOnWriteArrayList<>();

    /** {@code <directory id>:<contact id>:<phones>} of every push. */
    static final List<String> PUSHED = new CopyOnWriteArrayList<>();

    private ExampleCrm() {}
}

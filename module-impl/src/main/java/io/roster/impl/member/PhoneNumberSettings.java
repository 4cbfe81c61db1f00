package io.roster.impl.member;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The one {@link PhoneNumbers} of the installation, for the configured default region. */
@ApplicationScoped
public class PhoneNumberSettings {
    @ConfigProperty(name = "roster.phone.default-region", defaultValue = "RU")
    String defaultRegion;

    private PhoneNumbers numbers;

    @PostConstruct
    void init() {
        numbers = new PhoneNumbers(defaultRegion);
    }

    /** Parses and formats numbers, reading national ones in the default region. */
    public PhoneNumbers numbers() {
        return numbers;
    }
}

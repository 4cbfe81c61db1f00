package io.roster.impl.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** The time Roster records. Microsecond precision, because that is what PostgreSQL keeps. */
@ApplicationScoped
public class RosterClock {
    private final Clock clock;

    public RosterClock() {
        this(Clock.systemUTC());
    }

    public RosterClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public Clock clock() {
        return clock;
    }
}

package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "event")
public class EventEntity {
    @Id
    public UUID id;

    @Column(name = "org_unit_id")
    public UUID orgUnitId;

    public String kind;
    public String title;
    public String description;
    public String place;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    public Integer capacity;

    /**
     * Registrations (registered or attended). Written only by the attendance statements, under the event's row lock;
     * never by flushing the entity, so an edit of the event cannot write back a count read before a marking.
     */
    @Column(updatable = false)
    public int registered;

    /** Attendances; kept like {@link #registered}. */
    @Column(updatable = false)
    public int attended;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;
}

package io.roster.impl.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** The current consent of a member for one channel; its history is in {@code member_consent_event}. */
@Entity
@Table(name = "member_consent")
@IdClass(MemberConsentEntity.Key.class)
public class MemberConsentEntity {
    @Id
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "member_id")
    public MemberEntity member;

    @Id
    public String channel;

    public boolean granted;
    public String source;
    public String evidence;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    public static class Key implements Serializable {
        public UUID member;
        public String channel;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(member, k.member) && Objects.equals(channel, k.channel);
        }

        @Override
        public int hashCode() {
            return Objects.hash(member, channel);
        }
    }
}

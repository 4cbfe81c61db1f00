package io.roster.api.notification;

/**
 * A segment as written (create and update).
 *
 * @param orgUnitId the owning unit: members outside its subtree are never in the segment; required
 * @param name 1–200 characters
 * @param filter the filters; {@code null} means none; its {@code orgUnitId}, when set, lies within the owning unit
 */
public record SegmentDraft(String orgUnitId, String name, SegmentFilter filter) {}

package io.roster.api.interaction;

import java.time.Instant;
import java.util.Map;

/**
 * A correction of an interaction: what it was before, who changed it and when.
 *
 * @param revision 1 for the first correction, and so on
 * @param changedAt when
 * @param changedBy id of the caller
 * @param changedByName that caller's display name
 * @param changes the changed fields: field name → {@code {"from": …, "to": …}}
 * @param deleted whether this revision is the deletion
 */
public record Revision(
        int revision,
        Instant changedAt,
        String changedBy,
        String changedByName,
        Map<String, Map<String, Object>> changes,
        boolean deleted) {}

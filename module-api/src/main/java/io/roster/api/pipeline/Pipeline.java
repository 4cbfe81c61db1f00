package io.roster.api.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A pipeline definition.
 *
 * @param id pipeline id
 * @param key stable unique key, e.g. {@code onboarding}
 * @param names the name by language code ({@code ru}, {@code uk}, {@code en})
 * @param orgUnitId the owning unit: the pipeline is visible in its subtree and to those who see the unit; {@code null}
 *     for an organisation-wide pipeline (the shipped templates), visible to all and editable only with unrestricted
 *     scope
 * @param stages the stages in board order; a new card enters the first one unless told otherwise
 * @param automations the rules evaluated when cards enter stages or breach their SLA
 * @param abandonReasons the reasons a card may be dropped with (entering a {@code DROPPED} stage needs one)
 * @param template the template this pipeline was shipped as, or {@code null}
 * @param version optimistic-lock version, the ETag
 */
public record Pipeline(
        String id,
        String key,
        Map<String, String> names,
        String orgUnitId,
        List<Stage> stages,
        List<Automation> automations,
        List<String> abandonReasons,
        String template,
        Instant createdAt,
        Instant updatedAt,
        long version) {}

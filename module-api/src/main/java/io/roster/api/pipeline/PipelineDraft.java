package io.roster.api.pipeline;

import java.util.List;
import java.util.Map;

/** Input for a pipeline, and what a change function transforms; see {@link Pipeline} for the fields. */
public record PipelineDraft(
        String key,
        Map<String, String> names,
        String orgUnitId,
        List<Stage> stages,
        List<Automation> automations,
        List<String> abandonReasons) {}

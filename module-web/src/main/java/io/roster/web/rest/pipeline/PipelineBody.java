package io.roster.web.rest.pipeline;

import io.roster.api.pipeline.Automation;
import io.roster.api.pipeline.Stage;
import java.util.List;
import java.util.Map;

/**
 * The JSON of a pipeline as sent in POST and PATCH: the fields of {@link io.roster.api.pipeline.PipelineDraft}, plus,
 * in a PATCH that removes stages holding cards, {@code moveCards}: removed stage key → stage to move its cards to.
 */
public record PipelineBody(
        String key,
        Map<String, String> names,
        String orgUnitId,
        List<Stage> stages,
        List<Automation> automations,
        List<String> abandonReasons,
        Map<String, String> moveCards) {}

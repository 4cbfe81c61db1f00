package io.roster.web.server;

import io.quarkus.scheduler.Scheduled;
import io.roster.api.pipeline.SlaEscalationService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The trigger of the SLA job. Every instance runs it; the job claims cards with {@code SKIP LOCKED}, so instances
 * share the work and each breach is escalated once.
 */
@ApplicationScoped
public class PipelineJobs {
    static final int BATCH = 100;
    static final int MAX_BATCHES = 50;

    @Inject
    SlaEscalationService sla;

    @Scheduled(
            every = "${roster.pipeline.sla-check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateSlaBreaches() {
        for (int i = 0; i < MAX_BATCHES && sla.escalateBreaches(BATCH) == BATCH; i++) {
            // a full batch: more may be waiting
        }
    }
}

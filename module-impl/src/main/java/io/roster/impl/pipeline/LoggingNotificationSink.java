package io.roster.impl.pipeline;

import io.roster.spi.pipeline.NotificationSink;
import io.roster.spi.pipeline.TaskNotification;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The default sink until Roster has notifications: one INFO line per notification with ids and counts only. The
 * message and the recipients are left out, because a message may name the member.
 */
@ApplicationScoped
public class LoggingNotificationSink implements NotificationSink {
    private static final System.Logger LOG = System.getLogger("io.roster.pipeline.notifications");

    @Override
    public String id() {
        return "log";
    }

    @Override
    public void deliver(TaskNotification n) {
        LOG.log(
                System.Logger.Level.INFO,
                "pipeline notification {0}: task {1} in stage {2} of pipeline {3}, {4} recipient(s)",
                n.kind(),
                n.taskId(),
                n.stage(),
                n.pipelineId(),
                n.recipients().size());
    }
}

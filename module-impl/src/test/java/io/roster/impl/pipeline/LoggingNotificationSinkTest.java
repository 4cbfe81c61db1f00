package io.roster.impl.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.roster.spi.pipeline.TaskNotification;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class LoggingNotificationSinkTest {

    @Test
    void theLogLineNamesTheCardButNeitherTheMessageNorThePeople() {
        List<LogRecord> records = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger jul = Logger.getLogger("io.roster.pipeline.notifications");
        jul.addHandler(capture);
        try {
            new LoggingNotificationSink()
                    .deliver(new TaskNotification(
                            "AUTOMATION",
                            "task-1",
                            "pipeline-1",
                            "work",
                            List.of("ivan.sutyagin@example.org", "staff-2"),
                            "Позвонить Ивану Сутягину, +7 913 123-45-67"));
        } finally {
            jul.removeHandler(capture);
        }
        assertEquals(1, records.size());
        String line =
                MessageFormat.format(records.get(0).getMessage(), records.get(0).getParameters());
        assertTrue(line.contains("task-1") && line.contains("pipeline-1") && line.contains("2 recipient"), line);
        assertFalse(line.contains("Сутягин") || line.contains("913") || line.contains("sutyagin"), line);
    }
}

package io.roster.impl.pipeline;

import io.roster.spi.pipeline.AssignmentRequest;
import io.roster.spi.pipeline.AssignmentStrategy;
import io.roster.spi.pipeline.NotificationSink;
import io.roster.spi.pipeline.TaskNotification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The pipeline extension points found as CDI beans, ordered by priority (highest first). */
@ApplicationScoped
public class Extensions {
    @Inject
    Instance<AssignmentStrategy> strategies;

    @Inject
    Instance<NotificationSink> sinks;

    /** The strategy used for each id: the one with the highest priority. */
    public Map<String, AssignmentStrategy> strategies() {
        Map<String, AssignmentStrategy> out = new LinkedHashMap<>();
        strategies.stream()
                .sorted(Comparator.comparingInt(AssignmentStrategy::priority).reversed())
                .forEach(s -> out.putIfAbsent(s.id(), s));
        return out;
    }

    public Set<String> strategyIds() {
        return strategies().keySet();
    }

    /** The assignee the request's strategy chooses; empty when the strategy is gone or chooses nobody. */
    public Optional<String> assign(AssignmentRequest request) {
        AssignmentStrategy s = strategies().get(request.rule().strategy());
        return s == null ? Optional.empty() : s.assign(request);
    }

    /** Delivers to every sink, highest priority first. */
    public void notify(TaskNotification n) {
        List<NotificationSink> ordered = sinks.stream()
                .sorted(Comparator.comparingInt(NotificationSink::priority).reversed())
                .toList();
        for (NotificationSink s : ordered) {
            s.deliver(n);
        }
    }
}

package io.roster.api.pipeline;

import java.time.LocalDate;
import java.util.Map;

/**
 * Cards closed in one ISO week.
 *
 * @param weekStart the Monday (UTC)
 * @param completed closed in a {@code DONE} stage
 * @param abandoned closed in a {@code DROPPED} stage
 * @param abandonReasons abandoned cards by reason
 */
public record WeekMetrics(LocalDate weekStart, long completed, long abandoned, Map<String, Long> abandonReasons) {}

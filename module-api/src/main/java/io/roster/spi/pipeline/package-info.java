/**
 * Extension points of task pipelines: {@link io.roster.spi.pipeline.AssignmentStrategy} (who gets a card that enters
 * a stage) and {@link io.roster.spi.pipeline.NotificationSink} (where pipeline notifications go). Implement one as a
 * CDI bean; Roster discovers it and orders by {@code priority()}, highest first.
 */
package io.roster.spi.pipeline;

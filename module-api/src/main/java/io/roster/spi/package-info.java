/**
 * Extension points for a Java host. Each is an interface in an {@code io.roster.spi.<area>} package, discovered as
 * a CDI bean and ordered by priority: {@link io.roster.spi.pipeline} (assignment strategies and notification sinks of
 * task pipelines) so far, more with the integration surface.
 */
package io.roster.spi;

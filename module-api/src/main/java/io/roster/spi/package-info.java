/**
 * Extension points for a Java host. Each is an interface in an {@code io.roster.spi.<area>} package, discovered as
 * a CDI bean and ordered by priority: {@link io.roster.spi.pipeline} (assignment strategies and notification sinks of
 * task pipelines), {@link io.roster.spi.security} (who the caller is), {@link io.roster.spi.directory} (the host's
 * contact directory), {@link io.roster.spi.events} (domain events) and {@link io.roster.spi.notification} (message
 * channels: Telegram, e-mail, SMS).
 */
package io.roster.spi;

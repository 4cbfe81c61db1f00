/**
 * Extension point for reacting to changes in-process: {@link io.roster.spi.events.DomainEventListener}.
 */
package io.roster.spi.events;

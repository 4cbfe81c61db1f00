/**
 * Extension points for a Java host. Each is an interface in an {@code io.roster.spi.<area>} package, discovered as
 * a CDI bean and ordered by priority; the first ones arrive with the integration surface.
 */
package io.roster.spi;

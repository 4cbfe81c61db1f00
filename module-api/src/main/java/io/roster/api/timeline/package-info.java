/** A member's merged history, newest first: {@link io.roster.api.timeline.TimelineService}. */
package io.roster.api.timeline;

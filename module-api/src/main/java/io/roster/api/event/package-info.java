/**
 * Events and trainings with registration and attendance: {@link io.roster.api.event.EventService}.
 */
package io.roster.api.event;

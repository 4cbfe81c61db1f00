/**
 * Extension point for sign-in: {@link io.roster.spi.security.PrincipalResolver} turns a request's credentials into a
 * {@link io.roster.api.security.Caller}. See docs/integration.md for a complete example.
 */
package io.roster.spi.security;

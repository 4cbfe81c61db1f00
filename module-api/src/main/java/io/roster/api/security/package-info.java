/**
 * Who is calling and what they may do: {@link io.roster.api.security.Caller}, its
 * {@link io.roster.api.security.Permission}s and org-unit scope, the {@link io.roster.api.security.CallerContext}
 * that services read it from, and integrators' API keys ({@link io.roster.api.security.ApiKeyService}).
 */
package io.roster.api.security;

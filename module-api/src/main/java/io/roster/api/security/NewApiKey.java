package io.roster.api.security;

import java.util.Set;

/**
 * Input for a new API key.
 *
 * @param name what the key is for (1–200 characters)
 * @param permissions what it may do; at least one
 * @param orgUnitIds org units whose subtrees it may see; empty for the whole organisation (needs an unrestricted
 *     creator)
 */
public record NewApiKey(String name, Set<Permission> permissions, Set<String> orgUnitIds) {}

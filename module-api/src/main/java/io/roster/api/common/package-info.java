/**
 * Types shared by every area: {@link io.roster.api.common.Page} and {@link io.roster.api.common.PageRequest} for
 * keyset-paginated lists, and {@link io.roster.api.common.Language}.
 */
package io.roster.api.common;

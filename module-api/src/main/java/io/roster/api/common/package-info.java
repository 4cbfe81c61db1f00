/**
 * Types shared by every area: {@link io.roster.api.common.Page} and {@link io.roster.api.common.PageRequest} for
 * keyset-paginated lists, {@link io.roster.api.common.Language}, and {@link io.roster.api.common.RawJson} for JSON
 * values that carry their stored text.
 */
package io.roster.api.common;

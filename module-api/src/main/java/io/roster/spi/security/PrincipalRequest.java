package io.roster.spi.security;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a {@link PrincipalResolver} sees of a request: its headers and the address of the connection.
 *
 * @param headers header name (lower case) → values
 * @param remoteAddress the peer's IP address as a literal; a proxy's when there is one
 * @param path the request path, e.g. {@code /api/v1/members}
 */
public record PrincipalRequest(Map<String, List<String>> headers, String remoteAddress, String path) {
    public PrincipalRequest {
        headers = headers.entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(
                        e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.copyOf(e.getValue()), (a, b) -> a));
    }

    /** The first value of a header (case-insensitive), if present. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The credential of {@code Authorization: Bearer <credential>}, if that is how the request authenticates. */
    public Optional<String> bearer() {
        return header("Authorization")
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).strip());
    }
}

package io.roster.api.common;

/**
 * A JSON value that carries its own JSON text, as it was read from storage: a {@code Map} in an API record (such as a
 * timeline entry's {@code data}) may also be a {@code RawJson}, and then both describe the same object. A serialiser
 * may write {@link #json()} as it is instead of walking the map; Java callers use the map as any other.
 */
public interface RawJson {
    /** The value's JSON text: one complete, valid JSON value. */
    String json();
}

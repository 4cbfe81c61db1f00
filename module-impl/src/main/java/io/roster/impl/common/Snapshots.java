package io.roster.impl.common;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** Records as plain maps, and the differences between two of them: the material of revisions and audit entries. */
public final class Snapshots {
    private Snapshots() {}

    /** The record's components as JSON-friendly values (dates and enums as strings, sets sorted). */
    public static Map<String, Object> of(Record r) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.put(c.getName(), plain(c.getAccessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + c.getName(), e);
            }
        }
        return out;
    }

    /**
     * What changed from one snapshot to another: field → {@code {"from": …, "to": …}}, fields in the order of
     * {@code after}; unchanged fields are left out.
     */
    public static Map<String, Map<String, Object>> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : after.entrySet()) {
            Object old = before.get(e.getKey());
            if (!Objects.equals(old, e.getValue())) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old);
                change.put("to", e.getValue());
                out.put(e.getKey(), change);
            }
        }
        return out;
    }

    private static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof Enum<?> e) {
            return e.name();
        }
        if (v instanceof TemporalAccessor) {
            return v.toString();
        }
        if (v instanceof Record r) {
            return of(r);
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, val) -> out.put(String.valueOf(k instanceof Enum<?> e ? e.name() : k), plain(val)));
            return out;
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(o -> out.add(plain(o)));
            if (v instanceof Set<?>) {
                out.sort((a, b) -> String.valueOf(a).compareTo(String.valueOf(b)));
            }
            return out;
        }
        return v.toString();
    }
}

package duso.lang.values;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A mutable script object (string keys to values), shared by reference.
 *
 * <p>Keys keep insertion order: iteration ({@code keys}, {@code for k in obj}, concatenation)
 * is deterministic here, a documented improvement over the reference's random map order. The
 * renderers that the reference sorts (print, tostring, JSON) sort explicitly.
 */
public final class DusoObject {
    private final LinkedHashMap<String, Object> map;

    public DusoObject() {
        map = new LinkedHashMap<>();
    }

    public DusoObject(int expected) {
        map = LinkedHashMap.newLinkedHashMap(expected);
    }

    public DusoObject(Map<String, ?> entries) {
        map = LinkedHashMap.newLinkedHashMap(entries.size());
        map.putAll(entries);
    }

    /** The value for key, or Java null when the key is absent (scripts see nil). */
    public Object getOrNull(String key) {
        return map.get(key);
    }

    /** The value for key, nil when absent. */
    public Object get(String key) {
        Object v = map.get(key);
        return v == null ? Nil.NIL : v;
    }

    public boolean has(String key) {
        return map.containsKey(key);
    }

    public void put(String key, Object value) {
        map.put(key, value);
    }

    public Object remove(String key) {
        return map.remove(key);
    }

    public int size() {
        return map.size();
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    public Set<String> keys() {
        return map.keySet();
    }

    public Set<Map.Entry<String, Object>> entries() {
        return map.entrySet();
    }

    /** The live backing map (insertion ordered). */
    public Map<String, Object> map() {
        return map;
    }

    public DusoObject shallowCopy() {
        return new DusoObject(map);
    }
}

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
 *
 * <p>A shallow copy shares the entries until either side is written: the first write copies
 * them. Copies of objects that are mostly read are the common case (a datastore handle, a
 * request's response helpers, an instance made by calling a prototype object), and copying
 * their method tables eagerly was most of the cost of making them.
 */
public final class DusoObject {
    private LinkedHashMap<String, Object> map;
    /** The map may also belong to copies of this object: copy it before writing. */
    private boolean shared;

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
        owned().put(key, value);
    }

    public Object remove(String key) {
        return owned().remove(key);
    }

    private LinkedHashMap<String, Object> owned() {
        if (shared) {
            LinkedHashMap<String, Object> copy = LinkedHashMap.newLinkedHashMap(map.size());
            copy.putAll(map);
            map = copy;
            shared = false;
        }
        return map;
    }

    public int size() {
        return map.size();
    }

    public boolean isEmpty() {
        return map.isEmpty();
    }

    /** The keys, to read (a view that writes could reach other objects' entries). */
    public Set<String> keys() {
        return map.keySet();
    }

    /** The entries, to read (a view that writes could reach other objects' entries). */
    public Set<Map.Entry<String, Object>> entries() {
        return map.entrySet();
    }

    /** The live backing map (insertion ordered), this object's own: writes to it are writes to the object. */
    public Map<String, Object> map() {
        return owned();
    }

    public DusoObject shallowCopy() {
        DusoObject copy = new DusoObject(map, true);
        shared = true;
        return copy;
    }

    private DusoObject(LinkedHashMap<String, Object> map, boolean shared) {
        this.map = map;
        this.shared = shared;
    }
}

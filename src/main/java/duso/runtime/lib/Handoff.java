package duso.runtime.lib;

import duso.lang.values.DeepCopy;
import duso.lang.values.DusoObject;
import java.util.Map;

/**
 * The copy the reference makes of an object when a builtin receives it through its generic
 * argument map (every builtin without a fast path): each object level is rebuilt while arrays
 * inside stay shared. It matters only where a builtin keeps the value for the script to see
 * again: {@code unshift}'s items and {@code reduce}'s initial value are such copies, so later
 * changes to the original object do not show through them.
 */
final class Handoff {
    private Handoff() {}

    static Object convert(Object v) {
        return v instanceof DusoObject o ? copyObjectLevels(o, 0) : v;
    }

    private static DusoObject copyObjectLevels(DusoObject o, int depth) {
        if (depth > DeepCopy.MAX_DEPTH) {
            throw DeepCopy.tooDeep();
        }
        DusoObject out = new DusoObject(o.size());
        for (Map.Entry<String, Object> e : o.entries()) {
            Object v = e.getValue();
            out.put(e.getKey(), v instanceof DusoObject inner ? copyObjectLevels(inner, depth + 1) : v);
        }
        return out;
    }
}

package duso.lang.values;

import duso.lang.errors.DusoError;
import java.util.List;
import java.util.Map;

/**
 * The one recursive copy of script values. Arrays and objects are copied all the way down
 * (objects keep their key order); every other value is immutable or shared on purpose and is
 * returned as is: numbers, strings, booleans, nil, binary, error, regex and code values.
 *
 * <p>Two flavours, because the reference has two rules for functions:
 * <ul>
 *   <li>{@link #copy} keeps functions (shared): datastore values in memory, where a stored
 *       function survives a set/get round trip;</li>
 *   <li>{@link #copyWithoutFunctions} drops them, as the {@code deep_copy()} builtin does: an
 *       object field holding a function is removed, an array slot becomes nil and a
 *       top-level function becomes nil.</li>
 * </ul>
 */
public final class DeepCopy {
    /**
     * Deeper than any real data; reached in practice only by a value that contains itself,
     * which would otherwise recurse until the thread's (large) stack overflows.
     */
    public static final int MAX_DEPTH = 2_000;

    private DeepCopy() {}

    /** A deep copy that keeps function values. */
    public static Object copy(Object v) {
        if (v instanceof DusoArray a) {
            return copyArray(a, true, 0);
        }
        if (v instanceof DusoObject o) {
            return copyObject(o, true, 0);
        }
        return v;
    }

    /** A deep copy in which functions become nil (array slots, top level) or vanish (fields). */
    public static Object copyWithoutFunctions(Object v) {
        if (v instanceof DusoArray a) {
            return copyArray(a, false, 0);
        }
        if (v instanceof DusoObject o) {
            return copyObject(o, false, 0);
        }
        if (v instanceof FunctionValue) {
            return Nil.NIL;
        }
        return v;
    }

    private static DusoArray copyArray(DusoArray a, boolean keepFunctions, int depth) {
        checkDepth(depth);
        int n = a.size();
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            Object e = a.get(i);
            if (e instanceof DusoArray inner) {
                e = copyArray(inner, keepFunctions, depth + 1);
            } else if (e instanceof DusoObject inner) {
                e = copyObject(inner, keepFunctions, depth + 1);
            } else if (!keepFunctions && e instanceof FunctionValue) {
                e = Nil.NIL;
            }
            items[i] = e;
        }
        return DusoArray.wrap(items);
    }

    private static DusoObject copyObject(DusoObject o, boolean keepFunctions, int depth) {
        checkDepth(depth);
        DusoObject out = new DusoObject(o.size());
        Map<String, Object> target = out.map();
        for (Map.Entry<String, Object> entry : o.entries()) {
            Object e = entry.getValue();
            if (e instanceof DusoArray inner) {
                e = copyArray(inner, keepFunctions, depth + 1);
            } else if (e instanceof DusoObject inner) {
                e = copyObject(inner, keepFunctions, depth + 1);
            } else if (!keepFunctions && e instanceof FunctionValue) {
                continue;
            }
            target.put(entry.getKey(), e);
        }
        return out;
    }

    private static void checkDepth(int depth) {
        if (depth > MAX_DEPTH) {
            throw tooDeep();
        }
    }

    /** The error for a value nested past {@link #MAX_DEPTH} (shared by walks that guard the same way). */
    public static DusoError tooDeep() {
        return new DusoError("value is nested more than " + MAX_DEPTH + " levels deep (does it contain itself?)",
                null, 0, List.of());
    }
}

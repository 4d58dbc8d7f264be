package duso.lang.values;

import duso.lang.errors.DusoError;
import java.util.List;
import java.util.Map;

/**
 * The one recursive copy of script values. Arrays and objects are copied all the way down
 * (objects keep their key order); every other value is immutable or shared on purpose and is
 * returned as is: numbers, strings, booleans, nil, binary, error, regex and code values.
 *
 * <p>Three flavours, because the reference has three rules:
 * <ul>
 *   <li>{@link #copy} keeps functions (shared): datastore values in memory, where a stored
 *       function survives a set/get round trip;</li>
 *   <li>{@link #copyWithoutFunctions} drops them, as the {@code deep_copy()} builtin does: an
 *       object field holding a function is removed, an array slot becomes nil and a
 *       top-level function becomes nil;</li>
 *   <li>{@link #acrossInstances} is the serialization contract for values that cross from
 *       one script instance to another (run/spawn contexts, exit values, errors raised in a
 *       child): functions dropped as above, and the values that only mean something inside
 *       their instance flattened: a regex becomes its pattern string, an error value its
 *       message, a code value its source.</li>
 * </ul>
 */
public final class DeepCopy {
    /**
     * Deeper than any real data; reached in practice only by a value that contains itself,
     * which would otherwise recurse until the thread's (large) stack overflows.
     */
    public static final int MAX_DEPTH = 2_000;

    private DeepCopy() {}

    /** What a copy does with functions and instance-bound values. */
    private enum Mode { KEEP_FUNCTIONS, DROP_FUNCTIONS, ACROSS_INSTANCES }

    /** A deep copy that keeps function values. */
    public static Object copy(Object v) {
        return guarded(v, Mode.KEEP_FUNCTIONS);
    }

    /** A deep copy in which functions become nil (array slots, top level) or vanish (fields). */
    public static Object copyWithoutFunctions(Object v) {
        return guarded(v, Mode.DROP_FUNCTIONS);
    }

    /**
     * The copy a value gets when it crosses into another script instance: functions dropped
     * as in {@link #copyWithoutFunctions}, regex → pattern, error → its message (copied the
     * same way), code → source.
     */
    public static Object acrossInstances(Object v) {
        return guarded(v, Mode.ACROSS_INSTANCES);
    }

    /**
     * A copy whose stack overflow is the too-deep error too: {@link #MAX_DEPTH} levels take
     * about 4,000 frames, more than a thread with a small stack holds while this code is still
     * interpreted (a 1 MB stack overflowed in a test run before the depth check fired).
     */
    private static Object guarded(Object v, Mode mode) {
        try {
            return copyValue(v, mode, 0);
        } catch (StackOverflowError e) {
            throw tooDeep();
        }
    }

    private static Object copyValue(Object v, Mode mode, int depth) {
        if (v instanceof DusoArray a) {
            return copyArray(a, mode, depth);
        }
        if (v instanceof DusoObject o) {
            return copyObject(o, mode, depth);
        }
        if (mode != Mode.KEEP_FUNCTIONS && v instanceof FunctionValue) {
            return Nil.NIL;
        }
        if (mode == Mode.ACROSS_INSTANCES) {
            if (v instanceof RegexValue r) {
                return r.pattern();
            }
            if (v instanceof ErrorValue e) {
                return copyValue(e.message(), mode, depth + 1);
            }
            if (v instanceof CodeValue c) {
                return c.source();
            }
        }
        return v;
    }

    private static DusoArray copyArray(DusoArray a, Mode mode, int depth) {
        checkDepth(depth);
        int n = a.size();
        Object[] items = new Object[n];
        for (int i = 0; i < n; i++) {
            items[i] = copyValue(a.get(i), mode, depth + 1);
        }
        return DusoArray.wrap(items);
    }

    private static DusoObject copyObject(DusoObject o, Mode mode, int depth) {
        checkDepth(depth);
        DusoObject out = new DusoObject(o.size());
        Map<String, Object> target = out.map();
        for (Map.Entry<String, Object> entry : o.entries()) {
            Object e = entry.getValue();
            if (mode != Mode.KEEP_FUNCTIONS && e instanceof FunctionValue) {
                continue;
            }
            target.put(entry.getKey(), copyValue(e, mode, depth + 1));
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

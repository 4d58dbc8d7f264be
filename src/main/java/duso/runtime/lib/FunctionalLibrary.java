package duso.runtime.lib;

import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.values.DusoArray;
import duso.lang.values.Nil;
import duso.lang.values.Values;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * map, filter, reduce and sort: builtins that call script functions back. Each returns a new
 * array (or value) and leaves its input alone. Callbacks see the element only (map, filter),
 * the accumulator and element (reduce) or two elements (sort's less-than predicate).
 *
 * <p>The input array is walked as a {@code for} loop walks it ({@link DusoArray#walk()}): as
 * many elements as it had when the walk began, read from its storage as the walk goes, so a
 * callback's {@code arr[i] = v} is seen and its push, pop, shift or unshift are not, as in the
 * reference.
 */
public final class FunctionalLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("map", FunctionalLibrary::map);
        r.add("filter", FunctionalLibrary::filter);
        r.add("reduce", FunctionalLibrary::reduce);
        r.add("sort", FunctionalLibrary::sort);
    }

    private static DusoArray input(Args a) {
        return a.array(0, null, "an array as first argument");
    }

    /** The callback argument; only its absence is checked here (nil fails when called). */
    private static Object callback(Args a) {
        Object fn = a.get(1, null);
        if (fn == null) {
            throw a.fail("a function as second argument");
        }
        return fn;
    }

    private static Object map(Args a) {
        DusoArray arr = input(a);
        Object fn = callback(a);
        DusoArray.Walk walk = arr.walk();
        Object[] out = new Object[walk.size()];
        Interp in = a.interp();
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = Callbacks.call(in, fn, walk.get(i));
            } catch (DusoError e) {
                throw Callbacks.wrapped("map", e, in);
            }
        }
        return DusoArray.wrap(out);
    }

    private static Object filter(Args a) {
        DusoArray arr = input(a);
        Object fn = callback(a);
        DusoArray.Walk walk = arr.walk();
        Interp in = a.interp();
        DusoArray out = new DusoArray(walk.size());
        for (int i = 0; i < walk.size(); i++) {
            Object item = walk.get(i);
            Object keep;
            try {
                keep = Callbacks.call(in, fn, item);
            } catch (DusoError e) {
                throw Callbacks.wrapped("filter", e, in);
            }
            if (Values.truthy(keep)) {
                out.add(item);
            }
        }
        return out;
    }

    private static Object reduce(Args a) {
        DusoArray arr = input(a);
        Object fn = callback(a);
        Object init = a.get(2, null);
        Object acc = init == null ? Nil.NIL : Handoff.convert(init);
        DusoArray.Walk walk = arr.walk();
        Interp in = a.interp();
        for (int i = 0; i < walk.size(); i++) {
            try {
                acc = Callbacks.call(in, fn, acc, walk.get(i));
            } catch (DusoError e) {
                throw Callbacks.wrapped("reduce", e, in);
            }
        }
        return acc;
    }

    /** sort(arr [, less]): a new, stably sorted array; a predicate's error passes through as it is. */
    private static Object sort(Args a) {
        DusoArray arr = input(a);
        Object fn = a.get(1, null);
        if (fn == null) {
            return ArraySort.sortDefault(arr);
        }
        Object[] items = arr.toArray();
        Interp in = a.interp();
        return ArraySort.sortWith(items, (i, j) -> Values.truthy(Callbacks.call(in, fn, items[i], items[j])));
    }
}

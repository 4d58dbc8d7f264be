package duso.runtime.lib;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.NumberFormat;
import duso.lang.values.Numbers;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import java.util.Map;

/**
 * The array and object builtins that change or take apart their argument in place: push, pop,
 * shift, unshift, keys, values, and range, which builds a new array. Like the reference they
 * read positional arguments only.
 *
 * <p>{@code keys} and {@code values} follow the object's insertion order (a documented
 * improvement over the reference's random map order).
 */
public final class ArraysLibrary implements Library {
    /** Elements range() may create; beyond this the array could not be held anyway. */
    static final int MAX_RANGE = Integer.MAX_VALUE - 16;

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("push", ArraysLibrary::push);
        r.add("pop", a -> target(a).removeLast());
        r.add("shift", a -> target(a).removeFirst());
        r.add("unshift", ArraysLibrary::unshift);
        r.add("keys", ArraysLibrary::keys);
        r.add("values", ArraysLibrary::values);
        r.add("range", ArraysLibrary::range);
    }

    private static DusoArray target(Args a) {
        return a.array(0, null, "an array as first argument");
    }

    private static Object push(Args a) {
        DusoArray arr = target(a);
        int n = a.count();
        for (int i = 1; i < n; i++) {
            arr.add(a.raw().at(i));
        }
        return Numbers.box(arr.size());
    }

    /**
     * unshift goes through the reference's generic argument conversion, which rebuilds objects
     * (at every object level, arrays stay shared): the array receives copies of object items.
     */
    private static Object unshift(Args a) {
        DusoArray arr = target(a);
        int n = a.count();
        for (int i = n - 1; i >= 1; i--) {
            arr.insertFirst(Handoff.convert(a.raw().at(i)));
        }
        return Numbers.box(arr.size());
    }

    private static Object keys(Args a) {
        DusoObject o = a.object(0, null, "an object");
        Object[] out = new Object[o.size()];
        int i = 0;
        for (String k : o.keys()) {
            out[i++] = k;
        }
        return DusoArray.wrap(out);
    }

    private static Object values(Args a) {
        DusoObject o = a.object(0, null, "an object");
        Object[] out = new Object[o.size()];
        int i = 0;
        for (Map.Entry<String, Object> e : o.entries()) {
            out[i++] = e.getValue();
        }
        return DusoArray.wrap(out);
    }

    /**
     * range(start, end [, step]): inclusive, stepping by repeated addition as the reference
     * does (so {@code range(0, 0.3, 0.1)} stops at 0.2). A step that is not a number counts
     * as 1. A step too small to move the value would loop forever in the reference; here it
     * is an error.
     */
    private static Object range(Args a) {
        double start = a.number(0, null, "a number as first argument");
        double end = a.number(1, null, "a number as second argument");
        double step = a.get(2, null) instanceof Double s ? s : 1.0;
        if (step == 0) {
            throw Args.error("range() step cannot be zero");
        }
        DusoArray out = new DusoArray();
        if (step > 0) {
            for (double i = start; i <= end; i += step) {
                add(out, i, step);
            }
        } else {
            for (double i = start; i >= end; i += step) {
                add(out, i, step);
            }
        }
        return out;
    }

    private static void add(DusoArray out, double v, double step) {
        if (v + step == v) {
            throw Args.error("range() step " + NumberFormat.formatG(step) + " is too small to move past "
                    + NumberFormat.formatG(v));
        }
        if (out.size() >= MAX_RANGE) {
            throw Args.error("range() would create more than " + MAX_RANGE + " elements");
        }
        out.add(Numbers.box(v));
    }
}

package duso.runtime.lib;

import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.GoNumbers;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * tonumber, tobool and deep_copy. Their rules are the reference's, which are not the
 * language's: tonumber reads a leading number like C's scanf ({@code "12abc"} is 12, junk is 0),
 * and tobool calls every array and object true (even empty ones, which are falsy in
 * conditions) and every function, error, regex, code and binary value false.
 */
public final class ConversionLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("tonumber", ConversionLibrary::tonumber);
        r.add("tobool", ConversionLibrary::tobool);
        r.add("deep_copy", a -> DeepCopy.copyWithoutFunctions(a.positional(0, "deep_copy() requires 1 argument")));
    }

    private static Object tonumber(Args a) {
        Object v = a.positional(0, "tonumber() requires an argument");
        if (v instanceof Double) {
            return v;
        }
        if (v instanceof String s) {
            return GoNumbers.scanFloat(s);
        }
        if (v instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        return 0.0;
    }

    private static Object tobool(Args a) {
        Object v = a.positional(0, "tobool() requires an argument");
        if (v instanceof Boolean) {
            return v;
        }
        if (v instanceof Double d) {
            return d != 0;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        return v instanceof DusoArray || v instanceof DusoObject ? Boolean.TRUE : Boolean.FALSE;
    }
}

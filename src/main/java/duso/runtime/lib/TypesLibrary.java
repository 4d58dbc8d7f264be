package duso.runtime.lib;

import duso.lang.errors.DusoError;
import duso.lang.nodes.ExitSignal;
import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.lang.values.Values;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/** type, len, tostring, throw, assert and exit: the builtins every script leans on. */
public final class TypesLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("type", a -> Values.typeName(a.positional(0, "type() requires an argument")));
        r.add("len", TypesLibrary::len);
        r.add("tostring", a -> {
            Object v = a.positional(0, "tostring() requires an argument");
            return v instanceof String ? v : Render.syntax(v);
        });
        r.add("throw", a -> {
            Object v = a.get(0, "message");
            throw new DusoError(v == null ? "unknown error" : v, null, 0, a.interp().stack());
        });
        r.add("assert", TypesLibrary::assertion);
        r.add("exit", a -> {
            Object v = a.get(0, "value");
            throw new ExitSignal(v == null ? Nil.NIL : v);
        });
    }

    private static Object len(Args a) {
        // As in the reference, type, len and tostring read no named argument: len(value = x) fails.
        Object v = a.positional(0, "len() requires an argument");
        if (v instanceof String s) {
            return (double) s.codePointCount(0, s.length());
        }
        if (v instanceof DusoArray arr) {
            return (double) arr.size();
        }
        if (v instanceof DusoObject o) {
            return (double) o.size();
        }
        if (v instanceof BinaryValue b) {
            return (double) b.length();
        }
        if (v == Nil.NIL) {
            return 0.0;
        }
        throw Args.error("len() requires array, object, string, or binary");
    }

    /** assert(): only false, nil, 0 and "" fail (the reference checks Go types, not truthiness). */
    private static Object assertion(Args a) {
        Object c = a.value(0, "condition");
        boolean ok = !(c == Nil.NIL || Boolean.FALSE.equals(c) || (c instanceof Double d && d == 0)
                || "".equals(c));
        if (ok) {
            return Nil.NIL;
        }
        Object m = a.get(1, "message");
        String message = m == null ? "assertion failed" : Render.goFormat(m);
        throw new DusoError(message, null, 0, a.interp().stack());
    }
}

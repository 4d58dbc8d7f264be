package duso.runtime.lib;

import duso.lang.ast.Program;
import duso.lang.errors.DusoError;
import duso.lang.nodes.ExitSignal;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.CodeValue;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.Nil;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * {@code context()}, {@code parse(src [, metadata])} and {@code shutdown([code])}: how a script
 * instance learns why it runs (nil for the main script, the request for a handler), how
 * code becomes a value a route or spawn can run, and how any instance ends the whole
 * process gracefully. Kept minimal here for the web stack; the concurrency library owns the
 * rest of the process builtins (spawn, run, kill).
 */
public final class ProcessLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("context", a -> a.instance().context());
        r.add("shutdown", a -> shutdown(a, rt));
        r.add("parse", ProcessLibrary::parse);
    }

    /** Never throws: a code value, or an error value with the lexer or parser message. */
    private static Object parse(Args a) {
        String src = a.string(0, "source", "a string as first argument");
        DusoObject metadata = a.optObject(1, "metadata", "an object as second argument");
        try {
            Program p = Parser.parse(new Source("<parser>", null, src), "<parser>");
            return new CodeValue(src, p, metadata == null ? new DusoObject() : metadata);
        } catch (DusoError e) {
            return new ErrorValue(e.render(), "");
        }
    }

    /**
     * Starts the shutdown on its own thread and ends the calling instance like exit(): a
     * handler that calls it must unwind so the drain it is part of can finish.
     */
    private static Object shutdown(Args a, DusoRuntime rt) {
        Object raw = a.get(0, "code");
        int code = 0;
        if (raw != null) {
            if (!(raw instanceof Double d)) {
                throw Args.error("shutdown() exit code must be a number");
            }
            if (d != Math.rint(d) || d < 0 || d > 255) {
                throw Args.error("shutdown() exit code must be a whole number from 0 to 255");
            }
            code = d.intValue();
        }
        rt.requestShutdown(code);
        throw new ExitSignal(Nil.NIL);
    }
}

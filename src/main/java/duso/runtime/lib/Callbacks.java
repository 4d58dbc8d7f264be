package duso.runtime.lib;

import duso.lang.errors.CallFrame;
import duso.lang.errors.DusoError;
import duso.lang.nodes.CallArgs;
import duso.lang.nodes.Interp;
import duso.lang.nodes.Invoke;
import duso.lang.source.Pos;
import duso.runtime.Args;
import java.util.List;

/**
 * Calling script values back from map, filter, reduce and sort, and shaping the errors they
 * raise the way the reference reports them.
 *
 * <p>The reference quotes a failing callback's error inside its own message
 * ({@code error in map function: main.du:3:12: …}). The file is the one the error names
 * (see {@link DusoError#settleFile}): a callback runs "in" its caller's file, so none when
 * map is called from inside a function literal. (Callback calls have no call site, so they
 * add no frame to error stacks, as in the reference.)
 */
final class Callbacks {
    private Callbacks() {}

    /** Calls fn with positional arguments; a value that is not a function is an error. */
    static Object call(Interp in, Object fn, Object... args) {
        return Invoke.callValue(in, fn, args, CallArgs.NO_NAMES, CallArgs.NO_VALUES, Pos.NONE, null);
    }

    /** {@code error in NAME function: …} quoting the callback's error, as map/filter/reduce raise it. */
    static DusoError wrapped(String builtin, DusoError inner, Interp in) {
        inner.settleFile(in.errorFile(inner.file()));
        return Args.error("error in " + builtin + " function: " + quoted(inner));
    }

    /**
     * The error as the reference's {@code Error()} writes it: {@code FILE:L:C: message} (no file
     * when it was raised "in" a function literal) and the call stack; errors the reference
     * raises without a position are quoted without one.
     */
    private static String quoted(DusoError e) {
        StringBuilder b = new StringBuilder();
        if (e.hasPosition() && e.referencePositioned()) {
            if (e.file() != null && !e.file().isEmpty()) {
                b.append(e.file()).append(':');
            }
            b.append(Pos.format(e.pos())).append(": ");
        }
        b.append(e.messageText());
        List<CallFrame> frames = e.stack();
        if (!frames.isEmpty()) {
            b.append("\n\nCall stack:");
            for (int i = frames.size() - 1; i >= 0; i--) {
                b.append('\n').append(frames.get(i).render());
            }
        }
        return b.toString();
    }
}

package duso.lang.nodes;

import duso.lang.errors.DusoError;
import java.util.List;

/**
 * How nodes raise errors. "Positioned" errors carry the script call stack, as the
 * reference's evaluator errors do; "plain" errors are the ones the reference raised without a
 * position (comparisons, indexing, calls of non-functions): we position them anyway, but keep
 * their call stack empty so the rest of their text matches.
 */
public final class Errors {
    private Errors() {}

    public static DusoError positioned(Frame f, String file, int pos, String message) {
        return new DusoError(message, file, pos, f.interp.stack());
    }

    public static DusoError plain(String file, int pos, String message) {
        return new DusoError(message, file, pos, List.of()).unpositionedInReference();
    }

    /** A message-only error for builtins and helpers; the call site adds file and position. */
    public static DusoError message(String message) {
        return new DusoError(message, null, 0, List.of());
    }
}

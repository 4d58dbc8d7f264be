package duso.lang.errors;

import duso.lang.source.Pos;
import java.util.List;

/**
 * A Duso error in flight: a thrown value (any script value; a String for runtime errors), where
 * it happened, and the script call stack at that moment.
 *
 * <p>It carries no Java stack trace: scripts catch errors routinely and only the Duso position
 * matters. The text is built late, in {@link #render}, as {@code FILE:L:C: message} followed by
 * the call stack, innermost frame first. {@code referencePositioned} records whether the
 * reference runtime would have printed a position for this error; we always know one and
 * print it (a documented improvement), but the distinction is kept for tools that want it.
 */
public class DusoError extends RuntimeException {
    /** Renders non-string thrown values the way Go's {@code %v} does; installed by the values layer. */
    public interface ValueFormatter {
        String goFormat(Object value);
    }

    private static volatile ValueFormatter formatter = String::valueOf;

    private final Object value;
    private String file;
    private int pos;
    private List<CallFrame> stack;
    private boolean referencePositioned = true;
    /** Whether {@link #file} is final: see {@link #settleFile}. */
    private boolean fileSettled;

    public DusoError(Object value, String file, int pos, List<CallFrame> stack) {
        super(null, null, false, false);
        this.value = value;
        this.file = file;
        this.pos = pos;
        this.stack = stack == null ? List.of() : stack;
    }

    /** A lexer error: the reference prints only "L:C: message", with no file. */
    public static DusoError lexical(String message, int pos) {
        return new DusoError(message, null, pos, List.of());
    }

    public static void installFormatter(ValueFormatter f) {
        formatter = f;
    }

    /** The thrown value: what {@code e.message} gives a catch block. */
    public Object value() {
        return value;
    }

    public String file() {
        return file;
    }

    public int pos() {
        return pos;
    }

    public List<CallFrame> stack() {
        return stack;
    }

    public boolean hasPosition() {
        return Pos.isValid(pos);
    }

    /** Marks an error the reference raises as a plain message, without any position. */
    public DusoError unpositionedInReference() {
        referencePositioned = false;
        return this;
    }

    /**
     * Whether the reference gives this error a position. Where its message is quoted inside
     * another (callback errors in map/filter/reduce), only such errors quote one.
     */
    public boolean referencePositioned() {
        return referencePositioned;
    }

    /** Fills in a position for an error raised where none was known (first one wins). */
    public DusoError locate(String file, int pos) {
        if (!Pos.isValid(this.pos) && Pos.isValid(pos)) {
            this.file = file;
            this.pos = pos;
        }
        return this;
    }

    /**
     * Fixes the file the error names, the first time it leaves a script function or is
     * caught. The reference names the file its evaluator was "in" when the error arose: that
     * of the innermost function called from script code, which is no file at all for a
     * function literal; a builtin calling a function back (map, sort) does not change it.
     * Nodes know only the file they were written in, so the file is settled where that
     * context is known (Invoke, CallNode, TryNode).
     */
    public DusoError settleFile(String settled) {
        if (!fileSettled) {
            file = settled;
            fileSettled = true;
        }
        return this;
    }

    public DusoError withStackIfEmpty(List<CallFrame> s) {
        if (stack.isEmpty() && s != null) {
            stack = s;
        }
        return this;
    }

    /** The message alone, as text: strings raw, other values in Go {@code %v} form. */
    public String messageText() {
        if (value instanceof String s) {
            return s;
        }
        if (value == null) {
            return "unknown error";
        }
        return formatter.goFormat(value);
    }

    /** Full text: {@code FILE:L:C: message} and, when there is one, the call stack. */
    public String render() {
        StringBuilder b = new StringBuilder();
        if (file != null && !file.isEmpty()) {
            b.append(file).append(':');
        }
        if (Pos.isValid(pos)) {
            b.append(Pos.format(pos)).append(": ");
        }
        b.append(messageText());
        if (!stack.isEmpty()) {
            b.append("\n\nCall stack:");
            for (int i = stack.size() - 1; i >= 0; i--) {
                b.append('\n').append(stack.get(i).render());
            }
        }
        return b.toString();
    }

    @Override
    public String getMessage() {
        return render();
    }
}

package duso.lang.errors;

import duso.lang.source.Pos;

/** One line of a "Call stack:" listing: the callee's name and file, and the call site position. */
public record CallFrame(String function, String file, int pos) {

    /** {@code at NAME (FILE:L:C)} as the reference prints it. */
    public String render() {
        StringBuilder b = new StringBuilder("  at ").append(function).append(" (");
        if (file != null && !file.isEmpty()) {
            b.append(file).append(':');
        }
        return b.append(Pos.format(pos)).append(')').toString();
    }
}

package duso.lang.source;

/**
 * A source position packed into one int: line in the high bits, byte column in the low 13.
 *
 * <p>Nodes keep positions as plain ints so the AST and executable nodes carry no extra objects;
 * {@link #NONE} (0) means "no position", which is how the reference prints many runtime errors.
 */
public final class Pos {
    public static final int NONE = 0;
    private static final int COL_BITS = 13;
    private static final int COL_MASK = (1 << COL_BITS) - 1;

    private Pos() {}

    public static int of(int line, int column) {
        if (line <= 0) {
            return NONE;
        }
        int col = Math.max(0, Math.min(column, COL_MASK));
        return (line << COL_BITS) | col;
    }

    public static int line(int pos) {
        return pos >>> COL_BITS;
    }

    public static int column(int pos) {
        return pos & COL_MASK;
    }

    public static boolean isValid(int pos) {
        return line(pos) > 0;
    }

    /** "L:C" or "L" as the reference prints positions (column omitted when zero). */
    public static String format(int pos) {
        int c = column(pos);
        return c > 0 ? line(pos) + ":" + c : String.valueOf(line(pos));
    }
}

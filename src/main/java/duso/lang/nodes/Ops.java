package duso.lang.nodes;

import duso.lang.values.GoNumbers;
import duso.lang.values.Numbers;
import duso.lang.values.Render;
import duso.lang.values.Values;

/**
 * Operator semantics shared by the expression nodes, compound assignment and builtins.
 * Each returns the result or null when the operand types do not fit, so callers choose the
 * error text and position the reference uses at their site.
 */
public final class Ops {
    private Ops() {}

    /** {@code +}: numbers add; if either side is a string, concatenation form; else null. */
    public static Object add(Object a, Object b) {
        if (a instanceof Double x && b instanceof Double y) {
            return Numbers.box(x + y);
        }
        if (a instanceof String || b instanceof String) {
            return Render.concat(a).concat(Render.concat(b));
        }
        return null;
    }

    /**
     * Go's int64(x) on amd64: truncation toward zero; NaN and out-of-range values become
     * the minimum int64, as the CPU's conversion instruction produces.
     */
    public static long goInt64(double x) {
        if (Double.isNaN(x) || x >= 9.223372036854775807E18 || x < -9.223372036854775808E18) {
            return Long.MIN_VALUE;
        }
        return (long) x;
    }

    /** {@code %} on integers truncated from both sides; null when the divisor truncates to 0. */
    public static Double mod(double a, double b) {
        long y = goInt64(b);
        if (y == 0) {
            return null;
        }
        return Numbers.box(goInt64(a) % y);
    }

    /**
     * Ordering: numeric when both sides are numbers or numeric strings, bytewise when both are
     * strings; null when the values cannot be compared. Returns a negative, zero or positive
     * int (or 2 for "unordered", NaN involved: every ordering test is then false).
     */
    public static Integer compare(Object a, Object b) {
        Double x = Values.orderingNumber(a);
        if (x != null) {
            Double y = Values.orderingNumber(b);
            if (y != null) {
                double p = x;
                double q = y;
                if (p < q) {
                    return -1;
                }
                if (p > q) {
                    return 1;
                }
                return p == q ? 0 : 2;
            }
        }
        if (a instanceof String s && b instanceof String t) {
            return Integer.signum(Values.compareStrings(s, t));
        }
        return null;
    }

    public static String cannotCompare(Object a, Object b) {
        return "cannot compare " + Values.kind(a) + " and " + Values.kind(b);
    }

    /** Whether a string is what the reference's comparison coercion accepts as a number. */
    public static boolean isNumericString(String s) {
        return GoNumbers.parseFloat(s) != null;
    }
}

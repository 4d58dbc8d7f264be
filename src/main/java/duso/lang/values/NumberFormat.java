package duso.lang.values;

/**
 * Go's float formatting, which the reference's three renderers are built on.
 *
 * <p>Java's {@code Double.toString} yields the shortest round-trip digits (JDK 19+), the same
 * digits Go's {@code strconv.FormatFloat(f, fmt, -1, 64)} uses; only the layout differs. This
 * class turns those digits into Go's {@code 'e'}, {@code 'f'} and {@code 'g'} layouts, and
 * the Duso renderings built on them (print form, concatenation form).
 */
public final class NumberFormat {
    private static final double TWO_63 = 9.223372036854775808E18;

    private NumberFormat() {}

    /** True when Go's {@code n == float64(int64(n))} holds on amd64 (int64 range, no fraction). */
    public static boolean isInt64(double n) {
        return n >= -TWO_63 && n < TWO_63 && n == (double) (long) n;
    }

    /** print/tostring form: {@code %.0f} for int64 integers, else Go {@code %g} shortest. */
    public static String display(double n) {
        if (isInt64(n)) {
            return isNegativeZero(n) ? "-0" : Long.toString((long) n);
        }
        return formatG(n);
    }

    /** {@link #display(double)} appended to b, a whole number without an intermediate string. */
    public static void display(double n, StringBuilder b) {
        if (isInt64(n) && !isNegativeZero(n)) {
            b.append((long) n);
        } else {
            b.append(display(n));
        }
    }

    private static boolean isNegativeZero(double n) {
        return n == 0 && Double.doubleToRawLongBits(n) != 0;
    }

    /** Concatenation form: int64 digits, else shortest plain decimal (never an exponent). */
    public static String concat(double n) {
        if (isInt64(n)) {
            return Long.toString((long) n);
        }
        return formatF(n);
    }

    /** Go {@code %v} / {@code %g} with shortest precision. */
    public static String formatG(double n) {
        String special = special(n);
        if (special != null) {
            return special;
        }
        Decimal d = Decimal.of(n);
        int exp = d.dp - 1;
        if (d.nd == 0) {
            exp = 0; // zero: Go prints "0"
        }
        if (exp < -4 || exp >= 6) {
            return d.layoutE();
        }
        return d.layoutF();
    }

    /** Go {@code strconv.FormatFloat(n, 'f', -1, 64)}. */
    public static String formatF(double n) {
        String special = special(n);
        return special != null ? special : Decimal.of(n).layoutF();
    }

    /** Go {@code strconv.FormatFloat(n, 'e', -1, 64)}, e.g. {@code 1e+21}, {@code 1.5e-07}. */
    public static String formatE(double n) {
        String special = special(n);
        return special != null ? special : Decimal.of(n).layoutE();
    }

    private static String special(double n) {
        if (Double.isNaN(n)) {
            return "NaN";
        }
        if (Double.isInfinite(n)) {
            return n > 0 ? "+Inf" : "-Inf";
        }
        return null;
    }

    /** Shortest decimal digits d1d2…dn and point position dp: value = 0.d1d2…dn × 10^dp. */
    private static final class Decimal {
        final boolean negative;
        final String digits;
        final int nd;
        final int dp;

        private Decimal(boolean negative, String digits, int dp) {
            this.negative = negative;
            this.digits = digits;
            this.nd = digits.length();
            this.dp = dp;
        }

        static Decimal of(double n) {
            boolean neg = Double.doubleToRawLongBits(n) < 0;
            String s = Double.toString(Math.abs(n));
            int exp = 0;
            int e = s.indexOf('E');
            if (e >= 0) {
                exp = Integer.parseInt(s.substring(e + 1));
                s = s.substring(0, e);
            }
            int dot = s.indexOf('.');
            String intPart = dot < 0 ? s : s.substring(0, dot);
            String frac = dot < 0 ? "" : s.substring(dot + 1);
            String all = intPart + frac;
            int dp = intPart.length() + exp;
            int start = 0;
            while (start < all.length() && all.charAt(start) == '0') {
                start++;
                dp--;
            }
            int end = all.length();
            while (end > start && all.charAt(end - 1) == '0') {
                end--;
            }
            String digits = all.substring(start, end);
            if (digits.isEmpty()) {
                dp = 0;
            } else if (digits.length() == 2) {
                // Java always prints two significant digits ("4.9E-324"); Go prints one when one
                // round-trips ("5e-324"), which only happens where doubles are sparse.
                char rounded = (char) (digits.charAt(0) + (digits.charAt(1) >= '5' ? 1 : 0));
                if (rounded <= '9' && Double.parseDouble(rounded + "E" + (dp - 1)) == Math.abs(n)) {
                    digits = String.valueOf(rounded);
                }
            }
            return new Decimal(neg, digits, dp);
        }

        String layoutE() {
            StringBuilder b = new StringBuilder(nd + 8);
            if (negative) {
                b.append('-');
            }
            if (nd == 0) {
                b.append('0');
            } else {
                b.append(digits.charAt(0));
                if (nd > 1) {
                    b.append('.').append(digits, 1, nd);
                }
            }
            int exp = nd == 0 ? 0 : dp - 1;
            b.append('e').append(exp < 0 ? '-' : '+');
            int a = Math.abs(exp);
            if (a < 10) {
                b.append('0');
            }
            return b.append(a).toString();
        }

        String layoutF() {
            StringBuilder b = new StringBuilder(nd + 8);
            if (negative) {
                b.append('-');
            }
            if (nd == 0) {
                return b.append('0').toString();
            }
            if (dp <= 0) {
                b.append("0.");
                b.repeat('0', -dp);
                b.append(digits);
            } else if (dp >= nd) {
                b.append(digits);
                b.repeat('0', dp - nd);
            } else {
                b.append(digits, 0, dp).append('.').append(digits, dp, nd);
            }
            return b.toString();
        }
    }
}

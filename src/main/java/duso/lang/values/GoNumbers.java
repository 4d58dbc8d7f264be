package duso.lang.values;

/**
 * Go's number parsing rules, which decide when a string counts as a number: ordering operators
 * coerce strings {@code strconv.ParseFloat} accepts, {@code tonumber} reads a leading number the
 * way {@code fmt.Sscanf("%f")} does, and offsets are read with {@code strconv.Atoi}.
 */
public final class GoNumbers {
    private GoNumbers() {}

    /**
     * The value of s when ParseFloat accepts it without error, else null. Accepts optional sign,
     * decimal or hex-float syntax (digits may be separated by single underscores, as in Go
     * literals: {@code 1_000}), "inf", "infinity" and "nan" in any case; rejects surrounding
     * spaces and out-of-range values (ErrRange).
     */
    public static Double parseFloat(String s) {
        int n = s.length();
        if (n == 0) {
            return null;
        }
        int i = 0;
        boolean neg = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            neg = s.charAt(0) == '-';
            i++;
        }
        String rest = s.substring(i);
        String lower = rest.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("inf") || lower.equals("infinity")) {
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (lower.equals("nan")) {
            return i == 0 ? Double.NaN : null;
        }
        if (lower.startsWith("0x")) {
            return parseHex(rest.substring(2).replace("_", ""), neg, rest.substring(2));
        }
        if (!isDecimal(rest)) {
            return null;
        }
        String digits = s;
        if (rest.indexOf('_') >= 0) {
            if (!underscoresSeparateDigits(rest)) {
                return null;
            }
            digits = s.replace("_", "");
        }
        double v = Double.parseDouble(digits);
        return Double.isInfinite(v) ? null : v;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Decimal float syntax; underscores are skipped here and validated separately. */
    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        int digits = 0;
        while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
            digits += s.charAt(i) == '_' ? 0 : 1;
            i++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                digits += s.charAt(i) == '_' ? 0 : 1;
                i++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            if (i >= n || !isDigit(s.charAt(i))) {
                return false;
            }
            while (i < n && (isDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                i++;
            }
        }
        return i == n;
    }

    /** Go's rule: every underscore sits between two digits. */
    private static boolean underscoresSeparateDigits(String s) {
        char saw = '^'; // '^' start, '0' digit, '_' underscore, '!' anything else
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                saw = '0';
            } else if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
            } else {
                if (saw == '_') {
                    return false;
                }
                saw = '!';
            }
        }
        return saw != '_';
    }

    private static Double parseHex(String body, boolean neg, String original) {
        // Go needs a 'p' exponent on hex floats ("0x1p4"); underscores may separate digits.
        String t = body.toLowerCase(java.util.Locale.ROOT);
        int p = t.indexOf('p');
        if (p <= 0 || original.endsWith("_")) {
            return null;
        }
        String mant = t.substring(0, p);
        if (mant.equals(".")) {
            return null;
        }
        for (int k = 0; k < mant.length(); k++) {
            char c = mant.charAt(k);
            if (!(c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return null;
            }
        }
        try {
            double v = Double.parseDouble((neg ? "-0x" : "0x") + t);
            return Double.isInfinite(v) ? null : v;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Go's {@code strconv.Atoi}: optional sign and ASCII digits, within int64; else null.
     */
    public static Long atoi(String s) {
        int n = s.length();
        int i = 0;
        if (n > 0 && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i++;
        }
        if (i == n) {
            return null;
        }
        for (int k = i; k < n; k++) {
            if (!isDigit(s.charAt(k))) {
                return null;
            }
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null; // out of int64 range
        }
    }

    /**
     * What {@code fmt.Sscanf(s, "%f", &n)} stores in n, or 0 when it fails (tonumber's rule).
     * Leading spaces are skipped but a newline fails the scan; then the longest run that looks
     * like a float is taken (sign, digits with underscores, point, {@code e}/{@code p}
     * exponent, a {@code 0x} prefix, "nan", "inf") and converted with ParseFloat, trailing
     * text being ignored: {@code "12abc"} is 12, {@code "1,5"} is 1, {@code "0x10"} is 0.
     */
    public static double scanFloat(String s) {
        FloatScanner sc = new FloatScanner(s);
        if (!sc.skipSpace()) {
            return 0;
        }
        String token = sc.floatToken();
        return convertScanned(token);
    }

    private static double convertScanned(String token) {
        int p = token.indexOf('p');
        if (p >= 0 && token.indexOf('x') < 0 && token.indexOf('X') < 0) {
            // A decimal mantissa with a binary exponent ("1.5p3"): fmt evaluates it itself.
            Double mantissa = parseFloat(token.substring(0, p));
            Long exp = atoi(token.substring(p + 1));
            if (mantissa == null || exp == null) {
                return 0;
            }
            int e = (int) Math.max(-100_000, Math.min(100_000, exp));
            return Math.scalb(mantissa, e);
        }
        Double v = parseFloat(token);
        return v == null ? 0 : v;
    }

    /** The rune-at-a-time reader behind {@link #scanFloat}. */
    private static final class FloatScanner {
        private final String s;
        private int i;
        private final StringBuilder buf = new StringBuilder();

        FloatScanner(String s) {
            this.s = s;
        }

        /** Skips fmt's spaces; false when input ends or a newline is met (both fail %f). */
        boolean skipSpace() {
            while (i < s.length()) {
                int c = s.codePointAt(i);
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                    continue;
                }
                if (c == '\n') {
                    return false;
                }
                if (!isScanSpace(c)) {
                    return true;
                }
                i += Character.charCount(c);
            }
            return false;
        }

        private boolean accept(String ok) {
            if (i < s.length()) {
                char c = s.charAt(i);
                if (ok.indexOf(c) >= 0) {
                    buf.append(c);
                    i++;
                    return true;
                }
            }
            return false;
        }

        String floatToken() {
            if (accept("nN") && accept("aA") && accept("nN")) {
                return buf.toString();
            }
            accept("+-");
            if (accept("iI") && accept("nN") && accept("fF")) {
                return buf.toString();
            }
            String digits = "0123456789_";
            String exponent = "eEpP";
            if (accept("0") && accept("xX")) {
                digits = "0123456789aAbBcCdDeEfF_";
                exponent = "pP";
            }
            while (accept(digits)) {
                // consume the integer part
            }
            if (accept(".")) {
                while (accept(digits)) {
                    // consume the fraction
                }
            }
            if (accept(exponent)) {
                accept("+-");
                while (accept("0123456789_")) {
                    // consume the exponent
                }
            }
            return buf.toString();
        }
    }

    /** fmt's white space (unicode.White_Space), which Sscanf skips before a number. */
    private static boolean isScanSpace(int c) {
        return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 || c == 0xa0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f
                || c == 0x205f || c == 0x3000;
    }
}

package duso.lang.values;

/**
 * Go's {@code strconv.ParseFloat} acceptance rules, which decide when a string counts as a
 * number (ordering operators coerce such strings; JSON and tonumber have their own rules).
 */
public final class GoNumbers {
    private GoNumbers() {}

    /**
     * The value of s when ParseFloat accepts it without error, else null. Accepts optional sign,
     * decimal or hex-float syntax with underscores only after a base prefix, "inf", "infinity"
     * and "nan" in any case; rejects surrounding spaces and out-of-range values (ErrRange).
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
        double v = Double.parseDouble(s);
        return Double.isInfinite(v) ? null : v;
    }

    private static boolean isDecimal(String s) {
        int i = 0;
        int n = s.length();
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
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
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
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
}

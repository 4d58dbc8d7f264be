package duso.runtime.json;

/**
 * The common case of reading a JSON number without {@code Double.parseDouble}: few digits and a
 * small power of ten. A mantissa below 2^53 and a power of ten up to 10^22 are both exact
 * doubles, so one multiplication or division rounds once and gives the correctly rounded value
 * (Clinger's fast path), the same double Go's ParseFloat returns. Everything else falls back
 * to the JDK's parser.
 */
final class JsonNumbers {
    private static final double[] POW10 = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    };

    private JsonNumbers() {}

    /**
     * The value of the digits when it takes one correctly rounded operation to compute (at most
     * 15 significant digits and a power of ten up to 22, both exact in a double), else NaN.
     */
    static double exactDecimal(char[] src, int intStart, int intEnd, int fracStart, int fracEnd, int exponent) {
        long mantissa = 0;
        int digits = 0;
        for (int i = intStart; i < intEnd; i++) {
            if (digits > 0 || src[i] != '0') {
                mantissa = mantissa * 10 + (src[i] - '0');
                digits++;
            }
        }
        int scale = exponent;
        if (fracStart >= 0) {
            for (int i = fracStart; i < fracEnd; i++) {
                if (digits > 0 || src[i] != '0') {
                    mantissa = mantissa * 10 + (src[i] - '0');
                    digits++;
                }
                scale--;
                if (digits > 15) {
                    return Double.NaN;
                }
            }
        }
        if (digits > 15) {
            return Double.NaN;
        }
        if (mantissa == 0) {
            return 0.0;
        }
        if (scale >= 0 && scale <= 22) {
            return mantissa * POW10[scale];
        }
        if (scale < 0 && scale >= -22) {
            return mantissa / POW10[-scale];
        }
        return Double.NaN;
    }
}

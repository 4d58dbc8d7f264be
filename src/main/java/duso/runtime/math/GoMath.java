package duso.runtime.math;

/**
 * exp, log, log10, pow and round computed the way Go's math package computes them on amd64,
 * the reference runtime's platform, so results agree to the last bit. Java's StrictMath
 * (fdlibm) is often one unit in the last place away: Go's {@code Log10(5)} is
 * 0.6989700043360187 where a correctly rounded log10 gives ...188, and {@code Log10(1e15)} is
 * 14.999999999999998, not 15.
 *
 * <p>{@link #log} is FreeBSD's e_log.c reduction and polynomial as Go's amd64 assembly
 * evaluates it; {@link #exp} is the amd64 assembly's SLEEF-style evaluation (the FMA variant
 * every current x86-64 CPU selects); {@link #pow} is Go's pure-Go algorithm built on them.
 * Operations are written in Go's evaluation order and never fused unless Go fuses them.
 */
public final class GoMath {
    private GoMath() {}

    private static final double HALF_SQRT2 = 7.07106781186547524401e-01;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double L1 = 6.666666666666735130e-01;
    private static final double L2 = 3.999999999940941908e-01;
    private static final double L3 = 2.857142874366239149e-01;
    private static final double L4 = 2.222219843214978396e-01;
    private static final double L5 = 1.818357216161805012e-01;
    private static final double L6 = 1.531383769920937332e-01;
    private static final double L7 = 1.479819860511658591e-01;

    /** 1/ln(10), rounded once from the exact value as Go's constant expression is. */
    private static final double INV_LN10 = 0.43429448190325182765112891891660508229439700580366656611445378;

    /** Natural logarithm. */
    public static double log(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if ((bits & ~Long.MIN_VALUE) == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (bits < 0) {
            return Double.NaN;
        }
        if (bits >= 0x7FF0000000000000L) {
            return x; // +Inf or NaN
        }
        // Split x into f1 in [0.5, 1) and k, straight from the bits (subnormals included, as
        // the assembly does), then move f1 to [sqrt(2)/2, sqrt(2)).
        double f1 = Double.longBitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FE0000000000000L);
        double k = (double) ((int) ((bits >>> 52) & 0x7FF) - 0x3FE);
        if (f1 <= HALF_SQRT2) {
            k -= 1;
            f1 *= 2;
        }
        double f = f1 - 1;
        double s = f / (2 + f);
        double s2 = s * s;
        double s4 = s2 * s2;
        double t1 = s2 * (L1 + s4 * (L3 + s4 * (L5 + s4 * L7)));
        double t2 = s4 * (L2 + s4 * (L4 + s4 * L6));
        double r = t1 + t2;
        double hfsq = 0.5 * f * f;
        return k * LN2_HI - ((hfsq - (s * (hfsq + r) + k * LN2_LO)) - f);
    }

    /** Base-10 logarithm: Go's {@code Log(x) * (1/Ln10)}. */
    public static double log10(double x) {
        return log(x) * INV_LN10;
    }

    private static final double LOG2E = 1.4426950408889634073599246810018920;
    private static final double LN2U = 0.69314718055966295651160180568695068359375;
    private static final double LN2L = 0.28235290563031577122588448175013436025525412068e-12;
    private static final double EXP_OVERFLOW = 7.09782712893384e+02;
    private static final double[] TAYLOR = {
        2.4801587301587301587e-5, 1.9841269841269841270e-4, 1.3888888888888888889e-3,
        8.3333333333333333333e-3, 4.1666666666666666667e-2, 1.6666666666666666667e-1, 0.5, 1.0,
    };

    /** e^x. */
    public static double exp(double x) {
        if (Double.isNaN(x) || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        if (x == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        if (x > EXP_OVERFLOW) {
            return Double.POSITIVE_INFINITY;
        }
        int k = roundToInt32(LOG2E * x);
        double kd = k;
        double r = Math.fma(-LN2U, kd, x);
        r = Math.fma(-LN2L, kd, r);
        r *= 0.0625;
        double p = TAYLOR[0];
        for (int i = 1; i < TAYLOR.length; i++) {
            p = Math.fma(p, r, TAYLOR[i]);
        }
        r *= p;
        // (1 + r)^16 - 1, as four squarings of the form r * (r + 2)
        r *= r + 2;
        r *= r + 2;
        r *= r + 2;
        r = Math.fma(r, r + 2, 1.0);
        int biased = k + 0x3FF; // 32-bit, as the assembly adds
        if (biased <= 0) {
            // subnormal result: scale in two steps so only the last multiplication rounds
            if (biased < -52) {
                return 0;
            }
            r *= Double.longBitsToDouble((long) (biased + 0x3FE) << 52);
            biased = 1;
        } else if (biased >= 0x7FF) {
            return Double.POSITIVE_INFINITY;
        }
        return r * Double.longBitsToDouble((long) biased << 52);
    }

    /** x86's CVTSD2SI: round to nearest even; out of int32 range gives the "indefinite" minimum. */
    private static int roundToInt32(double v) {
        double r = Math.rint(v);
        if (!(r >= Integer.MIN_VALUE && r <= Integer.MAX_VALUE)) {
            return Integer.MIN_VALUE;
        }
        return (int) r;
    }

    /** Half away from zero (Go's math.Round), keeping the sign of zero. */
    public static double round(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double t = x < 0 ? Math.ceil(x) : Math.floor(x);
        if (Math.abs(x - t) >= 0.5) {
            t += Math.copySign(1.0, x);
        }
        return t;
    }

    // ---- pow -------------------------------------------------------------------------------------

    /** x^y by Go's algorithm: special cases, then x^frac via exp/log and x^int by squaring. */
    public static double pow(double x, double y) {
        if (y == 0 || x == 1) {
            return 1;
        }
        if (y == 1) {
            return x;
        }
        if (Double.isNaN(x) || Double.isNaN(y)) {
            return Double.NaN;
        }
        if (x == 0) {
            if (y < 0) {
                return isOddInt(y) ? Math.copySign(Double.POSITIVE_INFINITY, x) : Double.POSITIVE_INFINITY;
            }
            return isOddInt(y) ? x : 0;
        }
        if (Double.isInfinite(y)) {
            if (x == -1) {
                return 1;
            }
            return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        if (Double.isInfinite(x)) {
            if (x < 0) {
                return pow(1 / x, -y);
            }
            return y < 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        if (y == 0.5) {
            return Math.sqrt(x);
        }
        if (y == -0.5) {
            return 1 / Math.sqrt(x);
        }
        double ay = Math.abs(y);
        double yi = Math.floor(ay);
        double yf = ay - yi;
        if (yf != 0 && x < 0) {
            return Double.NaN;
        }
        if (yi >= 0x1p63) {
            if (x == -1) {
                return 1;
            }
            return (Math.abs(x) < 1) == (y > 0) ? 0 : Double.POSITIVE_INFINITY;
        }
        double a1 = 1.0;
        long ae = 0;
        if (yf != 0) {
            if (yf > 0.5) {
                yf--;
                yi++;
            }
            a1 = exp(yf * log(x));
        }
        int xe = Math.getExponent(x) + 1;
        double x1;
        if (Math.getExponent(x) < Double.MIN_EXPONENT) { // subnormal: normalise first
            double scaled = x * 0x1p52;
            xe = Math.getExponent(scaled) + 1 - 52;
            x1 = frexpFraction(scaled);
        } else {
            x1 = frexpFraction(x);
        }
        long xeL = xe;
        for (long i = (long) yi; i != 0; i >>= 1) {
            if (xeL < -(1 << 12) || (1 << 12) < xeL) {
                ae += xeL;
                break;
            }
            if ((i & 1) == 1) {
                a1 *= x1;
                ae += xeL;
            }
            x1 *= x1;
            xeL <<= 1;
            if (x1 < .5) {
                x1 += x1;
                xeL--;
            }
        }
        if (y < 0) {
            a1 = 1 / a1;
            ae = -ae;
        }
        return ldexp(a1, ae);
    }

    private static boolean isOddInt(double v) {
        if (Math.abs(v) >= 0x1p53) {
            return false;
        }
        return v == Math.rint(v) && (((long) v) & 1) == 1;
    }

    /** The fraction of a normal x in [0.5, 1) with x's sign. */
    private static double frexpFraction(double x) {
        long b = Double.doubleToRawLongBits(x);
        return Double.longBitsToDouble((b & ~(0x7FFL << 52)) | (0x3FEL << 52));
    }

    /** Go's Ldexp: frac × 2^e, with its underflow cut-off and one rounding for subnormals. */
    static double ldexp(double frac, long e) {
        if (frac == 0 || Double.isInfinite(frac) || Double.isNaN(frac)) {
            return frac;
        }
        if (Math.getExponent(frac) < Double.MIN_EXPONENT) {
            frac *= 0x1p52;
            e -= 52;
        }
        long exp = e + Math.getExponent(frac);
        if (exp < -1075) {
            return Math.copySign(0.0, frac);
        }
        if (exp > 1023) {
            return frac < 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        double m = 1;
        if (exp < -1022) {
            exp += 53;
            m = 0x1p-53;
        }
        long b = Double.doubleToRawLongBits(frac);
        b &= ~(0x7FFL << 52);
        b |= (exp + 1023) << 52;
        return m * Double.longBitsToDouble(b);
    }
}

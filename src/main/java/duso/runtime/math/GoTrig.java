package duso.runtime.math;

/**
 * sin, cos, tan, asin, acos, atan and atan2 as Go's math package computes them (Cephes
 * polynomials, reduction by pi/4 in three parts, Payne-Hanek reduction from 2^29 on), so
 * scripts print the reference's digits: Go's {@code Tan(1)} is 1.557407724654902 where
 * StrictMath gives 1.5574077246549023.
 */
public final class GoTrig {
    private GoTrig() {}

    private static final double PI4A = 7.85398125648498535156e-1;
    private static final double PI4B = 3.77489470793079817668e-8;
    private static final double PI4C = 2.69515142907905952645e-15;
    /** 4/pi rounded once from the exact value (Go folds the constant expression exactly). */
    private static final double FOUR_OVER_PI = 1.27323954473516268615107010698011489627567716592365;
    private static final double THREE_PI_OVER_4 = 2.35619449019234492884698253745962716314787704953133;
    private static final double REDUCE_THRESHOLD = 1 << 29;

    private static final double[] SIN = {
        1.58962301576546568060e-10, -2.50507477628578072866e-8, 2.75573136213857245213e-6,
        -1.98412698295895385996e-4, 8.33333333332211858878e-3, -1.66666666666666307295e-1,
    };
    private static final double[] COS = {
        -1.13585365213876817300e-11, 2.08757008419747316778e-9, -2.75573141792967388112e-7,
        2.48015872888517045348e-5, -1.38888888888730564116e-3, 4.16666666666665929218e-2,
    };
    private static final double[] TAN_P = {
        -1.30936939181383777646e4, 1.15351664838587416140e6, -1.79565251976484877988e7,
    };
    private static final double[] TAN_Q = {
        1.00000000000000000000e0, 1.36812963470692954678e4, -1.32089234440210967447e6,
        2.50083801823357915839e7, -5.38695755929454629881e7,
    };

    /** The octant j (0..7, zeros mapped to the origin) and the remainder z of x >= 0. */
    private record Reduced(long j, double z) {}

    private static Reduced reduce(double x, boolean wrap) {
        if (x >= REDUCE_THRESHOLD) {
            return payneHanek(x);
        }
        long j = (long) (x * FOUR_OVER_PI);
        double y = j;
        if ((j & 1) == 1) {
            j++;
            y++;
        }
        if (wrap) {
            j &= 7;
        }
        return new Reduced(j, ((x - y * PI4A) - y * PI4B) - y * PI4C);
    }

    private static double sinPoly(double z, double zz) {
        return z + z * zz * (((((SIN[0] * zz + SIN[1]) * zz + SIN[2]) * zz + SIN[3]) * zz + SIN[4]) * zz + SIN[5]);
    }

    private static double cosPoly(double zz) {
        return 1.0 - 0.5 * zz
                + zz * zz * (((((COS[0] * zz + COS[1]) * zz + COS[2]) * zz + COS[3]) * zz + COS[4]) * zz + COS[5]);
    }

    public static double sin(double x) {
        if (x == 0 || Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.NaN;
        }
        boolean sign = x < 0;
        Reduced r = reduce(Math.abs(x), true);
        long j = r.j;
        if (j > 3) {
            sign = !sign;
            j -= 4;
        }
        double zz = r.z * r.z;
        double y = (j == 1 || j == 2) ? cosPoly(zz) : sinPoly(r.z, zz);
        return sign ? -y : y;
    }

    public static double cos(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return Double.NaN;
        }
        boolean sign = false;
        Reduced r = reduce(Math.abs(x), true);
        long j = r.j;
        if (j > 3) {
            j -= 4;
            sign = !sign;
        }
        if (j > 1) {
            sign = !sign;
        }
        double zz = r.z * r.z;
        double y = (j == 1 || j == 2) ? sinPoly(r.z, zz) : cosPoly(zz);
        return sign ? -y : y;
    }

    public static double tan(double x) {
        if (x == 0 || Double.isNaN(x)) {
            return x;
        }
        if (Double.isInfinite(x)) {
            return Double.NaN;
        }
        boolean sign = x < 0;
        Reduced r = reduce(Math.abs(x), false);
        double z = r.z;
        double zz = z * z;
        double y;
        if (zz > 1e-14) {
            y = z + z * (zz * ((TAN_P[0] * zz + TAN_P[1]) * zz + TAN_P[2])
                    / ((((zz + TAN_Q[1]) * zz + TAN_Q[2]) * zz + TAN_Q[3]) * zz + TAN_Q[4]));
        } else {
            y = z;
        }
        if ((r.j & 2) == 2) {
            y = -1 / y;
        }
        return sign ? -y : y;
    }

    // ---- inverse functions -------------------------------------------------------------------

    private static final double MOREBITS = 6.123233995736765886130e-17; // pi/2 = PIO2 + MOREBITS
    private static final double TAN_3PI_8 = 2.41421356237309504880;

    /** The series for atan on [0, 0.66]. */
    private static double xatan(double x) {
        final double p0 = -8.750608600031904122785e-01;
        final double p1 = -1.615753718733365076637e+01;
        final double p2 = -7.500855792314704667340e+01;
        final double p3 = -1.228866684490136173410e+02;
        final double p4 = -6.485021904942025371773e+01;
        final double q0 = +2.485846490142306297962e+01;
        final double q1 = +1.650270098316988542046e+02;
        final double q2 = +4.328810604912902668951e+02;
        final double q3 = +4.853903996359136964868e+02;
        final double q4 = +1.945506571482613964425e+02;
        double z = x * x;
        z = z * ((((p0 * z + p1) * z + p2) * z + p3) * z + p4) / (((((z + q0) * z + q1) * z + q2) * z + q3) * z + q4);
        return x * z + x;
    }

    /** atan of x >= 0, reduced to [0, 0.66]. */
    private static double satan(double x) {
        if (x <= 0.66) {
            return xatan(x);
        }
        if (x > TAN_3PI_8) {
            return Math.PI / 2 - xatan(1 / x) + MOREBITS;
        }
        return Math.PI / 4 + xatan((x - 1) / (x + 1)) + 0.5 * MOREBITS;
    }

    public static double atan(double x) {
        if (x == 0) {
            return x;
        }
        return x > 0 ? satan(x) : -satan(-x);
    }

    public static double asin(double x) {
        if (x == 0) {
            return x;
        }
        boolean sign = x < 0;
        if (sign) {
            x = -x;
        }
        if (x > 1) {
            return Double.NaN;
        }
        double temp = Math.sqrt(1 - x * x);
        temp = x > 0.7 ? Math.PI / 2 - satan(temp / x) : satan(x / temp);
        return sign ? -temp : temp;
    }

    public static double acos(double x) {
        return Math.PI / 2 - asin(x);
    }

    public static double atan2(double y, double x) {
        if (Double.isNaN(y) || Double.isNaN(x)) {
            return Double.NaN;
        }
        if (y == 0) {
            return x >= 0 && Double.doubleToRawLongBits(x) >= 0 ? Math.copySign(0.0, y) : Math.copySign(Math.PI, y);
        }
        if (x == 0) {
            return Math.copySign(Math.PI / 2, y);
        }
        if (Double.isInfinite(x)) {
            if (x > 0) {
                return Double.isInfinite(y) ? Math.copySign(Math.PI / 4, y) : Math.copySign(0.0, y);
            }
            return Double.isInfinite(y) ? Math.copySign(THREE_PI_OVER_4, y) : Math.copySign(Math.PI, y);
        }
        if (Double.isInfinite(y)) {
            return Math.copySign(Math.PI / 2, y);
        }
        double q = atan(y / x);
        if (x < 0) {
            return q <= 0 ? q + Math.PI : q - Math.PI;
        }
        return q;
    }

    // ---- Payne-Hanek ---------------------------------------------------------------------------

    /** 4/pi in binary: 4/pi = sum of FOUR_OVER_PI_BITS[i] × 2^(-64 i). Verified by GoTrigTest. */
    static final long[] FOUR_OVER_PI_BITS = {
        0x0000000000000001L, 0x45f306dc9c882a53L, 0xf84eafa3ea69bb81L, 0xb6c52b3278872083L,
        0xfca2c757bd778ac3L, 0x6e48dc74849ba5c0L, 0x0c925dd413a32439L, 0xfc3bd63962534e7dL,
        0xd1046bea5d768909L, 0xd338e04d68befc82L, 0x7323ac7306a673e9L, 0x3908bf177bf25076L,
        0x3ff12fffbc0b301fL, 0xde5e2316b414da3eL, 0xda6cfd9e4f96136eL, 0x9e8c7ecd3cbfd45aL,
        0xea4f758fd7cbe2f6L, 0x7a0e73ef14a525d4L, 0xd7f6bf623f1aba10L, 0xac06608df8f6d757L,
    };

    /**
     * Reduction of a huge x by pi/4 with 64-bit integer arithmetic over the bits of 4/pi
     * ("Argument reduction for huge arguments: good to the last bit", Ng 1992), keeping Go's
     * exact steps, including which bits of the low word feed the fraction.
     */
    private static Reduced payneHanek(double x) {
        long ix = Double.doubleToRawLongBits(x);
        int exp = (int) ((ix >>> 52) & 0x7FF) - 1023 - 52;
        ix &= ~(0x7FFL << 52);
        ix |= 1L << 52;
        int digit = (exp + 61) / 64;
        int shift = (exp + 61) % 64;
        long[] t = FOUR_OVER_PI_BITS;
        long z0 = shl(t[digit], shift) | shr(t[digit + 1], 64 - shift);
        long z1 = shl(t[digit + 1], shift) | shr(t[digit + 2], 64 - shift);
        long z2 = shl(t[digit + 2], shift) | shr(t[digit + 3], 64 - shift);
        long z2hi = Math.unsignedMultiplyHigh(z2, ix);
        long z1hi = Math.unsignedMultiplyHigh(z1, ix);
        long z1lo = z1 * ix;
        long z0lo = z0 * ix;
        long lo = z1lo + z2hi;
        long carry = Long.compareUnsigned(lo, z1lo) < 0 ? 1 : 0;
        long hi = z0lo + z1hi + carry;
        long j = hi >>> 61;
        hi = hi << 3 | lo >>> 61;
        int lz = Long.numberOfLeadingZeros(hi);
        long e = 1023 - (lz + 1);
        hi = shl(hi, lz + 1) | shr(lo, 64 - (lz + 1));
        hi >>>= 64 - 52;
        hi |= e << 52;
        double z = Double.longBitsToDouble(hi);
        if ((j & 1) == 1) {
            j++;
            j &= 7;
            z--;
        }
        return new Reduced(j, z * (Math.PI / 4));
    }

    /** Go's shifts: a count of 64 or more (or "negative", i.e. huge unsigned) gives 0. */
    private static long shl(long v, int n) {
        return n < 0 || n >= 64 ? 0 : v << n;
    }

    private static long shr(long v, int n) {
        return n < 0 || n >= 64 ? 0 : v >>> n;
    }
}

package duso.lang.values;

/**
 * Boxing of numbers with a cache for small whole numbers: loop counters and indexes are the
 * doubles scripts create most, and reusing their boxes keeps tight loops allocation-free.
 */
public final class Numbers {
    private static final int LOW = -128;
    private static final int HIGH = 1024;
    private static final Double[] SMALL = new Double[HIGH - LOW + 1];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = (double) (i + LOW);
        }
    }

    private Numbers() {}

    public static Double box(long n) {
        if (n >= LOW && n <= HIGH) {
            return SMALL[(int) n - LOW];
        }
        return (double) n;
    }

    public static Double box(double d) {
        int i = (int) d;
        if (i == d && i >= LOW && i <= HIGH && (i != 0 || Double.doubleToRawLongBits(d) == 0)) {
            return SMALL[i - LOW];
        }
        return d;
    }
}

package duso.runtime.lib;

import duso.lang.nodes.Ops;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.math.GoMath;
import duso.runtime.math.GoTrig;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * The math builtins. Results match the reference bit for bit: functions whose Java and Go
 * implementations can differ in the last digit (log, exp, pow, trigonometry) go through
 * {@link GoMath} and {@link GoTrig}; floor, ceil, abs and sqrt are exact in both. {@code log}
 * is base 10 and {@code ln} natural; {@code round} goes half away from zero.
 */
public final class MathLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        unary(r, "floor", "a number", Math::floor);
        unary(r, "ceil", "a number", Math::ceil);
        unary(r, "round", "a number", GoMath::round);
        unary(r, "abs", "a number", Math::abs);
        unary(r, "sqrt", "a number", Math::sqrt);
        unary(r, "exp", "a number", GoMath::exp);
        unary(r, "log", "a number", GoMath::log10);
        unary(r, "ln", "a number", GoMath::log);
        unary(r, "sin", "a number (angle in radians)", GoTrig::sin);
        unary(r, "cos", "a number (angle in radians)", GoTrig::cos);
        unary(r, "tan", "a number (angle in radians)", GoTrig::tan);
        unary(r, "asin", "a number between -1 and 1", GoTrig::asin);
        unary(r, "acos", "a number between -1 and 1", GoTrig::acos);
        unary(r, "atan", "a number", GoTrig::atan);
        r.add("atan2", a -> GoTrig.atan2(a.number(0, null, "a number as first argument (y)"),
                a.number(1, null, "a number as second argument (x)")));
        r.add("pow", a -> GoMath.pow(a.number(0, null, "a number as first argument"),
                a.number(1, null, "a number as second argument")));
        r.add("min", a -> extreme(a, true));
        r.add("max", a -> extreme(a, false));
        r.add("clamp", MathLibrary::clamp);
        r.add("pi", a -> Math.PI);
        r.add("random", a -> ThreadLocalRandom.current().nextDouble());
        r.add("fibonacci", MathLibrary::fibonacci);
    }

    private static void unary(Registry r, String name, String what, DoubleUnaryOperator f) {
        r.add(name, a -> f.applyAsDouble(a.number(0, null, what)));
    }

    /** min/max: positional numbers up to the first non-number (the reference stops there). */
    private static Object extreme(Args a, boolean min) {
        if (a.count() == 0 && !a.raw().hasNamed()) {
            throw a.fail("at least one argument");
        }
        boolean set = false;
        double best = 0;
        for (int i = 0; i < a.count(); i++) {
            if (!(a.raw().at(i) instanceof Double d)) {
                break;
            }
            if (!set || (min ? d < best : d > best)) {
                best = d;
                set = true;
            }
        }
        if (!set) {
            throw a.fail("numeric arguments");
        }
        return best;
    }

    private static Object clamp(Args a) {
        double v = a.number(0, null, "a number as first argument");
        double lo = a.number(1, null, "a number as second argument (min)");
        double hi = a.number(2, null, "a number as third argument (max)");
        if (v < lo) {
            return lo;
        }
        return v > hi ? hi : v;
    }

    /**
     * fibonacci(n) in int64 arithmetic that wraps on overflow, as the reference's loop does;
     * computed by fast doubling, which gives the same wrapped value in O(log n) steps.
     */
    private static Object fibonacci(Args a) {
        long n = Ops.goInt64(a.number(0, null, "a number"));
        if (n < 0) {
            throw Args.error("fibonacci() requires a non-negative integer");
        }
        return (double) fib(n)[0];
    }

    /** {F(n), F(n+1)} modulo 2^64. */
    static long[] fib(long n) {
        long f = 0;
        long g = 1;
        for (int bit = 63 - Long.numberOfLeadingZeros(n); bit >= 0; bit--) {
            long f2 = f * (2 * g - f);
            long g2 = f * f + g * g;
            f = f2;
            g = g2;
            if (((n >>> bit) & 1) == 1) {
                long next = f + g;
                f = g;
                g = next;
            }
        }
        return new long[] {f, g};
    }
}

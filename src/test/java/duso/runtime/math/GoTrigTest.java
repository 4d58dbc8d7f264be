package duso.runtime.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Go's trigonometry: reference digits, the 4/pi table, and accuracy across both reductions. */
class GoTrigTest {
    @Test
    void digitsMatchTheReference() {
        assertEquals(1.557407724654902, GoTrig.tan(1)); // StrictMath: 1.5574077246549023
        assertEquals(0.8414709848078965, GoTrig.sin(1));
        assertEquals(0.5403023058681398, GoTrig.cos(1));
        assertEquals(-0.0, GoTrig.sin(-0.0));
        assertTrue(Double.isNaN(GoTrig.cos(Double.POSITIVE_INFINITY)));
        assertEquals(Math.PI / 2, GoTrig.asin(1));
        assertEquals(Math.PI, GoTrig.acos(-1));
        assertTrue(Double.isNaN(GoTrig.asin(2)));
        assertEquals(-Math.PI, GoTrig.atan2(-0.0, -1));
        assertEquals(2.356194490192345, GoTrig.atan2(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    /** The table must be the binary digits of 4/pi: 19 words after the leading one. */
    @Test
    void fourOverPiTableHoldsTheDigitsOfFourOverPi() {
        MathContext mc = new MathContext(420);
        BigDecimal pi = machinPi(mc);
        BigDecimal scaled = new BigDecimal(4).divide(pi, mc).multiply(new BigDecimal(BigInteger.ONE.shiftLeft(64 * 19)), mc);
        BigInteger expected = scaled.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger table = BigInteger.ZERO;
        for (long word : GoTrig.FOUR_OVER_PI_BITS) {
            table = table.shiftLeft(64).or(new BigInteger(Long.toUnsignedString(word)));
        }
        assertEquals(expected, table);
    }

    private static BigDecimal machinPi(MathContext mc) {
        // pi = 16 atan(1/5) - 4 atan(1/239)
        return arctanInverse(5, mc).multiply(BigDecimal.valueOf(16)).subtract(arctanInverse(239, mc).multiply(BigDecimal.valueOf(4)), mc);
    }

    private static BigDecimal arctanInverse(int x, MathContext mc) {
        BigDecimal x2 = BigDecimal.valueOf((long) x * x);
        BigDecimal term = BigDecimal.ONE.divide(BigDecimal.valueOf(x), mc);
        BigDecimal sum = term;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int n = 1; term.abs().compareTo(eps) > 0; n++) {
            term = term.divide(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * n + 1), mc), mc);
        }
        return sum;
    }

    /** Expected values from an independent big-integer rendition of Go's Payne-Hanek steps. */
    @Test
    void hugeArgumentsReduceAsGoDoes() {
        assertEquals(-0.48750602508751073, GoTrig.sin(1e10));
        assertEquals(-0.8522008497671889, GoTrig.sin(1e22));
        assertEquals(-0.8178819121159087, GoTrig.sin(1e300));
        assertEquals(-0.9271625905775167, GoTrig.sin(6.02e23));
    }

    @Test
    void bothReductionsStayAccurate() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            double x = i % 2 == 0 ? r.nextDouble(-1e6, 1e6) : Math.scalb(r.nextDouble(1, 2), r.nextInt(29, 1000));
            assertEquals(StrictMath.sin(x), GoTrig.sin(x), 1e-15, "sin " + x);
            assertEquals(StrictMath.cos(x), GoTrig.cos(x), 1e-15, "cos " + x);
            double t = StrictMath.tan(x);
            // near a pole an error in the reduced argument grows with the derivative, 1 + tan²
            assertEquals(t, GoTrig.tan(x), 1e-15 * (1 + t * t) + 1e-13 * Math.abs(t), "tan " + x);
        }
    }

    @Test
    void inverseFunctionsStayAccurate() {
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 20_000; i++) {
            double v = r.nextDouble(-1, 1);
            // Go's asin loses a few bits near ±1 (it goes through sqrt(1 - x*x))
            assertEquals(StrictMath.asin(v), GoTrig.asin(v), 1e-14, "asin " + v);
            assertEquals(StrictMath.acos(v), GoTrig.acos(v), 1e-14, "acos " + v);
            double w = r.nextDouble(-1e3, 1e3);
            assertEquals(StrictMath.atan(w), GoTrig.atan(w), 4e-16, "atan " + w);
            assertEquals(StrictMath.atan2(v, w), GoTrig.atan2(v, w), 8e-16, "atan2 " + v + " " + w);
        }
    }
}

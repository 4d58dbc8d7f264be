package duso.runtime.math;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Go's exp/log/pow: the digits known from the reference, Go's special cases where Java's
 * differ, and agreement with StrictMath to within an ulp or two everywhere else.
 */
class GoMathTest {
    @Test
    void logDigitsMatchTheReference() {
        assertEquals(14.999999999999998, GoMath.log10(1e15));
        assertEquals(0.6989700043360187, GoMath.log10(5));
        assertEquals(1.0, GoMath.log10(10));
        assertEquals(2.0, GoMath.log10(100));
        assertEquals(3.0, GoMath.log10(1000));
        assertEquals(Double.NEGATIVE_INFINITY, GoMath.log(0.0));
        assertEquals(Double.NEGATIVE_INFINITY, GoMath.log(-0.0));
        assertTrue(Double.isNaN(GoMath.log(-1)));
        assertEquals(Double.POSITIVE_INFINITY, GoMath.log(Double.POSITIVE_INFINITY));
    }

    @Test
    void expMatchesTheReferenceIncludingSubnormals() {
        assertEquals(2.718281828459045, GoMath.exp(1));
        assertEquals(1.0, GoMath.exp(0));
        assertEquals(Double.POSITIVE_INFINITY, GoMath.exp(710));
        assertEquals(0.0, GoMath.exp(Double.NEGATIVE_INFINITY));
        assertEquals(0.0, GoMath.exp(-746));
        for (double x = -745; x < -700; x += 0.37) {
            double expected = StrictMath.exp(x);
            assertEquals(expected, GoMath.exp(x), Math.max(2 * Math.ulp(expected), Double.MIN_VALUE), "exp " + x);
        }
    }

    @Test
    void logAndExpStayWithinAnUlpOfStrictMath() {
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double x = Math.exp(r.nextDouble(-700, 700));
            assertEquals(StrictMath.log(x), GoMath.log(x), 2 * Math.ulp(StrictMath.log(x)), "log " + x);
            double y = r.nextDouble(-700, 700);
            assertEquals(StrictMath.exp(y), GoMath.exp(y), 2 * Math.ulp(StrictMath.exp(y)), "exp " + y);
        }
    }

    @Test
    void powFollowsGoSpecialCases() {
        assertEquals(1.0, GoMath.pow(-1, Double.POSITIVE_INFINITY)); // Java gives NaN
        assertEquals(1.0, GoMath.pow(Double.NaN, 0));
        assertEquals(1.0, GoMath.pow(1, Double.NaN)); // Java gives NaN
        assertEquals(Double.NEGATIVE_INFINITY, GoMath.pow(-0.0, -3));
        assertEquals(Double.POSITIVE_INFINITY, GoMath.pow(-0.0, -2));
        assertEquals(-0.0, GoMath.pow(-0.0, 3));
        assertTrue(Double.isNaN(GoMath.pow(-8, 1.0 / 3)));
        assertEquals(-0.0, GoMath.pow(Double.NEGATIVE_INFINITY, -3));
        assertEquals(Math.sqrt(2), GoMath.pow(2, 0.5));
        assertEquals(1024.0, GoMath.pow(2, 10));
        assertEquals(0.5, GoMath.pow(2, -1));
        assertEquals(0.0, GoMath.pow(0.5, 1e20));
        assertEquals(Double.POSITIVE_INFINITY, GoMath.pow(3, 1e19));
    }

    @Test
    void powStaysCloseToStrictMath() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double x = r.nextDouble(0.01, 100);
            double y = r.nextDouble(-60, 60);
            double expected = StrictMath.pow(x, y);
            assertEquals(expected, GoMath.pow(x, y), 1e-13 * expected, x + "^" + y);
        }
    }

    @Test
    void roundGoesHalfAwayFromZero() {
        assertEquals(3.0, GoMath.round(2.5));
        assertEquals(-3.0, GoMath.round(-2.5));
        assertEquals(0.0, GoMath.round(0.49999999999999994));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(GoMath.round(-0.2)));
        assertEquals(4503599627370497.0, GoMath.round(4503599627370497.0));
    }

    @Test
    void ldexpUnderflowsLikeGo() {
        assertEquals(Double.MIN_VALUE, GoMath.ldexp(0.5, -1073));
        assertEquals(0.0, GoMath.ldexp(0.5, -1076));
        assertEquals(Double.POSITIVE_INFINITY, GoMath.ldexp(1, 1024));
    }
}

package duso.runtime.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** fibonacci's fast doubling gives exactly what the reference's wrapping int64 loop gives. */
class FibonacciTest {
    @Test
    void fastDoublingMatchesTheWrappingLoop() {
        long a = 0;
        long b = 1;
        for (long n = 0; n <= 3_000_000; n++) {
            if (n < 5000 || n % 99_991 == 0 || n == 3_000_000) {
                assertEquals(a, MathLibrary.fib(n)[0], "F(" + n + ")");
            }
            long next = a + b;
            a = b;
            b = next;
        }
    }
}

package duso.runtime.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Bytes from /dev/urandom: every byte asked for is filled, across buffer refills, and they differ. */
class SystemRandomTest {
    @Test
    void fillsRequestsLargerThanItsBuffer() {
        byte[] big = new byte[1000];
        SystemRandom.nextBytes(big);
        int[] counts = new int[256];
        for (byte b : big) {
            counts[b & 0xff]++;
        }
        // 1,000 uniform bytes: the chance that any one value appears 40 times or more is negligible.
        assertTrue(Arrays.stream(counts).max().orElseThrow() < 40, Arrays.toString(counts));
        assertTrue(Arrays.stream(counts).filter(c -> c > 0).count() > 150, "too few distinct byte values");
    }

    @Test
    void successiveRequestsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[10];
            SystemRandom.nextBytes(b);
            assertFalse(Arrays.equals(b, new byte[10]));
            seen.add(Arrays.toString(b));
        }
        assertEquals(200, seen.size());
    }
}

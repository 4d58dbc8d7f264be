package duso.runtime.lib;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import duso.lang.values.DusoArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** sort(): stability on every path, and no failure whatever the order does. */
class ArraySortTest {
    @Test
    void predicateSortIsStable() {
        SplittableRandom r = new SplittableRandom(2);
        for (int round = 0; round < 200; round++) {
            int n = r.nextInt(0, 300);
            int[] keys = new int[n];
            Integer[] expected = new Integer[n];
            for (int i = 0; i < n; i++) {
                keys[i] = r.nextInt(0, 10);
                expected[i] = i;
            }
            Arrays.sort(expected, Comparator.comparingInt(i -> keys[i])); // TimSort is stable
            int[] order = ArraySort.sortIndexes(n, (i, j) -> keys[i] < keys[j]);
            assertArrayEquals(Arrays.stream(expected).mapToInt(Integer::intValue).toArray(), order);
        }
    }

    @Test
    void numbersSortNumericallyKeepingZerosInOrder() {
        SplittableRandom r = new SplittableRandom(4);
        for (int round = 0; round < 100; round++) {
            List<Object> values = new ArrayList<>();
            for (int i = 0, n = r.nextInt(0, 500); i < n; i++) {
                values.add(r.nextInt(5) == 0 ? (r.nextBoolean() ? 0.0 : -0.0) : r.nextDouble(-1e6, 1e6));
            }
            Object[] sorted = ArraySort.sortDefault(DusoArray.copyOf(values)).toArray();
            List<Object> zeros = values.stream().filter(v -> (Double) v == 0).toList();
            List<Object> sortedZeros = Arrays.stream(sorted).filter(v -> (Double) v == 0).toList();
            assertEquals(zeros, sortedZeros); // Double.equals tells -0.0 from 0.0
            for (int i = 1; i < sorted.length; i++) {
                assertEquals(true, (Double) sorted[i - 1] <= (Double) sorted[i]);
            }
        }
    }

    @Test
    void anyOrderGivesAPermutation() {
        SplittableRandom r = new SplittableRandom(6);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            values.add(r.nextInt(3) == 0 ? Double.NaN : (Object) r.nextDouble());
        }
        Object[] sorted = ArraySort.sortDefault(DusoArray.copyOf(values)).toArray();
        assertEquals(values.size(), sorted.length);
        Object[] items = values.toArray();
        int[] order = ArraySort.sortIndexes(items.length, (i, j) -> r.nextBoolean());
        int[] seen = new int[items.length];
        for (int k : order) {
            seen[k]++;
        }
        for (int count : seen) {
            assertEquals(1, count);
        }
    }

    @Test
    void mixedValuesCompareByTextAndKeepTheirIdentity() {
        DusoArray inner = DusoArray.of(1.0);
        DusoArray arr = DusoArray.of("b", 20.0, inner, "a", Boolean.TRUE);
        Object[] sorted = ArraySort.sortDefault(arr).toArray();
        assertArrayEquals(new Object[] {20.0, inner, "a", "b", Boolean.TRUE}, sorted);
        assertSame(inner, sorted[1]);
    }

    @Test
    void stringsSortByUtf8Bytes() {
        DusoArray arr = DusoArray.of("é", "z", "\uD83D\uDE00", "\uFFFD", "Z");
        assertArrayEquals(new Object[] {"Z", "z", "é", "\uFFFD", "\uD83D\uDE00"}, ArraySort.sortDefault(arr).toArray());
    }
}

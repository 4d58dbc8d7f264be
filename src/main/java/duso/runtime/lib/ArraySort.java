package duso.runtime.lib;

import duso.lang.values.DusoArray;
import duso.lang.values.Render;
import duso.lang.values.Values;
import java.util.Arrays;

/**
 * sort(): a stable sort (a documented improvement: the reference's is not) that never fails on
 * an inconsistent order, because a script's less-than predicate may be anything.
 *
 * <p>The default order compares two numbers numerically, two strings by UTF-8 bytes, and any
 * other pair by the concatenation text of both values. Arrays of only numbers or only strings
 * take typed paths: numbers are merge-sorted as a {@code double[]} (no boxes touched while
 * sorting; NaN and -0 keep the stable "not less than" semantics), strings by TimSort with a
 * consistent byte-order comparator. Everything else is a merge sort over indexes.
 */
final class ArraySort {
    /** Index-based less-than: {@code less(i, j)} asks whether item i goes before item j. */
    interface IndexLess {
        boolean less(int i, int j);
    }

    private static final int INSERTION_RUN = 8;

    private ArraySort() {}

    /** A new array holding arr's elements in the default order. */
    static DusoArray sortDefault(DusoArray arr) {
        Object[] items = arr.toArray();
        int n = items.length;
        if (n < 2) {
            return DusoArray.wrap(items);
        }
        if (items[0] instanceof Double && sortNumbers(items)) {
            return DusoArray.wrap(items);
        }
        if (allStrings(items)) {
            Arrays.sort(items, (x, y) -> Values.compareStrings((String) x, (String) y));
            return DusoArray.wrap(items);
        }
        String[] texts = new String[n];
        return DusoArray.wrap(permute(items, sortIndexes(n, (i, j) -> mixedLess(items, texts, i, j))));
    }

    /** A new array holding items ordered by a less-than predicate over their indexes. */
    static DusoArray sortWith(Object[] items, IndexLess less) {
        return DusoArray.wrap(permute(items, sortIndexes(items.length, less)));
    }

    private static boolean allStrings(Object[] items) {
        for (Object v : items) {
            if (!(v instanceof String)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mixedLess(Object[] items, String[] texts, int i, int j) {
        Object a = items[i];
        Object b = items[j];
        if (a instanceof Double x && b instanceof Double y) {
            return x < y;
        }
        if (a instanceof String x && b instanceof String y) {
            return Values.compareStrings(x, y) < 0;
        }
        return Values.compareStrings(text(items, texts, i), text(items, texts, j)) < 0;
    }

    private static String text(Object[] items, String[] texts, int i) {
        String t = texts[i];
        if (t == null) {
            t = Render.concat(items[i]);
            texts[i] = t;
        }
        return t;
    }

    private static Object[] permute(Object[] items, int[] order) {
        Object[] out = new Object[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = items[order[k]];
        }
        return out;
    }

    // ---- numbers ------------------------------------------------------------------------------

    /** Sorts items in place when all are numbers (false, untouched, otherwise). */
    private static boolean sortNumbers(Object[] items) {
        int n = items.length;
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(items[i] instanceof Double d)) {
                return false;
            }
            a[i] = d;
        }
        mergeSort(a, new double[(n + 1) / 2], 0, n);
        for (int i = 0; i < n; i++) {
            items[i] = Double.valueOf(a[i]);
        }
        return true;
    }

    private static void mergeSort(double[] a, double[] tmp, int lo, int hi) {
        if (hi - lo <= INSERTION_RUN) {
            insertionSort(a, lo, hi);
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid);
        mergeSort(a, tmp, mid, hi);
        if (a[mid] < a[mid - 1]) { // else the halves are already in order
            merge(a, tmp, lo, mid, hi);
        }
    }

    private static void insertionSort(double[] a, int lo, int hi) {
        for (int i = lo + 1; i < hi; i++) {
            double x = a[i];
            int j = i;
            while (j > lo && x < a[j - 1]) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }

    /** Merges the sorted runs [lo, mid) and [mid, hi), taking from the left on ties. */
    private static void merge(double[] a, double[] tmp, int lo, int mid, int hi) {
        int left = mid - lo;
        System.arraycopy(a, lo, tmp, 0, left);
        int i = 0;
        int j = mid;
        int k = lo;
        while (i < left && j < hi) {
            a[k++] = a[j] < tmp[i] ? a[j++] : tmp[i++];
        }
        System.arraycopy(tmp, i, a, k, left - i);
    }

    // ---- indexes --------------------------------------------------------------------------------

    /** The stable order of 0..n-1 under less. */
    static int[] sortIndexes(int n, IndexLess less) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[(n + 1) / 2], 0, n, less);
        return order;
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, IndexLess less) {
        if (hi - lo <= INSERTION_RUN) {
            insertionSort(a, lo, hi, less);
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, less);
        mergeSort(a, tmp, mid, hi, less);
        if (less.less(a[mid], a[mid - 1])) { // else the halves are already in order
            merge(a, tmp, lo, mid, hi, less);
        }
    }

    private static void insertionSort(int[] a, int lo, int hi, IndexLess less) {
        for (int i = lo + 1; i < hi; i++) {
            int x = a[i];
            int j = i;
            while (j > lo && less.less(x, a[j - 1])) {
                a[j] = a[j - 1];
                j--;
            }
            a[j] = x;
        }
    }

    private static void merge(int[] a, int[] tmp, int lo, int mid, int hi, IndexLess less) {
        int left = mid - lo;
        System.arraycopy(a, lo, tmp, 0, left);
        int i = 0;
        int j = mid;
        int k = lo;
        while (i < left && j < hi) {
            a[k++] = less.less(a[j], tmp[i]) ? a[j++] : tmp[i++];
        }
        System.arraycopy(tmp, i, a, k, left - i);
    }
}

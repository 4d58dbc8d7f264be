package duso.store;

import duso.lang.values.BinaryValue;
import duso.lang.values.CodeValue;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.RegexValue;
import java.util.Map;

/**
 * The reference's estimate of a value's encoded size, which {@code max_value_size} is checked
 * against before anything is copied or encoded: strings count their UTF-8 bytes plus five,
 * numbers nine, containers six plus their parts. The first walk stops as soon as the limit
 * is passed, so checking an ordinary value costs little and a huge one no more than the
 * limit, until it has to be reported.
 */
final class ValueSize {
    /**
     * The estimated size, or some number above {@code limit} once it is known to exceed it.
     * A first pass bounds strings by three bytes a char without scanning them; only when that
     * bound passes the limit is the exact size worked out, in full, for the error message.
     */
    static long of(Object v, long limit) {
        long bound = new ValueSize(false).size(v, limit);
        return bound <= limit ? bound : new ValueSize(true).size(v, Long.MAX_VALUE);
    }

    private final boolean exact;

    private ValueSize(boolean exact) {
        this.exact = exact;
    }

    private int depth;

    private long size(Object v, long limit) {
        if (v instanceof DusoArray || v instanceof DusoObject) {
            if (++depth > DeepCopy.MAX_DEPTH) {
                throw DeepCopy.tooDeep();
            }
            try {
                return measure(v, limit);
            } finally {
                depth--;
            }
        }
        return measure(v, limit);
    }

    private long measure(Object v, long limit) {
        if (v instanceof String s) {
            return utf8Length(s, limit) + 5;
        }
        if (v instanceof Double) {
            return 9;
        }
        if (v instanceof DusoArray a) {
            long total = 6;
            for (int i = 0, n = a.size(); i < n && total <= limit; i++) {
                total += size(a.get(i), limit - total);
            }
            return total;
        }
        if (v instanceof DusoObject o) {
            return 6 + fields(o, limit - 6);
        }
        if (v instanceof BinaryValue b) {
            long total = 6L + b.length();
            return total > limit ? total : total + fields(b.metadata(), limit - total);
        }
        if (v instanceof ErrorValue e) {
            String stack = e.stack() == null ? "" : e.stack();
            return 6 + utf8Length(stack, limit) + size(e.message(), limit);
        }
        if (v instanceof RegexValue r) {
            return 6 + utf8Length(r.pattern(), limit);
        }
        if (v instanceof CodeValue c) {
            long total = 6 + utf8Length(c.source(), limit);
            return c.metadata() == null || total > limit ? total : total + fields(c.metadata(), limit - total);
        }
        return 1; // nil, booleans, functions (encoded as nil)
    }

    private long fields(DusoObject o, long limit) {
        long total = 0;
        for (Map.Entry<String, Object> e : o.entries()) {
            if (total > limit) {
                break;
            }
            total += utf8Length(e.getKey(), limit) + 5 + size(e.getValue(), limit - total);
        }
        return total;
    }

    /** UTF-8 byte count, or in the bounding pass the most it could be. */
    private long utf8Length(String s, long limit) {
        return exact ? utf8Exact(s) : 3L * s.length();
    }

    private static long utf8Exact(String s) {
        long bytes = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

package duso.runtime.json;

import duso.lang.values.CodeValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.NumberFormat;
import duso.lang.values.RegexValue;
import duso.lang.values.Render;
import duso.lang.values.Values;
import java.util.Arrays;
import java.util.Map;

/**
 * Writes script values as Go's {@code encoding/json} would (the reference's encoder is a fast
 * twin of it). What keeps the output byte-identical:
 * <ul>
 *   <li>object keys in UTF-8 byte order; empty arrays and objects stay {@code []}/{@code {}}
 *       even when indented;</li>
 *   <li>strings: {@code < > &}, control characters and U+2028/U+2029 as {@code \\u00XX} /
 *       {@code \\u202X}, a lone surrogate (Go's invalid UTF-8) as U+FFFD;</li>
 *   <li>numbers: whole numbers below 1e15 as integers, else the shortest decimal, in exponent
 *       form below 1e-6 and from 1e21 on with a one-digit negative exponent ({@code 1e-7});</li>
 *   <li>values JSON lacks become strings: {@code "<function>"}, {@code "<error: msg>"},
 *       {@code "~pattern~"}, a code value's source, a binary value's {@code <binary: …>}.</li>
 * </ul>
 */
final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** ASCII characters copied verbatim inside a JSON string. */
    private static final boolean[] SAFE = new boolean[128];

    static {
        for (int c = 0x20; c < 128; c++) {
            SAFE[c] = true;
        }
        SAFE['"'] = false;
        SAFE['\\'] = false;
        SAFE['<'] = false;
        SAFE['>'] = false;
        SAFE['&'] = false;
    }

    private final StringBuilder out = new StringBuilder(256);
    private char[] scratch = new char[64];
    private final Shape[] shapes = new Shape[8];
    private final String indent;
    private final boolean pretty;

    private JsonWriter(String indent) {
        this.indent = indent;
        this.pretty = !indent.isEmpty();
    }

    static String write(Object value, String indent) {
        JsonWriter w = new JsonWriter(indent);
        w.value(value, 0);
        return w.out.toString();
    }

    private void value(Object v, int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw new JsonException("value nested more than " + Json.MAX_DEPTH
                    + " levels deep (circular reference?)");
        }
        if (v instanceof String s) {
            string(s);
        } else if (v instanceof Double d) {
            number(d);
        } else if (v instanceof DusoObject o) {
            object(o, depth);
        } else if (v instanceof DusoArray a) {
            array(a, depth);
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (v == Nil.NIL || v == null) {
            out.append("null");
        } else {
            string(standIn(v));
        }
    }

    /** The string that stands for a value JSON has no form for. */
    private static String standIn(Object v) {
        if (v instanceof FunctionValue) {
            return "<function>";
        }
        if (v instanceof ErrorValue e) {
            return e.message() instanceof String m ? "<error: " + m + ">" : "<error>";
        }
        if (v instanceof RegexValue r) {
            return "~" + r.pattern() + "~";
        }
        if (v instanceof CodeValue c) {
            return c.source();
        }
        return Render.concat(v); // binary: "<binary: N bytes>", as the reference prints it
    }

    private void array(DusoArray a, int depth) {
        int n = a.size();
        if (n == 0) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            value(a.get(i), depth + 1);
        }
        newline(depth);
        out.append(']');
    }

    private void object(DusoObject o, int depth) {
        int n = o.size();
        if (n == 0) {
            out.append("{}");
            return;
        }
        String[] keys = new String[n];
        Object[] values = new Object[n];
        int i = 0;
        for (Map.Entry<String, Object> e : o.entries()) {
            keys[i] = e.getKey();
            values[i] = e.getValue();
            i++;
        }
        Shape shape = shape(keys, depth);
        out.append('{');
        for (i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            int k = shape.order[i];
            out.append(shape.keyText(k, this));
            value(values[k], depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    /**
     * The sorted order of an object's keys. Objects made by one literal, or read from one
     * document, share their key strings and order, so the last shape seen at each depth is
     * kept and reused when the same key instances come again in the same order.
     */
    private Shape shape(String[] keys, int depth) {
        int slot = Math.min(depth, shapes.length - 1);
        Shape last = shapes[slot];
        if (last != null && last.matches(keys)) {
            return last;
        }
        Shape s = new Shape(keys);
        shapes[slot] = s;
        return s;
    }

    private static final class Shape {
        final String[] keys;
        final int[] order;
        final String[] text;

        Shape(String[] keys) {
            this.keys = keys;
            this.order = sortedOrder(keys);
            this.text = new String[keys.length];
        }

        boolean matches(String[] other) {
            if (other.length != keys.length) {
                return false;
            }
            for (int i = 0; i < keys.length; i++) {
                if (other[i] != keys[i]) {
                    return false;
                }
            }
            return true;
        }

        /** The key written as JSON with its separator, made once per shape. */
        String keyText(int k, JsonWriter w) {
            String t = text[k];
            if (t == null) {
                int mark = w.out.length();
                w.string(keys[k]);
                w.out.append(w.pretty ? ": " : ":");
                t = w.out.substring(mark);
                w.out.setLength(mark);
                text[k] = t;
            }
            return t;
        }
    }

    /** Indexes of keys in UTF-8 byte order; insertion sort for the usual handful. */
    private static int[] sortedOrder(String[] keys) {
        int n = keys.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        if (n > 16) {
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            Arrays.sort(boxed, (x, y) -> Values.compareStrings(keys[x], keys[y]));
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
            return order;
        }
        for (int i = 1; i < n; i++) {
            int idx = order[i];
            int j = i - 1;
            while (j >= 0 && Values.compareStrings(keys[order[j]], keys[idx]) > 0) {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = idx;
        }
        return order;
    }

    private void newline(int depth) {
        if (pretty) {
            out.append('\n');
            for (int i = 0; i < depth; i++) {
                out.append(indent);
            }
        }
    }

    private void number(double f) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new JsonException("unsupported number value: " + NumberFormat.formatG(f));
        }
        long whole = (long) f;
        if (whole == f && whole > -1_000_000_000_000_000L && whole < 1_000_000_000_000_000L
                && (whole != 0 || Double.doubleToRawLongBits(f) == 0)) {
            out.append(whole);
            return;
        }
        double abs = Math.abs(f);
        if (abs >= 1e-3 && abs < 1e7) {
            if (!shortFraction(f)) {
                // Not whole, and where Java's shortest repr is plain decimal: the same characters
                // as Go's FormatFloat(f, 'f', -1, 64).
                out.append(f);
            }
        } else if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String e = NumberFormat.formatE(f);
            int n = e.length();
            if (e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
                out.append(e, 0, n - 2).append(e.charAt(n - 1)); // e-07 -> e-7
            } else {
                out.append(e);
            }
        } else {
            out.append(NumberFormat.formatF(f));
        }
    }

    private static final double[] SCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    private static final long[] LSCALE = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /**
     * Writes f (not whole, 1e-3 <= |f| < 1e7) when it has at most six decimals, without the
     * general shortest-digits algorithm, which is slow until the JIT has compiled it.
     * {@code n / 10^k == f} proves the decimal n×10^-k reads back as f; it is the shortest
     * such decimal because its last digit is not zero and, at this magnitude, no two decimals
     * with k places read back as the same double (ulp(f) < 2e-9).
     */
    private boolean shortFraction(double f) {
        for (int k = 1; k < SCALE.length; k++) {
            double t = f * SCALE[k];
            long n = (long) t;
            if (n == t) {
                if (n % 10 == 0 || n / SCALE[k] != f) {
                    return false;
                }
                if (n < 0) {
                    out.append('-');
                    n = -n;
                }
                long whole = n / LSCALE[k];
                long frac = n % LSCALE[k];
                out.append(whole).append('.');
                for (long p = LSCALE[k] / 10; p > frac && p > 1; p /= 10) {
                    out.append('0');
                }
                out.append(frac);
                return true;
            }
        }
        return false;
    }

    /**
     * Writes a quoted string. The characters are first copied in bulk to a scratch array and
     * scanned there (much cheaper than charAt per character before the JIT has warmed up);
     * strings that need no escaping, nearly all of them, are then appended whole.
     */
    private void string(String s) {
        int n = s.length();
        if (scratch.length < n) {
            scratch = new char[Math.max(n, scratch.length * 2)];
        }
        char[] cs = scratch;
        s.getChars(0, n, cs, 0);
        int i = 0;
        while (i < n) {
            char c = cs[i];
            if (c < 128 ? !SAFE[c] : c == '\u2028' || c == '\u2029' || (c >= '\uD800' && c <= '\uDFFF')) {
                break;
            }
            i++;
        }
        StringBuilder b = out;
        b.append('"');
        if (i == n) {
            b.append(s);
        } else {
            b.append(cs, 0, i);
            escapeFrom(cs, i, n);
        }
        b.append('"');
    }

    private void escapeFrom(char[] cs, int from, int n) {
        StringBuilder b = out;
        int start = from;
        for (int i = from; i < n; i++) {
            char c = cs[i];
            if (c < 128) {
                if (SAFE[c]) {
                    continue;
                }
                b.append(cs, start, i - start);
                start = i + 1;
                switch (c) {
                    case '"' -> b.append("\\\"");
                    case '\\' -> b.append("\\\\");
                    case '\n' -> b.append("\\n");
                    case '\r' -> b.append("\\r");
                    case '\t' -> b.append("\\t");
                    case '\b' -> b.append("\\b");
                    case '\f' -> b.append("\\f");
                    default -> b.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                }
            } else if (c == '\u2028' || c == '\u2029') {
                b.append(cs, start, i - start).append("\\u202").append(HEX[c & 0xF]);
                start = i + 1;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(cs[i + 1])) {
                    i++;
                    continue;
                }
                b.append(cs, start, i - start).append('\uFFFD'); // a lone surrogate: Go's invalid UTF-8
                start = i + 1;
            }
        }
        b.append(cs, start, n - start);
    }
}

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
        sortByKey(keys, values);
        out.append('{');
        for (i = 0; i < n; i++) {
            if (i > 0) {
                out.append(',');
            }
            newline(depth + 1);
            string(keys[i]);
            out.append(':');
            if (pretty) {
                out.append(' ');
            }
            value(values[i], depth + 1);
        }
        newline(depth);
        out.append('}');
    }

    /** Sorts the key/value pairs by key in UTF-8 byte order; insertion sort for the usual few. */
    private static void sortByKey(String[] keys, Object[] values) {
        int n = keys.length;
        if (n > 16) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> Values.compareStrings(keys[x], keys[y]));
            String[] k = keys.clone();
            Object[] v = values.clone();
            for (int i = 0; i < n; i++) {
                keys[i] = k[order[i]];
                values[i] = v[order[i]];
            }
            return;
        }
        for (int i = 1; i < n; i++) {
            String key = keys[i];
            Object value = values[i];
            int j = i - 1;
            while (j >= 0 && Values.compareStrings(keys[j], key) > 0) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
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
            // Not whole, and in the range where Java's shortest repr is plain decimal: the same
            // characters as Go's FormatFloat(f, 'f', -1, 64).
            out.append(f);
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

    private void string(String s) {
        StringBuilder b = out;
        b.append('"');
        int n = s.length();
        int start = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (SAFE[c]) {
                    continue;
                }
                b.append(s, start, i);
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
                b.append(s, start, i).append("\\u202").append(HEX[c & 0xF]);
                start = i + 1;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                b.append(s, start, i).append('\uFFFD');
                start = i + 1;
            }
        }
        b.append(s, start, n);
        b.append('"');
    }
}

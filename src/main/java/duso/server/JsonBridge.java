package duso.server;

import duso.lang.values.BinaryValue;
import duso.lang.values.CodeValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.NumberFormat;
import duso.lang.values.Render;
import duso.lang.values.RegexValue;
import duso.lang.values.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON the server needs: compact encoding for {@code json()}/{@code response()} bodies and
 * JWT payloads (the reference's encoder: sorted keys, {@code <>&} escaped, integers below
 * 1e15 without a fraction), and decoding of JWT headers and claims.
 *
 * <p>TEMPORARY: a stand-in until {@code duso.runtime.json.Json} (format_json/parse_json)
 * is merged; then both methods delegate to it and this class shrinks to two lines.
 */
final class JsonBridge {
    private static final int MAX_DEPTH = 512;

    private JsonBridge() {}

    /** Compact JSON; throws IllegalArgumentException with the reference's message on failure. */
    static String encode(Object v) {
        StringBuilder b = new StringBuilder(64);
        encode(v, b, 0);
        return b.toString();
    }

    private static void encode(Object v, StringBuilder b, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("value nested more than 512 levels deep (circular reference?)");
        }
        if (v == null || v == Nil.NIL) {
            b.append("null");
        } else if (v instanceof String s) {
            string(s, b);
        } else if (v instanceof Double d) {
            number(d, b);
        } else if (v instanceof Boolean x) {
            b.append(x ? "true" : "false");
        } else if (v instanceof DusoArray a) {
            b.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    b.append(',');
                }
                encode(a.get(i), b, depth + 1);
            }
            b.append(']');
        } else if (v instanceof DusoObject o) {
            b.append('{');
            boolean first = true;
            for (String k : Render.sortedKeys(o)) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(k, b);
                b.append(':');
                encode(o.get(k), b, depth + 1);
            }
            b.append('}');
        } else if (v instanceof FunctionValue) {
            string("<function>", b);
        } else if (v instanceof ErrorValue e) {
            string(e.message() instanceof String s ? "<error: " + s + ">" : "<error>", b);
        } else if (v instanceof RegexValue r) {
            string("~" + r.pattern() + "~", b);
        } else if (v instanceof CodeValue c) {
            string(c.source(), b);
        } else if (v instanceof BinaryValue) {
            string(Render.concat(v), b);
        } else {
            string(Render.concat(v), b);
        }
    }

    private static void number(double f, StringBuilder b) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("unsupported number value: " + NumberFormat.formatG(f));
        }
        if (f == Math.rint(f) && Math.abs(f) < 1e15 && !(f == 0 && Double.doubleToRawLongBits(f) != 0)) {
            b.append((long) f);
            return;
        }
        double abs = Math.abs(f);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String e = NumberFormat.formatE(f);
            int n = e.length();
            if (n >= 4 && e.charAt(n - 4) == 'e' && e.charAt(n - 3) == '-' && e.charAt(n - 2) == '0') {
                e = e.substring(0, n - 2) + e.charAt(n - 1);
            }
            b.append(e);
        } else {
            b.append(NumberFormat.formatF(f));
        }
    }

    private static void string(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '<', '>', '&', '\u2028', '\u2029' -> b.append(String.format("\\u%04x", (int) c));
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }

    /** Parses JSON text into script values; throws IllegalArgumentException when invalid. */
    static Object parse(String text) {
        Parser p = new Parser(text);
        p.skip();
        Object v = p.value(0);
        p.skip();
        if (p.i != text.length()) {
            throw new IllegalArgumentException("invalid character after top-level value");
        }
        return v;
    }

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        void skip() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
        }

        IllegalArgumentException bad() {
            return new IllegalArgumentException("invalid JSON at offset " + i);
        }

        Object value(int depth) {
            if (depth > MAX_DEPTH || i >= s.length()) {
                throw bad();
            }
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                DusoObject o = new DusoObject();
                skip();
                if (peek('}')) {
                    return o;
                }
                while (true) {
                    skip();
                    if (i >= s.length() || s.charAt(i) != '"') {
                        throw bad();
                    }
                    String k = str();
                    skip();
                    expect(':');
                    skip();
                    o.put(k, value(depth + 1));
                    skip();
                    if (peek('}')) {
                        return o;
                    }
                    expect(',');
                }
            }
            if (c == '[') {
                i++;
                List<Object> items = new ArrayList<>();
                skip();
                if (peek(']')) {
                    return DusoArray.copyOf(items);
                }
                while (true) {
                    skip();
                    items.add(value(depth + 1));
                    skip();
                    if (peek(']')) {
                        return DusoArray.copyOf(items);
                    }
                    expect(',');
                }
            }
            if (c == '"') {
                return str();
            }
            if (s.startsWith("true", i)) {
                i += 4;
                return Boolean.TRUE;
            }
            if (s.startsWith("false", i)) {
                i += 5;
                return Boolean.FALSE;
            }
            if (s.startsWith("null", i)) {
                i += 4;
                return Nil.NIL;
            }
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            String num = s.substring(start, i);
            if (!num.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw bad();
            }
            return Values.num(Double.parseDouble(num));
        }

        private boolean peek(char c) {
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw bad();
            }
        }

        private String str() {
            i++;
            StringBuilder b = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw bad();
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw bad();
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw bad();
                }
                char e = s.charAt(i++);
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw bad();
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw bad();
                        }
                        i += 4;
                    }
                    default -> throw bad();
                }
            }
        }
    }
}

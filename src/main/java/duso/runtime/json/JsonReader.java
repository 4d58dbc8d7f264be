package duso.runtime.json;

import duso.lang.lexer.GoQuote;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Numbers;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads JSON text straight into script values, accepting exactly what Go's
 * {@code encoding/json} accepts and failing with the reference decoder's messages.
 *
 * <p>The reference reports positions as UTF-8 byte offsets; this reader walks chars and turns
 * the char index into a byte offset only when it fails. Object keys repeat in most documents
 * (arrays of records), so keys are shared through a small cache instead of allocated per
 * occurrence; array and object members are gathered on one scratch stack so each container is
 * allocated once at its exact size.
 */
final class JsonReader {
    private static final int KEY_CACHE = 64;

    private final String text;
    private final char[] src;
    private final int end;
    private int pos;

    private final String[] keys = new String[KEY_CACHE];
    private Object[] stack = new Object[64];
    private int top;

    private JsonReader(String text) {
        this.text = text;
        this.src = text.toCharArray();
        this.end = src.length;
    }

    static Object read(String text) {
        JsonReader r = new JsonReader(text);
        r.peek();
        Object v = r.value(0);
        if (r.peek() >= 0) {
            throw r.fail("unexpected trailing data");
        }
        return v;
    }

    private Object value(int depth) {
        if (depth > Json.MAX_DEPTH) {
            throw fail("exceeded maximum nesting depth of " + Json.MAX_DEPTH);
        }
        if (pos >= end) {
            throw fail("unexpected end of input");
        }
        char c = src[pos];
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                literal("true");
                return Boolean.TRUE;
            case 'f':
                literal("false");
                return Boolean.FALSE;
            case 'n':
                literal("null");
                return Nil.NIL;
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw fail("unexpected character " + quoteByteAt(pos));
        }
    }

    private DusoObject object(int depth) {
        pos++;
        int c = peek();
        if (c == '}') {
            pos++;
            return new DusoObject();
        }
        int base = top;
        while (true) {
            if (c != '"') {
                throw fail("expected object key");
            }
            String key = key();
            if (peek() != ':') {
                throw fail("expected ':' after object key");
            }
            pos++;
            peek();
            Object v = value(depth + 1);
            push(key);
            push(v);
            c = peek();
            if (c == ',') {
                pos++;
                c = peek();
            } else if (c == '}') {
                pos++;
                break;
            } else if (c < 0) {
                throw fail("unexpected end of input in object");
            } else {
                throw fail("expected ',' or '}' in object");
            }
        }
        DusoObject o = new DusoObject((top - base) / 2);
        Map<String, Object> map = o.map();
        for (int i = base; i < top; i += 2) {
            map.put((String) stack[i], stack[i + 1]);
        }
        release(base);
        return o;
    }

    private DusoArray array(int depth) {
        pos++;
        if (peek() == ']') {
            pos++;
            return new DusoArray();
        }
        int base = top;
        while (true) {
            push(value(depth + 1));
            int c = peek();
            if (c == ',') {
                pos++;
                peek();
            } else if (c == ']') {
                pos++;
                break;
            } else if (c < 0) {
                throw fail("unexpected end of input in array");
            } else {
                throw fail("expected ',' or ']' in array");
            }
        }
        DusoArray a = DusoArray.wrap(Arrays.copyOfRange(stack, base, top));
        release(base);
        return a;
    }

    private void push(Object v) {
        if (top == stack.length) {
            stack = Arrays.copyOf(stack, top * 2);
        }
        stack[top++] = v;
    }

    /** Pops the scratch stack back to base, dropping references so values can be collected. */
    private void release(int base) {
        Arrays.fill(stack, base, top, null);
        top = base;
    }

    /** An object key: plain keys come from the cache, others take the general string path. */
    private String key() {
        int start = pos + 1;
        int hash = 0;
        for (int i = start; i < end; i++) {
            char c = src[i];
            if (c == '"') {
                int len = i - start;
                int slot = (hash ^ (hash >>> 16)) & (KEY_CACHE - 1);
                String cached = keys[slot];
                pos = i + 1;
                if (cached != null && cached.length() == len && sameChars(cached, start)) {
                    return cached;
                }
                String k = new String(src, start, len);
                keys[slot] = k;
                return k;
            }
            if (c == '\\' || c < 0x20) {
                break;
            }
            hash = 31 * hash + c;
        }
        return string();
    }

    private boolean sameChars(String s, int from) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) != src[from + i]) {
                return false;
            }
        }
        return true;
    }

    private String string() {
        char[] s = src;
        int start = pos + 1;
        for (int p = start, n = end; p < n; p++) {
            char c = s[p];
            if (c == '"') {
                pos = p + 1;
                return new String(s, start, p - start);
            }
            if (c == '\\') {
                pos = p;
                return escapedString(start);
            }
            if (c < 0x20) {
                pos = p;
                throw fail("invalid control character in string");
            }
        }
        pos = end;
        throw fail("unterminated string");
    }

    /** The slow path once a backslash is seen; start is the first content char. */
    private String escapedString(int start) {
        StringBuilder b = new StringBuilder(pos - start + 16);
        b.append(src, start, pos - start);
        while (pos < end) {
            char c = src[pos];
            if (c == '"') {
                pos++;
                return b.toString();
            }
            if (c < 0x20) {
                throw fail("invalid control character in string");
            }
            if (c != '\\') {
                int run = pos;
                while (pos < end && src[pos] != '\\' && src[pos] != '"' && src[pos] >= 0x20) {
                    pos++;
                }
                b.append(src, run, pos - run);
                continue;
            }
            pos++;
            if (pos >= end) {
                throw fail("unterminated escape sequence");
            }
            switch (src[pos]) {
                case '"' -> b.append('"');
                case '\\' -> b.append('\\');
                case '/' -> b.append('/');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'u' -> {
                    unicodeEscape(b);
                    continue;
                }
                default -> throw fail("invalid escape character " + quoteByteAt(pos));
            }
            pos++;
        }
        throw fail("unterminated string");
    }

    /**
     * Appends the character of a {@code \\uXXXX} escape (pos on the 'u'), joining a surrogate
     * pair; a surrogate without its partner becomes U+FFFD, as in Go. Leaves pos past it.
     */
    private void unicodeEscape(StringBuilder b) {
        char first = hex4();
        if (!Character.isSurrogate(first)) {
            b.append(first);
            return;
        }
        if (pos + 6 <= end && src[pos] == '\\' && src[pos + 1] == 'u') {
            int save = pos;
            pos++;
            char second = hex4();
            if (Character.isHighSurrogate(first) && Character.isLowSurrogate(second)) {
                b.append(first).append(second);
                return;
            }
            pos = save;
        }
        b.append('\uFFFD');
    }

    /** Reads "uXXXX" starting on the 'u'. */
    private char hex4() {
        if (pos + 5 > end) {
            throw fail("incomplete \\u escape");
        }
        int r = 0;
        for (int i = 1; i <= 4; i++) {
            char c = src[pos + i];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                throw fail("invalid hex digit " + quoteByteAt(pos + i) + " in \\u escape");
            }
            r = (r << 4) | d;
        }
        pos += 5;
        return (char) r;
    }

    private Object number() {
        char[] s = src;
        int n = end;
        int start = pos;
        int p = start;
        boolean negative = s[p] == '-';
        if (negative) {
            p++;
        }
        int intStart = p;
        long whole = 0;
        while (p < n && isDigit(s[p])) {
            whole = whole * 10 + (s[p] - '0'); // only used when it has at most 15 digits
            p++;
        }
        pos = p;
        if (p == intStart) {
            throw fail("invalid number");
        }
        if (s[intStart] == '0' && p - intStart > 1) {
            throw fail("invalid number: leading zero");
        }
        int intEnd = p;
        boolean plainInteger = p >= n || (s[p] != '.' && s[p] != 'e' && s[p] != 'E');
        if (plainInteger && intEnd - intStart <= 15) {
            if (negative) {
                return whole == 0 ? -0.0 : Numbers.box(-whole);
            }
            return Numbers.box(whole);
        }
        int fracStart = -1;
        int fracEnd = -1;
        if (p < n && s[p] == '.') {
            fracStart = ++p;
            while (p < n && isDigit(s[p])) {
                p++;
            }
            pos = p;
            if (p == fracStart) {
                throw fail("invalid number: no digits after decimal point");
            }
            fracEnd = p;
        }
        int exponent = 0;
        if (p < n && (s[p] == 'e' || s[p] == 'E')) {
            p++;
            boolean negExp = false;
            if (p < n && (s[p] == '+' || s[p] == '-')) {
                negExp = s[p] == '-';
                p++;
            }
            int expStart = p;
            while (p < n && isDigit(s[p])) {
                if (exponent < 100_000) {
                    exponent = exponent * 10 + (s[p] - '0');
                }
                p++;
            }
            pos = p;
            if (p == expStart) {
                throw fail("invalid number: no digits in exponent");
            }
            if (negExp) {
                exponent = -exponent;
            }
        }
        pos = p;
        double fast = JsonNumbers.exactDecimal(s, intStart, intEnd, fracStart, fracEnd, exponent);
        if (!Double.isNaN(fast)) {
            return negative ? -fast : fast;
        }
        String literal = new String(s, start, p - start);
        double d = Double.parseDouble(literal);
        if (Double.isInfinite(d)) {
            throw fail("invalid number \"" + literal + "\"");
        }
        return d;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void literal(String word) {
        if (!text.startsWith(word, pos)) {
            throw fail("invalid literal, expected \"" + word + "\"");
        }
        pos += word.length();
    }

    /** Skips JSON whitespace; returns the character reached, or -1 at the end of the text. */
    private int peek() {
        int p = pos;
        while (p < end) {
            char c = src[p];
            if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
                pos = p;
                return c;
            }
            p++;
        }
        pos = p;
        return -1;
    }

    /** The reference's message with its position as a UTF-8 byte offset. */
    private JsonException fail(String message) {
        int offset = text.substring(0, pos).getBytes(StandardCharsets.UTF_8).length;
        return new JsonException(message + " at offset " + offset);
    }

    /**
     * Go's {@code %q} of the byte at a char index: the reference looks at bytes, so a non-ASCII
     * character shows as its first UTF-8 byte read as a Latin-1 rune ({@code é} → {@code 'Ã'}).
     */
    private String quoteByteAt(int index) {
        int cp = Character.codePointAt(src, index);
        int b;
        if (cp < 0x80) {
            b = cp;
        } else if (cp < 0x800) {
            b = 0xC0 | (cp >> 6);
        } else if (cp < 0x10000) {
            b = Character.isSurrogate((char) cp) ? 0xEF : 0xE0 | (cp >> 12);
        } else {
            b = 0xF0 | (cp >> 18);
        }
        if (b == '\'') {
            return "'\\''";
        }
        if (b == '"') {
            return "'\"'";
        }
        String q = GoQuote.quote(String.valueOf((char) b));
        return "'" + q.substring(1, q.length() - 1) + "'";
    }
}

package duso.runtime.formats;

import duso.lang.lexer.GoQuote;
import duso.lang.values.Values;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * URL query strings and form bodies ({@code application/x-www-form-urlencoded}) by the rules of
 * Go's {@code net/url} ({@code ParseQuery}, {@code QueryEscape}, {@code Values.Encode}), which the
 * reference uses for parse_form/format_form and for request query strings and forms.
 *
 * <p>Escaping works on UTF-8 bytes: only {@code A-Z a-z 0-9 - _ . ~} stay as they are, a space
 * becomes {@code +}, everything else {@code %XX}. Parsing keeps going after a bad pair, as Go
 * does, and reports the first problem with Go's wording.
 */
public final class UrlQuery {
    /** Go refuses queries with more parameters than this (its {@code urlmaxqueryparams}). */
    public static final int MAX_PARAMS = 10_000;

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /** Values by key in first-seen order, and the first error met (null when none). */
    public record Parsed(Map<String, List<String>> values, String error) {}

    private UrlQuery() {}

    /** Go's {@code url.QueryEscape}. */
    public static String escape(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder b = null;
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xFF;
            if (isUnreserved(c)) {
                if (b != null) {
                    b.append((char) c);
                }
                continue;
            }
            if (b == null) {
                b = new StringBuilder(bytes.length + 16);
                for (int k = 0; k < i; k++) {
                    b.append((char) bytes[k]);
                }
            }
            if (c == ' ') {
                b.append('+');
            } else {
                b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return b == null ? s : b.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }

    /** Go's {@code Values.Encode}: keys in byte order, each value as {@code key=value}, joined by {@code &}. */
    public static String encode(Map<String, List<String>> values) {
        List<String> keys = new ArrayList<>(values.keySet());
        keys.sort(Values::compareStrings);
        StringBuilder b = new StringBuilder();
        for (String key : keys) {
            String k = escape(key);
            for (String v : values.get(key)) {
                if (!b.isEmpty()) {
                    b.append('&');
                }
                b.append(k).append('=').append(escape(v));
            }
        }
        return b.toString();
    }

    /** Go's {@code url.ParseQuery}. */
    public static Parsed parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (count(query, '&') + 1 > MAX_PARAMS) {
            return new Parsed(values, "number of URL query parameters exceeded limit");
        }
        String error = null;
        int start = 0;
        int n = query.length();
        while (start < n) {
            int amp = query.indexOf('&', start);
            int stop = amp < 0 ? n : amp;
            String pair = query.substring(start, stop);
            start = stop + 1;
            if (pair.indexOf(';') >= 0) {
                error = "invalid semicolon separator in query";
                continue;
            }
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = unescape(eq < 0 ? pair : pair.substring(0, eq));
                String value = unescape(eq < 0 ? "" : pair.substring(eq + 1));
                values.computeIfAbsent(key, k -> new ArrayList<>(1)).add(value);
            } catch (EscapeException e) {
                if (error == null) {
                    error = e.getMessage();
                }
            }
        }
        return new Parsed(values, error);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) {
            n++;
        }
        return n;
    }

    /** A malformed percent escape, worded as Go's {@code url.EscapeError}. */
    public static final class EscapeException extends RuntimeException {
        EscapeException(String message) {
            super(message, null, false, false);
        }
    }

    /** Go's {@code url.QueryUnescape}: {@code %XX} bytes and {@code +} as space, decoded as UTF-8. */
    public static String unescape(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            int c = in[i];
            if (c == '%') {
                if (i + 2 >= in.length || GoHex.digit(in[i + 1]) < 0 || GoHex.digit(in[i + 2]) < 0) {
                    throw new EscapeException("invalid URL escape " + quoteBytes(in, i, Math.min(in.length, i + 3)));
                }
                out.write(GoHex.digit(in[i + 1]) << 4 | GoHex.digit(in[i + 2]));
                i += 2;
            } else {
                out.write(c == '+' ? ' ' : c);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Go's {@code strconv.Quote} of a byte range that may end inside a UTF-8 sequence. */
    private static String quoteBytes(byte[] b, int from, int to) {
        StringBuilder q = new StringBuilder("\"");
        int i = from;
        while (i < to) {
            int lead = b[i] & 0xFF;
            int len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0;
            boolean whole = len > 0 && i + len <= to;
            for (int k = 1; whole && k < len; k++) {
                whole = (b[i + k] & 0xC0) == 0x80;
            }
            if (whole) {
                String quoted = GoQuote.quote(new String(b, i, len, StandardCharsets.UTF_8));
                q.append(quoted, 1, quoted.length() - 1);
                i += len;
            } else {
                q.append(String.format("\\x%02x", lead));
                i++;
            }
        }
        return q.append('"').toString();
    }
}

package duso.server;

import duso.runtime.GoHeaderNames;
import java.util.List;

/**
 * Request cookies as Go's {@code Request.Cookies()} reads them: each Cookie header split on
 * {@code ;}, a pair without {@code =} is a name with an empty value, surrounding double
 * quotes are dropped, and a pair whose name is not a token or whose value has a byte Go
 * rejects is skipped.
 */
final class Cookies {
    private Cookies() {}

    static FormValues parse(List<String> headerLines) {
        FormValues out = new FormValues();
        for (String line : headerLines) {
            for (String part : line.split(";", -1)) {
                part = trim(part);
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = trim(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : part.substring(eq + 1);
                if (!GoHeaderNames.isToken(name)) {
                    continue;
                }
                if (value.length() > 1 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                if (validValue(value)) {
                    out.add(name, value);
                }
            }
        }
        return out;
    }

    private static boolean validValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == ';' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Go's textproto.TrimString: ASCII space, tab, CR and LF. */
    static String trim(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}

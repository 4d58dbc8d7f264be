package duso.runtime;

/**
 * HTTP header names and values by Go's net/http rules, shared by the server (request headers
 * reach scripts, and headers scripts set are written, under these names) and the client
 * (scripts index fetch() responses by Go's spelling, and Go refuses invalid names and values
 * before sending): canonical MIME keys ({@code content-type} → {@code Content-Type}) and the
 * token and value checks Go applies.
 */
public final class GoHeaderNames {
    private GoHeaderNames() {}

    /** RFC 7230 token characters (Go's validHeaderFieldByte). */
    public static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 0x80 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    public static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Go's ValidHeaderFieldValue: no control bytes other than tab. */
    public static boolean isValidValue(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < ' ' && c != '\t' || c == 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * Go's CanonicalMIMEHeaderKey: upper-case the first letter and every letter after a hyphen,
     * lower-case the rest; a name holding a non-token character is returned unchanged.
     */
    public static String canonical(String name) {
        boolean upper = true;
        boolean changes = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                return name;
            }
            if (upper && c >= 'a' && c <= 'z' || !upper && c >= 'A' && c <= 'Z') {
                changes = true;
            }
            upper = c == '-';
        }
        if (!changes) {
            return name;
        }
        char[] out = name.toCharArray();
        upper = true;
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (upper && c >= 'a' && c <= 'z') {
                out[i] = (char) (c - 32);
            } else if (!upper && c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + 32);
            }
            upper = c == '-';
        }
        return new String(out);
    }
}

package duso.client;

/**
 * Header names and values as Go's net/http sees them: names canonicalised ({@code content-type}
 * → {@code Content-Type}) because scripts index fetch() responses by Go's spelling, and the
 * validity rules Go applies before it sends a request.
 */
final class HeaderNames {
    private HeaderNames() {}

    /** RFC 7230 token characters (Go's validHeaderFieldByte). */
    static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return c < 0x80 && "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }

    static boolean isToken(String s) {
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
    static boolean isValidValue(String v) {
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
     * lower-case the rest; a name holding a non-token byte is returned unchanged.
     */
    static String canonical(String name) {
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

    /** Names most responses carry, returned without building a new string. */
    private static final String[] COMMON = {
        "Date", "Etag", "Vary", "Server", "Expires", "Location", "Connection", "Keep-Alive", "Set-Cookie",
        "Content-Type", "Last-Modified", "Cache-Control", "Accept-Ranges", "Content-Length", "Content-Encoding",
        "Transfer-Encoding", "X-Content-Type-Options", "Access-Control-Allow-Origin", "Strict-Transport-Security",
    };

    /**
     * The canonical form of a received name (bytes {@code from..to}, already checked to be token
     * bytes or spaces); a name with a space is kept as sent, as Go does.
     */
    static String canonical(byte[] b, int from, int to) {
        int len = to - from;
        for (String known : COMMON) {
            if (known.length() == len && equalsIgnoreCase(b, from, known)) {
                return known;
            }
        }
        return canonical(new String(b, from, len, java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    private static boolean equalsIgnoreCase(byte[] b, int from, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if ((b[from + i] | 0x20) != (ascii.charAt(i) | 0x20)) {
                return false;
            }
        }
        return true;
    }

    /** Go's textproto.TrimString: strips spaces and tabs (and CR/LF) at both ends. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isAsciiSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isAsciiSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}

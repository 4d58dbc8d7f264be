package duso.client;

import duso.runtime.GoHeaderNames;

/**
 * The client's side of Go's header rules (the rules themselves are {@link GoHeaderNames}):
 * canonical names straight from received bytes, with the names most responses carry returned
 * without building a string, and textproto's trimming of values.
 */
final class HeaderNames {
    private HeaderNames() {}

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
        return GoHeaderNames.canonical(new String(b, from, len, java.nio.charset.StandardCharsets.ISO_8859_1));
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

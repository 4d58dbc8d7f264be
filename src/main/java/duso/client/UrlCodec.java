package duso.client;

/**
 * Percent-encoding as Go's net/url does it, per URL part: which bytes each part leaves alone,
 * how a path that is already validly encoded is kept as written, and the exact error texts
 * (`invalid URL escape "%zz"`, `invalid character " " in host name`) that reach scripts in
 * fetch() and websocket() errors.
 *
 * <p>Works on {@link ByteStrings}: Java strings whose chars are single bytes (0-255), the UTF-8 bytes of
 * the URL, so escapes and request lines are computed on bytes as Go does.
 */
final class UrlCodec {
    private UrlCodec() {}

    /** The URL parts, each with its own set of bytes left unescaped. */
    enum Part { PATH, HOST, USER_PASSWORD, FRAGMENT }

    /** A URL that Go's parser rejects; the message is Go's, without the `parse "…": ` prefix. */
    static final class UrlException extends Exception {
        UrlException(String message) {
            super(message, null, false, false);
        }
    }

    private static final String HEX = "0123456789ABCDEF";

    static boolean shouldEscape(int c, Part part) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return false;
        }
        if (part == Part.HOST) {
            switch (c) {
                case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '[', ']', '<', '>', '"' -> {
                    return false;
                }
                default -> { }
            }
        }
        switch (c) {
            case '-', '_', '.', '~' -> {
                return false;
            }
            case '$', '&', '+', ',', '/', ':', ';', '=', '?', '@' -> {
                return switch (part) {
                    case PATH -> c == '?';
                    case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
                    case FRAGMENT -> false;
                    case HOST -> true;
                };
            }
            default -> { }
        }
        if (part == Part.FRAGMENT && (c == '!' || c == '(' || c == ')' || c == '*')) {
            return false;
        }
        return true;
    }

    static String escape(String s, Part part) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (shouldEscape(c, part)) {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 15));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    /**
     * Whether a raw path or fragment may be used as written: every byte is either allowed in
     * that part or a percent escape (Go's validEncoded).
     */
    static boolean validEncoded(String s, Part part) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', ':', '@', '[', ']', '%' -> { }
                default -> {
                    if (shouldEscape(c, part)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /** Decodes percent escapes; in a host, also rejects bytes a host may not hold. */
    static String unescape(String s, Part part) throws UrlException {
        int percents = 0;
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                percents++;
                if (i + 2 >= s.length() || !isHex(s.charAt(i + 1)) || !isHex(s.charAt(i + 2))) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    throw new UrlException("invalid URL escape " + ByteStrings.quote(bad));
                }
                if (part == Part.HOST && hexValue(s.charAt(i + 1)) < 8 && !s.startsWith("%25", i)) {
                    throw new UrlException("invalid URL escape " + ByteStrings.quote(s.substring(i, i + 3)));
                }
                i += 3;
            } else {
                if (part == Part.HOST && c < 0x80 && shouldEscape(c, Part.HOST)) {
                    throw new UrlException("invalid character " + ByteStrings.quote(String.valueOf(c)) + " in host name");
                }
                i++;
            }
        }
        if (percents == 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            char c = s.charAt(i);
            if (c == '%') {
                b.append((char) (hexValue(s.charAt(i + 1)) << 4 | hexValue(s.charAt(i + 2))));
                i += 3;
            } else {
                b.append(c);
                i++;
            }
        }
        return b.toString();
    }

    static boolean isHex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    static int hexValue(char c) {
        if (c <= '9') {
            return c - '0';
        }
        return (c | 0x20) - 'a' + 10;
    }
}

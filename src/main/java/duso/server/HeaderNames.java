package duso.server;

/**
 * Go's canonical MIME header keys ({@code content-type} → {@code Content-Type}): request
 * headers reach scripts under these names whatever case the client (or HTTP/2's lower case)
 * used, and header names a script sets are written this way, as Go's server does. A name
 * with a character that is not a token character is left as it is, also as Go does.
 */
final class HeaderNames {
    private HeaderNames() {}

    static String canonical(String name) {
        boolean upper = true;
        boolean changed = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTokenChar(c)) {
                return name;
            }
            char want = upper ? (c >= 'a' && c <= 'z' ? (char) (c - 32) : c)
                    : (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
            if (want != c) {
                changed = true;
            }
            upper = c == '-';
        }
        if (!changed) {
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

    /** RFC 7230 token characters, which Go requires before it canonicalises. */
    static boolean isTokenChar(char c) {
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
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
}

package duso.server;

/**
 * Go's slash-separated path rules ({@code path.Clean}, {@code path.Join}, {@code path.Dir})
 * and its HTTP mux's {@code cleanPath}: handler display names are joined the way the
 * reference joins them, and a request path that is not clean ({@code /a/../b}, {@code //x},
 * a decoded {@code %2e%2e}) is redirected to its clean form before any route sees it, so no
 * route or static directory ever receives a path that climbs out of its root.
 */
final class GoPaths {
    private GoPaths() {}

    /** Lexical cleaning: collapses slashes, removes "." and resolves ".." (Go path.Clean). */
    static String clean(String p) {
        if (p.isEmpty()) {
            return ".";
        }
        boolean rooted = p.charAt(0) == '/';
        int n = p.length();
        StringBuilder out = new StringBuilder(n);
        int r = 0;
        int dotdot = 0;
        if (rooted) {
            out.append('/');
            r = 1;
            dotdot = 1;
        }
        while (r < n) {
            if (p.charAt(r) == '/') {
                r++;
            } else if (p.charAt(r) == '.' && (r + 1 == n || p.charAt(r + 1) == '/')) {
                r++;
            } else if (p.charAt(r) == '.' && p.charAt(r + 1) == '.' && (r + 2 == n || p.charAt(r + 2) == '/')) {
                r += 2;
                if (out.length() > dotdot) {
                    int w = out.length() - 1;
                    while (w > dotdot && out.charAt(w) != '/') {
                        w--;
                    }
                    out.setLength(w);
                } else if (!rooted) {
                    if (!out.isEmpty()) {
                        out.append('/');
                    }
                    out.append("..");
                    dotdot = out.length();
                }
            } else {
                if (rooted && out.length() != 1 || !rooted && !out.isEmpty()) {
                    out.append('/');
                }
                while (r < n && p.charAt(r) != '/') {
                    out.append(p.charAt(r++));
                }
            }
        }
        return out.isEmpty() ? "." : out.toString();
    }

    /** Go path.Join of two elements (empty elements are skipped). */
    static String join(String a, String b) {
        if (a.isEmpty()) {
            return b.isEmpty() ? "" : clean(b);
        }
        return b.isEmpty() ? clean(a) : clean(a + "/" + b);
    }

    /** Go path.Dir. */
    static String dir(String p) {
        int i = p.lastIndexOf('/');
        return clean(p.substring(0, i + 1));
    }

    /** True when cleanRequestPath would return the path unchanged (the common case, no allocation). */
    static boolean isCleanRequestPath(String p) {
        int n = p.length();
        if (n == 0 || p.charAt(0) != '/') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (p.charAt(i) != '/') {
                continue;
            }
            int next = i + 1;
            if (next < n && p.charAt(next) == '/') {
                return false;
            }
            if (next < n && p.charAt(next) == '.') {
                int after = next + 1;
                if (after == n || p.charAt(after) == '/') {
                    return false;
                }
                if (p.charAt(after) == '.' && (after + 1 == n || p.charAt(after + 1) == '/')) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The mux's cleanPath: rooted, cleaned, keeping a trailing slash. */
    static String cleanRequestPath(String p) {
        if (p.isEmpty()) {
            return "/";
        }
        if (p.charAt(0) != '/') {
            p = "/" + p;
        }
        String np = clean(p);
        if (p.charAt(p.length() - 1) == '/' && !np.equals("/")) {
            np = np + "/";
        }
        return np;
    }

    /** Go's PathUnescape: {@code %XX} decoded as bytes ('+' stays); null on a bad escape. */
    static String unescapePath(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        byte[] in = raw.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '%') {
                out.write(in[i]);
                continue;
            }
            if (i + 2 >= in.length) {
                return null;
            }
            int hi = Character.digit(in[i + 1], 16);
            int lo = Character.digit(in[i + 2], 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out.write(hi << 4 | lo);
            i += 2;
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Go's URL path escaping (EscapedPath of a URL built from a plain path). */
    static String escapePath(String path) {
        StringBuilder b = new StringBuilder(path.length() + 8);
        for (byte x : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-_.~$&+,/:;=@".indexOf(c) >= 0;
            if (plain) {
                b.append((char) c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }
}

package duso.client;

import duso.client.UrlCodec.Part;
import duso.client.UrlCodec.UrlException;

/**
 * A URL as Go's net/url parses, resolves and prints it. fetch() errors quote the URL the way
 * Go prints it ({@code Get "http://h/a%20b": …}), requests carry Go's request-target, and
 * redirects resolve Location headers with Go's rules, so this follows net/url rather than
 * java.net.URI (which rejects or rewrites many URLs Go accepts as written).
 *
 * <p>All parts are {@link ByteStrings} (one char per UTF-8 byte); {@link #toString}
 * turns the result back into text.
 */
final class GoUrl {
    /** user[:password] before the host. */
    record Userinfo(String username, String password, boolean hasPassword) {
        String encoded() {
            String s = UrlCodec.escape(username, Part.USER_PASSWORD);
            return hasPassword ? s + ":" + UrlCodec.escape(password, Part.USER_PASSWORD) : s;
        }
    }

    String scheme = "";
    String opaque = "";
    Userinfo user;
    String host = "";
    String path = "";
    /** The path as written, when that differs from the default escaping of {@link #path}. */
    String rawPath = "";
    boolean forceQuery;
    String rawQuery = "";
    String fragment = "";
    String rawFragment = "";

    private GoUrl() {}

    /** Go's url.Parse; errors carry Go's full text ({@code parse "…": …}). */
    static GoUrl parse(String text) throws UrlException {
        String bytes = ByteStrings.fromText(text);
        int hash = bytes.indexOf('#');
        String main = hash < 0 ? bytes : bytes.substring(0, hash);
        GoUrl u;
        try {
            u = parseMain(main);
        } catch (UrlException e) {
            throw new UrlException("parse " + ByteStrings.quote(main) + ": " + e.getMessage());
        }
        if (hash >= 0) {
            String frag = bytes.substring(hash + 1);
            try {
                u.fragment = UrlCodec.unescape(frag, Part.FRAGMENT);
            } catch (UrlException e) {
                throw new UrlException("parse " + ByteStrings.quote(bytes) + ": " + e.getMessage());
            }
            u.rawFragment = frag;
        }
        return u;
    }

    private static GoUrl parseMain(String raw) throws UrlException {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new UrlException("net/url: invalid control character in URL");
            }
        }
        GoUrl u = new GoUrl();
        if (raw.equals("*")) {
            u.path = "*";
            return u;
        }
        String rest = raw;
        int colon = schemeEnd(raw);
        if (colon == 0) {
            throw new UrlException("missing protocol scheme");
        }
        if (colon > 0) {
            u.scheme = raw.substring(0, colon).toLowerCase(java.util.Locale.ROOT);
            rest = raw.substring(colon + 1);
        }
        int q = rest.indexOf('?');
        if (q >= 0 && q == rest.length() - 1) {
            u.forceQuery = true;
            rest = rest.substring(0, q);
        } else if (q >= 0) {
            u.rawQuery = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        if (!rest.startsWith("/")) {
            if (!u.scheme.isEmpty()) {
                u.opaque = rest;
                return u;
            }
            int slash = rest.indexOf('/');
            if ((slash < 0 ? rest : rest.substring(0, slash)).indexOf(':') >= 0) {
                throw new UrlException("first path segment in URL cannot contain colon");
            }
        }
        if ((!u.scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
            String authority = rest.substring(2);
            int slash = authority.indexOf('/');
            rest = slash < 0 ? "" : authority.substring(slash);
            u.parseAuthority(slash < 0 ? authority : authority.substring(0, slash));
        }
        u.setPath(rest);
        return u;
    }

    /** Index of the scheme's colon; -1 when there is no scheme; 0 for a leading colon. */
    private static int schemeEnd(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
                continue;
            }
            if (c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.') {
                if (i == 0) {
                    return -1;
                }
                continue;
            }
            return c == ':' ? i : -1;
        }
        return -1;
    }

    private void parseAuthority(String authority) throws UrlException {
        int at = authority.lastIndexOf('@');
        host = parseHost(at < 0 ? authority : authority.substring(at + 1));
        if (at < 0) {
            return;
        }
        String info = authority.substring(0, at);
        for (int i = 0; i < info.length(); i++) {
            char c = info.charAt(i);
            boolean ok = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
            if (!ok) {
                throw new UrlException("net/url: invalid userinfo");
            }
        }
        int colon = info.indexOf(':');
        if (colon < 0) {
            user = new Userinfo(UrlCodec.unescape(info, Part.USER_PASSWORD), "", false);
        } else {
            user = new Userinfo(UrlCodec.unescape(info.substring(0, colon), Part.USER_PASSWORD),
                    UrlCodec.unescape(info.substring(colon + 1), Part.USER_PASSWORD), true);
        }
    }

    private static String parseHost(String h) throws UrlException {
        if (h.startsWith("[")) {
            int close = h.lastIndexOf(']');
            if (close < 0) {
                throw new UrlException("missing ']' in host");
            }
            String colonPort = h.substring(close + 1);
            if (!validOptionalPort(colonPort)) {
                throw new UrlException("invalid port " + ByteStrings.quote(colonPort) + " after host");
            }
        } else {
            int colon = h.lastIndexOf(':');
            if (colon >= 0 && !validOptionalPort(h.substring(colon))) {
                throw new UrlException("invalid port " + ByteStrings.quote(h.substring(colon)) + " after host");
            }
        }
        return UrlCodec.unescape(h, Part.HOST);
    }

    private static boolean validOptionalPort(String port) {
        if (port.isEmpty()) {
            return true;
        }
        if (port.charAt(0) != ':') {
            return false;
        }
        for (int i = 1; i < port.length(); i++) {
            char c = port.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private void setPath(String p) throws UrlException {
        path = UrlCodec.unescape(p, Part.PATH);
        rawPath = UrlCodec.escape(path, Part.PATH).equals(p) ? "" : p;
    }

    // ---- what requests need -------------------------------------------------------------------

    /** Go's removeEmptyPort, which http.NewRequest applies: "h:" becomes "h". */
    void dropEmptyPort() {
        if (host.lastIndexOf(':') > host.lastIndexOf(']') && host.endsWith(":")) {
            host = host.substring(0, host.length() - 1);
        }
    }

    /** The host without port and brackets. */
    String hostname() {
        String h = host;
        int colon = h.lastIndexOf(':');
        if (colon < 0 && h.indexOf('[') < 0) {
            return h;
        }
        if (colon >= 0 && validOptionalPort(h.substring(colon))) {
            h = h.substring(0, colon);
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h;
    }

    /** The explicit port, or the scheme's default (-1 when the port is out of range). */
    int port() {
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && colon > host.lastIndexOf(']') && colon + 1 < host.length()) {
            long n = 0;
            for (int i = colon + 1; i < host.length(); i++) {
                char c = host.charAt(i);
                if (c < '0' || c > '9') {
                    n = -1;
                    break;
                }
                n = Math.min(n * 10 + c - '0', Integer.MAX_VALUE);
            }
            if (n >= 0) {
                return n > 65535 ? -1 : (int) n;
            }
        }
        return scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
    }

    String escapedPath() {
        if (!rawPath.isEmpty() && UrlCodec.validEncoded(rawPath, Part.PATH)) {
            return rawPath;
        }
        if (path.equals("*")) {
            return "*";
        }
        return UrlCodec.escape(path, Part.PATH);
    }

    /** The request-target: path (or "/") and query, as Go's RequestURI. */
    String requestUri() {
        String result = opaque;
        if (result.isEmpty()) {
            result = escapedPath();
            if (result.isEmpty()) {
                result = "/";
            }
        } else if (result.startsWith("//")) {
            result = scheme + ":" + result;
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            result += "?" + rawQuery;
        }
        return result;
    }

    /**
     * Go's ResolveReference of a Location header against this URL (the redirect target).
     */
    GoUrl resolve(String location) throws UrlException {
        GoUrl ref = parse(location);
        GoUrl u = ref.copy();
        if (ref.scheme.isEmpty()) {
            u.scheme = scheme;
        }
        if (!ref.scheme.isEmpty() || !ref.host.isEmpty() || ref.user != null) {
            u.setPath(resolvePath(ref.escapedPath(), ""));
            return u;
        }
        if (!ref.opaque.isEmpty()) {
            u.user = null;
            u.host = "";
            u.path = "";
            return u;
        }
        if (ref.path.isEmpty() && !ref.forceQuery && ref.rawQuery.isEmpty()) {
            u.rawQuery = rawQuery;
            if (ref.fragment.isEmpty()) {
                u.fragment = fragment;
                u.rawFragment = rawFragment;
            }
        }
        u.host = host;
        u.user = user;
        u.setPath(resolvePath(escapedPath(), ref.escapedPath()));
        return u;
    }

    /**
     * Joins a reference path to a base path and removes dot segments (RFC 3986 §5.2), keeping a
     * trailing slash when the last segment was "." or "..", as Go's resolvePath.
     */
    static String resolvePath(String base, String ref) {
        String full;
        if (ref.isEmpty()) {
            full = base;
        } else if (ref.charAt(0) != '/') {
            full = base.substring(0, base.lastIndexOf('/') + 1) + ref;
        } else {
            full = ref;
        }
        if (full.isEmpty()) {
            return "";
        }
        java.util.ArrayList<String> kept = new java.util.ArrayList<>();
        String[] segments = full.split("/", -1);
        int start = full.startsWith("/") ? 1 : 0;
        for (int i = start; i < segments.length; i++) {
            String seg = segments[i];
            if (seg.equals(".")) {
                continue;
            }
            if (seg.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.remove(kept.size() - 1);
                }
                continue;
            }
            kept.add(seg);
        }
        String last = segments[segments.length - 1];
        StringBuilder b = new StringBuilder(full.length() + 1).append('/').append(String.join("/", kept));
        if (last.equals(".") || last.equals("..")) {
            b.append('/');
        }
        return b.length() > 1 && b.charAt(1) == '/' ? b.substring(1) : b.toString();
    }

    private GoUrl copy() {
        GoUrl c = new GoUrl();
        c.scheme = scheme;
        c.opaque = opaque;
        c.user = user;
        c.host = host;
        c.path = path;
        c.rawPath = rawPath;
        c.forceQuery = forceQuery;
        c.rawQuery = rawQuery;
        c.fragment = fragment;
        c.rawFragment = rawFragment;
        return c;
    }

    /** Go's URL.String() as text, with the password shown as "***" (errors never show it). */
    String redacted() {
        return text(true);
    }

    @Override
    public String toString() {
        return text(false);
    }

    private String text(boolean hidePassword) {
        StringBuilder b = new StringBuilder(64);
        if (!scheme.isEmpty()) {
            b.append(scheme).append(':');
        }
        if (!opaque.isEmpty()) {
            b.append(opaque);
        } else {
            if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
                if (!host.isEmpty() || !path.isEmpty() || user != null) {
                    b.append("//");
                }
                if (user != null && hidePassword && user.hasPassword()) {
                    b.append(UrlCodec.escape(user.username(), Part.USER_PASSWORD)).append(":***@");
                } else if (user != null) {
                    b.append(user.encoded()).append('@');
                }
                b.append(UrlCodec.escape(host, Part.HOST));
            }
            String p = escapedPath();
            if (!p.isEmpty() && p.charAt(0) != '/' && !host.isEmpty()) {
                b.append('/');
            }
            if (b.isEmpty()) {
                int slash = p.indexOf('/');
                if ((slash < 0 ? p : p.substring(0, slash)).indexOf(':') >= 0) {
                    b.append("./");
                }
            }
            b.append(p);
        }
        if (forceQuery || !rawQuery.isEmpty()) {
            b.append('?').append(rawQuery);
        }
        if (!fragment.isEmpty()) {
            b.append('#').append(escapedFragment());
        }
        return ByteStrings.toText(b.toString());
    }

    private String escapedFragment() {
        if (!rawFragment.isEmpty() && UrlCodec.validEncoded(rawFragment, Part.FRAGMENT)) {
            return rawFragment;
        }
        return UrlCodec.escape(fragment, Part.FRAGMENT);
    }
}

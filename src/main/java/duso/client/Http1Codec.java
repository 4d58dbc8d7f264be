package duso.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * HTTP/1.1 on the wire, as Go's client writes and reads it: the request head in Go's header
 * order, then the response's status line, headers (canonical names, folded lines) and body
 * framing (Content-Length, chunked, or until close), with net/http's error texts.
 */
final class Http1Codec {
    private Http1Codec() {}

    /** Go's client refuses response heads larger than this (10 MiB). */
    static final int MAX_HEAD = 10 << 20;

    /** A response as read: the body is raw (not yet gzip-decoded). */
    record Response(int status, String proto, HeaderList headers, byte[] body, boolean reusable) {}

    // ---- request ----------------------------------------------------------------------------

    /**
     * The request head: request line, Host, User-Agent, Content-Length, the other headers sorted
     * by name, then {@code Accept-Encoding: gzip} when the transport asks for compression.
     */
    static byte[] head(OutgoingRequest r, boolean addGzip) {
        StringBuilder b = new StringBuilder(256);
        b.append(r.method).append(' ').append(requestTarget(r.url)).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(r.hostHeader()).append("\r\n");
        String agent = r.headers.get("User-Agent");
        if (agent == null) {
            agent = OutgoingRequest.USER_AGENT;
        }
        if (!agent.isEmpty()) {
            b.append("User-Agent: ").append(GoUrl.toBytes(agent)).append("\r\n");
        }
        long length = r.sendsContentLength();
        if (length >= 0) {
            b.append("Content-Length: ").append(length).append("\r\n");
        }
        for (Map.Entry<String, String> h : r.headers.entrySet()) {
            String name = h.getKey();
            if (name.equals("Host") || name.equals("User-Agent") || name.equals("Content-Length")
                    || name.equals("Transfer-Encoding") || name.equals("Trailer")) {
                continue;
            }
            b.append(GoUrl.toBytes(name)).append(": ").append(GoUrl.toBytes(HeaderNames.trim(h.getValue()))).append("\r\n");
        }
        if (addGzip) {
            b.append("Accept-Encoding: gzip\r\n");
        }
        b.append("\r\n");
        return b.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Go's RequestURI, with spaces escaped so the request line stays three fields. */
    private static String requestTarget(GoUrl url) {
        String t = url.requestUri();
        return t.indexOf(' ') < 0 ? t : t.replace(" ", "%20");
    }

    // ---- response ---------------------------------------------------------------------------

    /**
     * Reads one final response (1xx interim responses are skipped). Failures before the head is
     * complete are head failures; later ones are body failures.
     */
    static Response read(Http1Connection c, OutgoingRequest req, CallControl ctl) throws FetchFailure {
        c.beginRead();
        try {
            while (true) {
                String statusLine = line(c, ctl, true);
                int sp = statusLine.indexOf(' ');
                if (sp < 0) {
                    throw new FetchFailure("malformed HTTP response " + GoUrl.quoteBytes(statusLine));
                }
                String proto = statusLine.substring(0, sp);
                String rest = statusLine.substring(sp + 1).stripLeading();
                int sp2 = rest.indexOf(' ');
                String code = sp2 < 0 ? rest : rest.substring(0, sp2);
                int status = parseStatus(code);
                int minor = httpMinorVersion(proto);
                HeaderList headers = headers(c, ctl);
                if (status >= 100 && status < 200 && status != 101) {
                    continue;
                }
                return body(c, req, ctl, status, proto, minor, headers);
            }
        } finally {
            if (c.pos == c.lim) {
                c.endRead();
            }
        }
    }

    private static int parseStatus(String code) throws FetchFailure {
        if (code.length() != 3) {
            throw new FetchFailure("malformed HTTP status code " + GoUrl.quoteBytes(code));
        }
        int n = 0;
        for (int i = 0; i < 3; i++) {
            char ch = code.charAt(i);
            if (ch < '0' || ch > '9') {
                throw new FetchFailure("malformed HTTP status code " + GoUrl.quoteBytes(code));
            }
            n = n * 10 + ch - '0';
        }
        return n;
    }

    /** The minor version of HTTP/1.x (0 or 1); any other well-formed version counts as 1. */
    private static int httpMinorVersion(String proto) throws FetchFailure {
        if (proto.equals("HTTP/1.1")) {
            return 1;
        }
        if (proto.equals("HTTP/1.0")) {
            return 0;
        }
        if (proto.length() == 8 && proto.startsWith("HTTP/") && Character.isDigit(proto.charAt(5))
                && proto.charAt(6) == '.' && Character.isDigit(proto.charAt(7))) {
            return proto.charAt(5) == '0' ? 0 : 1;
        }
        throw new FetchFailure("malformed HTTP version " + GoUrl.quoteBytes(proto));
    }

    /** Header lines up to the blank line; continuation lines fold into the previous value. */
    private static HeaderList headers(Http1Connection c, CallControl ctl) throws FetchFailure {
        HeaderList h = new HeaderList();
        String lastName = null;
        StringBuilder folded = null;
        while (true) {
            String line = line(c, ctl, false);
            if (line.isEmpty()) {
                break;
            }
            char first = line.charAt(0);
            if ((first == ' ' || first == '\t') && lastName != null) {
                if (folded == null) {
                    folded = new StringBuilder(h.first(lastName));
                }
                folded.append(' ').append(HeaderNames.trim(line));
                continue;
            }
            if (folded != null) {
                replaceLast(h, lastName, folded.toString());
                folded = null;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new FetchFailure("malformed MIME header line: " + GoUrl.fromBytes(line));
            }
            String rawName = line.substring(0, colon);
            String name = rawName.indexOf(' ') >= 0 ? rawName : HeaderNames.canonical(rawName);
            if (!receivedNameValid(rawName)) {
                throw new FetchFailure("malformed MIME header line: " + GoUrl.fromBytes(line));
            }
            h.add(name, GoUrl.fromBytes(HeaderNames.trim(line.substring(colon + 1))));
            lastName = name;
        }
        if (folded != null) {
            replaceLast(h, lastName, folded.toString());
        }
        return h;
    }

    /** Token characters, plus the spaces Go tolerates (and then leaves uncanonicalised). */
    private static boolean receivedNameValid(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch != ' ' && !HeaderNames.isTokenChar(ch)) {
                return false;
            }
        }
        return true;
    }

    private static void replaceLast(HeaderList h, String name, String value) {
        java.util.List<String> values = h.all(name);
        h.remove(name);
        for (int i = 0; i < values.size() - 1; i++) {
            h.add(name, values.get(i));
        }
        h.add(name, value);
    }

    /** One line of the head; end of stream is Go's EOF before any byte, else unexpected EOF. */
    private static String line(Http1Connection c, CallControl ctl, boolean statusLine) throws FetchFailure {
        String line = c.readLine(ctl, MAX_HEAD, "net/http: server response headers exceeded " + MAX_HEAD + " bytes; aborted");
        if (line == null) {
            throw new FetchFailure(statusLine && !c.hasBuffered() ? "EOF" : "unexpected EOF");
        }
        return line;
    }

    // ---- body -------------------------------------------------------------------------------

    private static Response body(Http1Connection c, OutgoingRequest req, CallControl ctl, int status, String proto,
            int minor, HeaderList headers) throws FetchFailure {
        boolean keepAlive = minor >= 1 ? !headers.hasToken("Connection", "close")
                : headers.hasToken("Connection", "keep-alive");
        keepAlive &= !req.wantsClose();
        boolean noBody = req.method.equals("HEAD") || status == 204 || status == 304 || status >= 100 && status < 200;
        String te = headers.first("Transfer-Encoding");
        boolean chunked = false;
        if (te != null) {
            if (!te.equalsIgnoreCase("chunked") || headers.all("Transfer-Encoding").size() > 1) {
                throw new FetchFailure("unsupported transfer encoding: " + GoUrl.quoteBytes(GoUrl.toBytes(te)));
            }
            headers.remove("Transfer-Encoding");
            chunked = true;
        }
        long length = -1;
        if (chunked) {
            headers.remove("Content-Length");
        } else {
            length = contentLength(headers);
        }
        if (noBody) {
            return new Response(status, proto, headers, new byte[0], keepAlive);
        }
        try {
            if (chunked) {
                return new Response(status, proto, headers, ChunkedBody.read(c, ctl), keepAlive);
            }
            if (length >= 0) {
                return new Response(status, proto, headers, fixed(c, ctl, length), keepAlive);
            }
            return new Response(status, proto, headers, untilClose(c, ctl), false);
        } catch (FetchFailure f) {
            throw f.inBody();
        }
    }

    private static long contentLength(HeaderList headers) throws FetchFailure {
        java.util.List<String> values = headers.all("Content-Length");
        if (values.isEmpty()) {
            return -1;
        }
        String first = values.get(0).trim();
        for (String v : values) {
            if (!v.trim().equals(first)) {
                throw new FetchFailure("http: message cannot contain multiple Content-Length headers; got "
                        + GoUrl.quoteBytes(GoUrl.toBytes(String.join(", ", values))));
            }
        }
        try {
            long n = Long.parseLong(first);
            if (n >= 0 && !first.startsWith("+")) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FetchFailure("bad Content-Length " + GoUrl.quoteBytes(GoUrl.toBytes(first)));
    }

    private static byte[] fixed(Http1Connection c, CallControl ctl, long length) throws FetchFailure {
        if (length > Integer.MAX_VALUE - 16) {
            throw new FetchFailure("http: response body too large");
        }
        byte[] body = new byte[(int) length];
        int have = Math.min(c.lim - c.pos, body.length);
        System.arraycopy(c.buf, c.pos, body, 0, have);
        c.pos += have;
        while (have < body.length) {
            int n = c.read(body, have, body.length - have, ctl);
            if (n < 0) {
                throw new FetchFailure("unexpected EOF");
            }
            have += n;
        }
        return body;
    }

    private static byte[] untilClose(Http1Connection c, CallControl ctl) throws FetchFailure {
        ChunkedBody.Bytes out = new ChunkedBody.Bytes(Math.max(256, c.lim - c.pos));
        out.append(c.buf, c.pos, c.lim - c.pos);
        c.pos = c.lim;
        byte[] chunk = new byte[8192];
        while (true) {
            int n = c.read(chunk, 0, chunk.length, ctl);
            if (n < 0) {
                return out.toArray();
            }
            out.append(chunk, 0, n);
        }
    }
}

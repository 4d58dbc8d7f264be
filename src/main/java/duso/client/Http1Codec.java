package duso.client;

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
     * The request head: request line (with an absolute URL for a proxy), Host, User-Agent,
     * Content-Length, the other headers sorted by name, then Go's extra headers:
     * {@code Accept-Encoding: gzip} when the transport asks for compression and the proxy's
     * credentials.
     */
    static byte[] head(OutgoingRequest r, boolean addGzip, GoUrl proxy) {
        HeadBytes b = new HeadBytes();
        b.add(r.method).add(' ');
        if (proxy != null && r.url.opaque.isEmpty()) {
            b.add(r.url.scheme).add("://").add(r.hostHeader());
        }
        b.add(requestTarget(r.url)).add(" HTTP/1.1\r\n");
        b.add("Host: ").add(r.hostHeader()).add("\r\n");
        String agent = r.headers.get("User-Agent");
        if (agent == null) {
            agent = OutgoingRequest.USER_AGENT;
        }
        if (!agent.isEmpty()) {
            b.add("User-Agent: ").add(ByteStrings.fromText(agent)).add("\r\n");
        }
        long length = r.sendsContentLength();
        if (length >= 0) {
            b.add("Content-Length: ").add(Long.toString(length)).add("\r\n");
        }
        for (Map.Entry<String, String> h : r.headers.entrySet()) {
            String name = h.getKey();
            if (name.equals("Host") || name.equals("User-Agent") || name.equals("Content-Length")
                    || name.equals("Transfer-Encoding") || name.equals("Trailer")) {
                continue;
            }
            b.add(ByteStrings.fromText(name)).add(": ").add(ByteStrings.fromText(HeaderNames.trim(h.getValue()))).add("\r\n");
        }
        if (addGzip) {
            b.add("Accept-Encoding: gzip\r\n");
        }
        if (proxy != null && proxy.user != null) {
            b.add("Proxy-Authorization: ").add(HttpEngine.basicAuth(proxy.user)).add("\r\n");
        }
        return b.add("\r\n").toArray();
    }

    /** A request head under construction: byte strings appended as bytes, no intermediate text. */
    private static final class HeadBytes {
        private byte[] bytes = new byte[256];
        private int size;

        HeadBytes add(String byteString) {
            int n = byteString.length();
            if (size + n > bytes.length) {
                bytes = java.util.Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
            }
            for (int i = 0; i < n; i++) {
                bytes[size + i] = (byte) byteString.charAt(i);
            }
            size += n;
            return this;
        }

        HeadBytes add(char c) {
            return add(String.valueOf(c));
        }

        byte[] toArray() {
            return java.util.Arrays.copyOf(bytes, size);
        }
    }

    /** Go's RequestURI, with spaces escaped so the request line stays three fields. */
    private static String requestTarget(GoUrl url) {
        String t = url.requestUri();
        return t.indexOf(' ') < 0 ? t : t.replace(" ", "%20");
    }

    // ---- response ---------------------------------------------------------------------------

    /**
     * Reads one final response (1xx interim responses are skipped); the connection has the
     * response's first byte buffered. Failures before the head is complete are head failures,
     * later ones body failures.
     */
    static Response read(Http1Connection c, OutgoingRequest req, CallControl ctl) throws FetchFailure {
        while (true) {
            ResponseHead head = ResponseHead.read(c, ctl);
            int status = head.status();
            if (status < 100 || status >= 200 || status == 101) {
                return body(c, req, ctl, head);
            }
        }
    }

    // ---- body -------------------------------------------------------------------------------

    private static Response body(Http1Connection c, OutgoingRequest req, CallControl ctl, ResponseHead head)
            throws FetchFailure {
        int status = head.status();
        String proto = head.proto();
        HeaderList headers = head.headers();
        boolean keepAlive = head.minorVersion() >= 1 ? !headers.hasToken("Connection", "close")
                : headers.hasToken("Connection", "keep-alive");
        keepAlive &= !req.wantsClose();
        boolean noBody = req.method.equals("HEAD") || status == 204 || status == 304 || status >= 100 && status < 200;
        String te = headers.first("Transfer-Encoding");
        boolean chunked = false;
        if (te != null) {
            if (!te.equalsIgnoreCase("chunked") || headers.count("Transfer-Encoding") > 1) {
                throw new FetchFailure("unsupported transfer encoding: " + ByteStrings.quote(ByteStrings.fromText(te)));
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

    /** The body length; identical repeated Content-Length headers collapse into one, as in Go. */
    private static long contentLength(HeaderList headers) throws FetchFailure {
        String first = headers.first("Content-Length");
        if (first == null) {
            return -1;
        }
        first = first.trim();
        if (headers.count("Content-Length") > 1) {
            java.util.List<String> values = headers.all("Content-Length");
            for (String v : values) {
                if (!v.trim().equals(first)) {
                    throw new FetchFailure("http: message cannot contain multiple Content-Length headers; got "
                            + ByteStrings.quote(ByteStrings.fromText(String.join(", ", values))));
                }
            }
            headers.remove("Content-Length");
            headers.add("Content-Length", first);
        }
        try {
            long n = Long.parseLong(first);
            if (n >= 0 && !first.startsWith("+")) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FetchFailure("bad Content-Length " + ByteStrings.quote(ByteStrings.fromText(first)));
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

package duso.client;

import java.util.TreeMap;

/**
 * One request hop of a fetch: method, URL, headers and body. Headers are Go's http.Header as
 * fetch() fills it (Set semantics: one value per canonical name), kept sorted because Go
 * writes them in name order.
 */
final class OutgoingRequest {
    /** Go's default User-Agent for HTTP/1.1 requests. */
    static final String USER_AGENT = "Go-http-client/1.1";

    final String method;
    final GoUrl url;
    final TreeMap<String, String> headers;
    /** The body; null when the request has none (Go's nil Body), empty for an empty one. */
    final byte[] body;

    OutgoingRequest(String method, GoUrl url, TreeMap<String, String> headers, byte[] body) {
        this.method = method;
        this.url = url;
        this.headers = headers;
        this.body = body;
    }

    /** The Host header: the URL's host, IDNA-encoded when it is not ASCII. */
    String hostHeader() {
        String host = url.host;
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) >= 0x80) {
                String name = ByteStrings.toText(url.hostname());
                String ascii = java.net.IDN.toASCII(name, java.net.IDN.ALLOW_UNASSIGNED);
                return host.replace(url.hostname(), ascii);
            }
        }
        return host;
    }

    /** The Content-Length Go sends: the body's length, 0 for POST/PUT/PATCH without one, or -1. */
    long sendsContentLength() {
        if (body != null && body.length > 0) {
            return body.length;
        }
        if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            return 0;
        }
        return -1;
    }

    /**
     * Whether the transport asks for gzip itself (and so decodes it): not when the script set
     * Accept-Encoding or Range, nor for HEAD.
     */
    boolean transportGzip() {
        return !headers.containsKey("Accept-Encoding") && !headers.containsKey("Range") && !method.equals("HEAD");
    }

    /** A Connection: close request header means the connection is not kept. */
    boolean wantsClose() {
        String c = headers.get("Connection");
        if (c == null) {
            return false;
        }
        for (String token : c.split(",")) {
            if (token.trim().equalsIgnoreCase("close")) {
                return true;
            }
        }
        return false;
    }

    /** Safe to send again after a connection failed mid-exchange (Go's isReplayable). */
    boolean replayable() {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE" -> true;
            default -> headers.containsKey("Idempotency-Key") || headers.containsKey("X-Idempotency-Key");
        };
    }
}

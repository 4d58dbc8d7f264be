package duso.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * An HTTP request as handler scripts see it, independent of the HTTP stack that received
 * it: the decoded, cleaned path, Go-canonical header names (Host kept apart, as Go keeps it
 * out of the header map) and the body, read in full before the handler runs so that size
 * limits are enforced first. Headers, host and peer address are only worked out when asked
 * for (most handlers never look), and form parsing happens at most once.
 */
final class IncomingRequest {
    final String method;
    final String path;
    final String rawQuery;
    final String proto;
    final byte[] body;
    private final Supplier<Map<String, List<String>>> headerSource;
    private final Supplier<String> hostSource;
    private final Supplier<String> remoteSource;
    private Map<String, List<String>> headers;
    private String host;
    private String remoteIp;
    private String bodyText;
    private RequestForms forms;

    IncomingRequest(String method, String path, String rawQuery, String proto, byte[] body,
            Supplier<Map<String, List<String>>> headers, Supplier<String> host, Supplier<String> remoteIp) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.proto = proto;
        this.body = body == null ? new byte[0] : body;
        this.headerSource = headers;
        this.hostSource = host;
        this.remoteSource = remoteIp;
    }

    synchronized Map<String, List<String>> headers() {
        if (headers == null) {
            headers = headerSource.get();
        }
        return headers;
    }

    synchronized String host() {
        if (host == null) {
            host = hostSource.get();
        }
        return host;
    }

    synchronized String remoteIp() {
        if (remoteIp == null) {
            remoteIp = remoteSource.get();
        }
        return remoteIp;
    }

    /** The first value of a header (canonical name), or "". */
    String header(String name) {
        List<String> v = headers().get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** The parsed query, form and uploads (computed once). */
    synchronized RequestForms forms(int maxParts) {
        if (forms == null) {
            forms = RequestForms.parse(this, maxParts);
        }
        return forms;
    }

    /**
     * The body as scripts read it: empty when form parsing consumed it (urlencoded bodies of
     * POST/PUT/PATCH and multipart bodies), as with Go's ParseForm.
     */
    synchronized String bodyText() {
        if (bodyText == null) {
            boolean consumed = forms != null && forms.consumedBody();
            bodyText = consumed ? "" : new String(body, StandardCharsets.UTF_8);
        }
        return bodyText;
    }
}

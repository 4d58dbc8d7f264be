package duso.server;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * An HTTP request as handler scripts see it, independent of the HTTP stack that received
 * it: the decoded, cleaned path, Go-canonical header names (Host kept apart, as Go keeps it
 * out of the header map) and the body, read in full before the handler runs so that size
 * limits are enforced first. Form parsing happens at most once, on first use.
 */
final class IncomingRequest {
    final String method;
    final String path;
    final String rawQuery;
    final String requestUri;
    final String proto;
    final String host;
    final String remoteIp;
    final Map<String, List<String>> headers;
    final byte[] body;
    private String bodyText;
    private RequestForms forms;

    IncomingRequest(String method, String path, String rawQuery, String requestUri, String proto, String host,
            String remoteIp, Map<String, List<String>> headers, byte[] body) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.requestUri = requestUri;
        this.proto = proto;
        this.host = host;
        this.remoteIp = remoteIp;
        this.headers = headers;
        this.body = body == null ? new byte[0] : body;
    }

    /** The first value of a header (canonical name), or "". */
    String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    /** The parsed query, form and uploads (computed once). */
    synchronized RequestForms forms(int uploadLimitParts) {
        if (forms == null) {
            forms = RequestForms.parse(this, uploadLimitParts);
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

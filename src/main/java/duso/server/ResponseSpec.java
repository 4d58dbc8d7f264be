package duso.server;

import duso.runtime.GoHeaderNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A response decided but not yet written: status, headers under Go-canonical names (a set
 * replaces, an add appends), and a body held in memory or a file streamed from disk. The
 * HTTP layer writes it, adding what Go's server adds (sniffed Content-Type, gzip).
 */
final class ResponseSpec {
    int status;
    final Map<String, List<String>> headers = new LinkedHashMap<>();
    byte[] body = EMPTY;
    Path file;
    long fileSize;
    /** Bytes logged when the reference logs a fixed figure (413 and 503 log 0). */
    long loggedBytes = -1;
    /** False for the CORS preflight answer, which the reference does not log. */
    boolean accessLogged = true;

    static final byte[] EMPTY = new byte[0];

    ResponseSpec(int status) {
        this.status = status;
    }

    /**
     * Go's {@code Header().Set}: the name is canonicalised; CR and LF in the value become
     * spaces; a name that is not a valid field name is dropped, as Go drops it when writing.
     */
    ResponseSpec set(String name, String value) {
        if (GoHeaderNames.isToken(name)) {
            List<String> one = new ArrayList<>(1);
            one.add(clean(value));
            headers.put(GoHeaderNames.canonical(name), one);
        }
        return this;
    }

    ResponseSpec add(String name, String value) {
        if (GoHeaderNames.isToken(name)) {
            headers.computeIfAbsent(GoHeaderNames.canonical(name), k -> new ArrayList<>(1)).add(clean(value));
        }
        return this;
    }

    void remove(String name) {
        headers.remove(GoHeaderNames.canonical(name));
    }

    String header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    ResponseSpec body(String text) {
        body = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    long bodyLength() {
        return file != null ? fileSize : body.length;
    }

    /** Go's {@code http.Error}: plain text, nosniff, the message and a newline. */
    static ResponseSpec goError(int status, String message) {
        return new ResponseSpec(status).set("Content-Type", "text/plain; charset=utf-8")
                .set("X-Content-Type-Options", "nosniff").body(message + "\n");
    }

    /** Go's {@code http.NotFound}. */
    static ResponseSpec notFound() {
        return goError(404, "404 page not found");
    }

    private static String clean(String v) {
        if (v.indexOf('\r') < 0 && v.indexOf('\n') < 0) {
            return v;
        }
        return v.replace('\r', ' ').replace('\n', ' ');
    }
}

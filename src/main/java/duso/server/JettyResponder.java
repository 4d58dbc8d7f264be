package duso.server;

import duso.runtime.ByteText;
import duso.runtime.Console;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Writes one request's response exactly once (a handler timeout and the handler itself may
 * both try) the way Go's server writes it: CORS headers first so the response's own headers
 * win, gzip when the client accepts it and the body is at least 1 KiB, a sniffed
 * Content-Type when none was set and the body is not compressed, Date and Content-Length,
 * no body for HEAD, 1xx, 204 and 304; then the access-log line.
 */
final class JettyResponder implements HandlerRunner.Responder {
    static final int GZIP_MIN = 1024;
    private static final ByteBuffer NO_CONTENT = ByteBuffer.allocate(0);

    private final Request request;
    private final Response response;
    private final Callback callback;
    private final Console console;
    private final boolean accessLog;
    private final AtomicBoolean answered = new AtomicBoolean();
    private Map<String, String> extraHeaders;
    private String remoteIp;
    private boolean gzip;

    JettyResponder(Request request, Response response, Callback callback, Console console, boolean accessLog) {
        this.request = request;
        this.response = response;
        this.callback = callback;
        this.console = console;
        this.accessLog = accessLog;
    }

    /** The peer's IP as Go prints it (worked out once, when the log or a script asks). */
    synchronized String remoteIp() {
        if (remoteIp == null) {
            remoteIp = JettyHandler.remoteIp(request);
        }
        return remoteIp;
    }

    /** Headers set before the response's own (CORS), which the response may override. */
    Map<String, String> extraHeaders() {
        if (extraHeaders == null) {
            extraHeaders = new LinkedHashMap<>();
        }
        return extraHeaders;
    }

    void gzip(boolean accepted) {
        gzip = accepted;
    }

    @Override
    public boolean respond(ResponseSpec spec) {
        if (!answered.compareAndSet(false, true)) {
            return false;
        }
        long bytes;
        try {
            bytes = write(spec);
        } catch (IOException | RuntimeException e) {
            callback.failed(e);
            return true;
        }
        if (spec.accessLogged) {
            log(spec.status, spec.loggedBytes >= 0 ? spec.loggedBytes : bytes);
        }
        return true;
    }

    /** The access-log line of a WebSocket connection, written when its handler ends. */
    void logWebSocket() {
        log(101, 0);
    }

    private long write(ResponseSpec spec) throws IOException {
        int status = spec.status;
        if (status < 100 || status > 999) {
            throw new IOException("invalid WriteHeader code " + status);
        }
        HttpFields.Mutable h = response.getHeaders();
        boolean fresh = extraHeaders == null;
        if (!fresh) {
            extraHeaders.forEach(h::put);
        }
        for (Map.Entry<String, List<String>> e : spec.headers.entrySet()) {
            String name = e.getKey();
            if (name.equals("Content-Length") || name.equals("Transfer-Encoding")) {
                continue;
            }
            List<String> values = e.getValue();
            int first = 0;
            // Jetty writes header values byte per char; a script's text leaves as its UTF-8 bytes.
            if (name.equals("Date") && !values.isEmpty()) {
                // Jetty puts its own Date, which cannot be removed, in every response before the
                // handler runs; a handler's Date replaces it (Go adds one only when none is set).
                h.put(name, ByteText.toBytes(values.get(0)));
                first = 1;
            } else if (!fresh) {
                h.remove(name);
            }
            for (int i = first; i < values.size(); i++) {
                h.add(name, ByteText.toBytes(values.get(i)));
            }
        }
        response.setStatus(status);
        boolean bodyAllowed = !(status < 200 || status == 204 || status == 304);
        boolean head = request.getMethod().equals("HEAD");
        long length = spec.bodyLength();
        if (!bodyAllowed || length == 0) {
            if (bodyAllowed) {
                h.add("Content-Length", "0");
            }
            response.write(true, NO_CONTENT, callback);
            return 0;
        }
        boolean compress = gzip && length >= GZIP_MIN;
        if (!compress && !spec.headers.containsKey("Content-Type") && !spec.headers.containsKey("Content-Encoding")
                && (fresh || !h.contains("Content-Type") && !h.contains("Content-Encoding"))) {
            h.put("Content-Type", ContentSniffer.detect(firstBytes(spec), (int) Math.min(length, 512)));
        }
        if (compress) {
            h.put("Content-Encoding", "gzip");
        }
        if (spec.file == null || !compress) {
            byte[] data = spec.file == null ? spec.body : null;
            if (data != null && compress) {
                data = gzipped(data);
            }
            long n = data != null ? data.length : length;
            h.add("Content-Length", Long.toString(n));
            if (head) {
                response.write(true, NO_CONTENT, callback);
            } else if (data != null) {
                response.write(true, ByteBuffer.wrap(data), callback);
            } else {
                stream(spec, false);
            }
            return n;
        }
        if (head) {
            response.write(true, NO_CONTENT, callback);
            return length;
        }
        return stream(spec, true);
    }

    /** Streams a file body on this (virtual) thread; returns the bytes sent. */
    private long stream(ResponseSpec spec, boolean compress) throws IOException {
        CountingStream counted = new CountingStream(Content.Sink.asOutputStream(response));
        try (InputStream in = Files.newInputStream(spec.file)) {
            OutputStream out = compress ? new GZIPOutputStream(counted, 8192) : counted;
            in.transferTo(out);
            out.close();
        }
        callback.succeeded();
        return counted.count;
    }

    private static byte[] firstBytes(ResponseSpec spec) throws IOException {
        if (spec.file == null) {
            return spec.body;
        }
        try (InputStream in = Files.newInputStream(spec.file)) {
            return in.readNBytes(512);
        }
    }

    private static byte[] gzipped(byte[] data) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(data.length / 3 + 32);
        try (GZIPOutputStream z = new GZIPOutputStream(buf, 8192)) {
            z.write(data);
        }
        return buf.toByteArray();
    }

    private void log(int status, long bytes) {
        if (!accessLog) {
            return;
        }
        String uri = request.getHttpURI().getPathQuery();
        HttpFields fields = request.getHeaders();
        String line = AccessLog.line(remoteIp(), request.getMethod(), uri == null ? "/" : uri,
                request.getConnectionMetaData().getHttpVersion().asString(), status, bytes,
                fields.get("Referer"), fields.get("User-Agent"), ZonedDateTime.now());
        console.err(line);
    }

    /** A response written before any route runs (Go's server or mux answering); not logged. */
    static void plain(Response response, Callback callback, int status, String body) {
        response.setStatus(status);
        response.getHeaders().put("Content-Type", "text/plain; charset=utf-8");
        response.getHeaders().put("Connection", "close");
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put("Content-Length", Integer.toString(b.length));
        response.write(true, ByteBuffer.wrap(b), callback);
    }

    /** Go's mux redirect of an unclean path to its clean form (301; a short HTML body for GET). */
    static void redirect(Request request, Response response, Callback callback, String cleanPath, String query) {
        String url = GoPaths.escapePath(cleanPath) + (query == null ? "" : "?" + query);
        response.setStatus(301);
        response.getHeaders().put("Location", url);
        String method = request.getMethod();
        if (method.equals("GET") || method.equals("HEAD")) {
            response.getHeaders().put("Content-Type", "text/html; charset=utf-8");
        }
        if (!method.equals("GET")) {
            response.getHeaders().put("Content-Length", "0");
            response.write(true, NO_CONTENT, callback);
            return;
        }
        String escaped = url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&#34;").replace("'", "&#39;");
        byte[] b = ("<a href=\"" + escaped + "\">Moved Permanently</a>.\n\n").getBytes(StandardCharsets.UTF_8);
        response.getHeaders().put("Content-Length", Integer.toString(b.length));
        response.write(true, ByteBuffer.wrap(b), callback);
    }

    /** Counts the bytes that reach the wire, for the access log. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

package duso.server;

import duso.lang.values.DusoObject;
import duso.runtime.ByteText;
import duso.runtime.DusoRuntime;
import duso.runtime.GoHeaderNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * Every request of one http_server, in the reference's order: unclean paths are redirected
 * (as Go's mux does), then the body, header-count and form-field limits, CORS (OPTIONS ends
 * with 204), the JWT requirement, routing, and finally a WebSocket upgrade, a static file or
 * a handler script. A blocking handler, so Jetty runs each request on a virtual thread and
 * the handler script may block freely.
 */
final class JettyHandler extends Handler.Abstract {
    private final ScriptServer server;
    private final ServerConfig cfg;
    private final DusoRuntime runtime;
    private final HandlerRunner runner;
    private final ServerWebSocketContainer webSockets;
    private final AtomicInteger wsCount = new AtomicInteger();
    /** Told of every request's start and end when the launcher asked for idle collections, else null. */
    private final IdleCollector idle;

    JettyHandler(ScriptServer server, HandlerRunner runner, ServerWebSocketContainer webSockets, IdleCollector idle) {
        this.server = server;
        this.cfg = server.config();
        this.runtime = server.runtime();
        this.runner = runner;
        this.webSockets = webSockets;
        this.idle = idle;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (idle == null) {
            return serve(request, response, callback);
        }
        idle.requestStarted();
        try {
            return serve(request, response, callback);
        } finally {
            idle.requestEnded();
        }
    }

    /** Everything a request gets, on the request's own (virtual) thread until it is answered. */
    private boolean serve(Request request, Response response, Callback callback) {
        HttpURI uri = request.getHttpURI();
        String rawPath = uri.getPath() == null ? "/" : uri.getPath();
        String decoded = GoPaths.unescapePath(rawPath);
        if (decoded == null) {
            JettyResponder.plain(response, callback, 400, "400 Bad Request");
            return true;
        }
        String clean = GoPaths.isCleanRequestPath(decoded) ? decoded : GoPaths.cleanRequestPath(decoded);
        if (!clean.equals(decoded) && !request.getMethod().equals("CONNECT")) {
            JettyResponder.redirect(request, response, callback, clean, uri.getQuery());
            return true;
        }
        HttpFields fields = request.getHeaders();
        JettyResponder out = new JettyResponder(request, response, callback, runtime.console(), cfg.accessLog);
        long length = request.getLength();
        if (cfg.maxBodySize > 0 && length > cfg.maxBodySize) {
            out.respond(tooLarge());
            return true;
        }
        if (cfg.maxHeaders > 0 && fields.size() > cfg.maxHeaders && headers(request).size() > cfg.maxHeaders) {
            out.respond(ResponseSpec.goError(431, "Too many headers"));
            return true;
        }
        byte[] body;
        try {
            body = readBody(request, length);
        } catch (BodyTooLarge e) {
            out.respond(tooLarge());
            return true;
        } catch (IOException e) {
            callback.failed(e);
            return true;
        }
        IncomingRequest req = new IncomingRequest(request.getMethod(), clean, uri.getQuery(),
                request.getConnectionMetaData().getHttpVersion().asString(), body,
                () -> headers(request), () -> host(request), out::remoteIp);
        if (formFieldsExceeded(req)) {
            out.respond(ResponseSpec.goError(400, "Too Many Form Fields"));
            return true;
        }
        if (cfg.cors.enabled() && Cors.apply(cfg.cors, req.header("Origin"), out.extraHeaders())
                && req.method.equals("OPTIONS")) {
            ResponseSpec preflight = new ResponseSpec(204);
            preflight.accessLogged = false;
            out.respond(preflight);
            return true;
        }
        if (cfg.jwt.enabled() && cfg.jwt.required()
                && RequestObject.verify(req, cfg.jwt.secret(), cfg.jwt.rs256PublicKey()) == null) {
            out.respond(ResponseSpec.goError(401, "Unauthorized"));
            return true;
        }
        String acceptEncoding = fields.get("Accept-Encoding");
        out.gzip(acceptEncoding != null && acceptEncoding.contains("gzip"));
        RouteTable.Match match = server.routes().find(req.method, req.path);
        if (match == null && isUpgrade(req)) {
            match = server.routes().findWebSocket(req.path);
        }
        if (match == null) {
            out.respond(ResponseSpec.notFound());
            return true;
        }
        Route route = match.route();
        if (route.isWebSocket()) {
            upgrade(route, req, match.params(), request, response, callback, out);
        } else if (route.isStatic()) {
            out.respond(StaticFiles.serve(route, req.path, cfg));
        } else {
            runner.handle(route, req, match.params(), out);
        }
        return true;
    }

    private void upgrade(Route route, IncomingRequest req, DusoObject params, Request request, Response response,
            Callback callback, JettyResponder out) {
        if (cfg.maxWebSocketConnections > 0 && wsCount.get() >= cfg.maxWebSocketConnections) {
            ResponseSpec busy = ResponseSpec.goError(503, "Service Unavailable: WebSocket connection limit reached");
            busy.loggedBytes = 0;
            out.respond(busy);
            return;
        }
        JettyWebSocket endpoint = new JettyWebSocket(cfg.websocket, duso.runtime.WebSockets.of(runtime), conn -> {
            wsCount.incrementAndGet();
            try {
                runner.handleWebSocket(route, req, params, conn);
            } finally {
                wsCount.decrementAndGet();
                out.logWebSocket();
            }
        });
        boolean upgraded = webSockets.upgrade((rq, rs, cb) -> endpoint, request, response, callback);
        if (!upgraded) {
            out.respond(ResponseSpec.goError(400, "Bad Request"));
        }
    }

    private ResponseSpec tooLarge() {
        ResponseSpec r = ResponseSpec.goError(413, "Payload Too Large");
        r.loggedBytes = 0;
        r.set("Connection", "close");
        return r;
    }

    /** The POST/PUT form-field limit, applied only when the form parsed cleanly (as Go does). */
    private boolean formFieldsExceeded(IncomingRequest req) {
        if (cfg.maxFormFields <= 0 || !(req.method.equals("POST") || req.method.equals("PUT"))) {
            return false;
        }
        String type = req.header("Content-Type");
        if (!type.contains("application/x-www-form-urlencoded") && !type.contains("multipart/form-data")) {
            return false;
        }
        RequestForms forms = req.forms(RequestObject.maxParts(cfg));
        return !forms.failed() && forms.form.size() > cfg.maxFormFields;
    }

    private static boolean isUpgrade(IncomingRequest req) {
        return req.header("Upgrade").toLowerCase(Locale.ROOT).equals("websocket")
                && req.header("Connection").toLowerCase(Locale.ROOT).contains("upgrade");
    }

    /** Thrown when a body grows past max_body_size while it is read. */
    private static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("body too large", null);
        }
    }

    /** The whole body (its size limited), or empty for a request without one. */
    private byte[] readBody(Request request, long length) throws IOException {
        if (length == 0 || length < 0 && !request.getHeaders().contains("Transfer-Encoding")) {
            return ResponseSpec.EMPTY;
        }
        long limit = cfg.maxBodySize > 0 ? cfg.maxBodySize : Long.MAX_VALUE;
        long deadline = cfg.timeoutSeconds > 0 ? System.nanoTime() + cfg.timeoutSeconds * 1_000_000_000L : 0;
        try (InputStream in = Request.asInputStream(request)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                    length > 0 ? (int) Math.min(length, 1 << 20) : 1024);
            byte[] buf = new byte[16384];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + (long) n > limit) {
                    throw new BodyTooLarge();
                }
                out.write(buf, 0, n);
                if (deadline != 0 && System.nanoTime() > deadline) {
                    throw new IOException("request body read timeout");
                }
            }
            return out.toByteArray();
        }
    }

    /** Header names made Go-canonical, Host left out (Go keeps it on the request). */
    private static Map<String, List<String>> headers(Request request) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (HttpField f : request.getHeaders()) {
            String name = GoHeaderNames.canonical(f.getName());
            if (name.equals("Host")) {
                continue;
            }
            out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(f.getValue() == null ? "" : ByteText.fromBytes(f.getValue()));
        }
        return out;
    }

    private static String host(Request request) {
        String h = request.getHeaders().get("Host");
        if (h != null) {
            return h;
        }
        String authority = request.getHttpURI().getAuthority();
        return authority == null ? "" : authority;
    }

    /** The peer's IP without port, IPv6 in Go's compressed form without brackets. */
    static String remoteIp(Request request) {
        SocketAddress a = request.getConnectionMetaData().getRemoteSocketAddress();
        if (a instanceof InetSocketAddress isa && isa.getAddress() != null) {
            return ipText(isa.getAddress());
        }
        return a == null ? "" : a.toString();
    }

    static String ipText(InetAddress ip) {
        if (!(ip instanceof Inet6Address)) {
            return ip.getHostAddress();
        }
        byte[] b = ip.getAddress();
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (b[2 * i] & 0xFF) << 8 | b[2 * i + 1] & 0xFF;
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                s.append("::");
                i += bestLen - 1;
                continue;
            }
            if (!s.isEmpty() && s.charAt(s.length() - 1) != ':') {
                s.append(':');
            }
            s.append(Integer.toHexString(g[i]));
        }
        return s.toString();
    }
}

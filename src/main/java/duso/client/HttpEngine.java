package duso.client;

import duso.client.UrlCodec.UrlException;
import duso.lang.lexer.GoQuote;
import duso.runtime.GoHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.TreeMap;

/**
 * The client behind fetch(), one per runtime: Go's http.Client.Do on top of two transports.
 * It validates the request as Go's transport does, follows redirects with Go's rules (at most
 * 10; 301/302/303 turn other methods into GET and drop the body, 307/308 resend it; the
 * original headers are copied, credentials only to the same host; Referer added), decodes gzip
 * it asked for, and words every failure as Go's url.Error ({@code Get "URL": …}).
 */
final class HttpEngine {
    private static final int MAX_REDIRECTS = 10;

    /** A response ready for the script: the body decoded, the final status, proto and headers. */
    record Result(int status, String proto, HeaderList headers, byte[] body) {}

    private final ProxyConfig proxies;
    private final Http1Transport plain;
    private volatile Transport tls;

    HttpEngine() {
        this(ProxyConfig.fromEnvironment(), null);
    }

    /**
     * @param proxies the proxy rules (Go reads them from the environment)
     * @param tls the https transport, or null to create the JDK one on first use
     */
    HttpEngine(ProxyConfig proxies, Transport tls) {
        this.proxies = proxies;
        this.plain = new Http1Transport(proxies);
        this.tls = tls;
    }

    /** Go's Client.Do for the first hop; failures are thrown with fetch()'s full message. */
    Result execute(OutgoingRequest first, CallControl ctl) throws EngineException {
        String op = opName(first.method);
        OutgoingRequest req = first;
        int sent = 0;
        while (true) {
            Http1Codec.Response resp;
            boolean gzip = req.transportGzip();
            try {
                resp = transport(req).roundTrip(withBasicAuth(req), gzip, ctl);
            } catch (FetchFailure f) {
                if (f.duringBody()) {
                    throw new EngineException("fetch() failed to read response: " + f.getMessage());
                }
                throw failed(op, req.url.redacted(), f.getMessage());
            }
            sent++;
            String redirectMethod = redirectMethod(resp.status(), req.method);
            String location = redirectMethod == null ? null : resp.headers().first("Location");
            if (location == null || location.isEmpty()) {
                return decoded(resp, gzip);
            }
            GoUrl target;
            try {
                target = req.url.resolve(location);
            } catch (UrlException e) {
                throw failed(op, req.url.redacted(), "failed to parse Location header "
                        + GoQuote.quote(location) + ": " + e.getMessage());
            }
            if (sent >= MAX_REDIRECTS) {
                throw failed(op, location, "stopped after " + MAX_REDIRECTS + " redirects");
            }
            boolean keepBody = resp.status() == 307 || resp.status() == 308;
            req = new OutgoingRequest(redirectMethod, target, redirectHeaders(first, req, target),
                    keepBody ? first.body : null);
        }
    }

    /** The method of the next hop, or null when this status is not a redirect Go follows. */
    private static String redirectMethod(int status, String method) {
        return switch (status) {
            case 301, 302, 303 -> method.equals("GET") || method.equals("HEAD") ? method : "GET";
            case 307, 308 -> method;
            default -> null;
        };
    }

    /**
     * The first request's headers for a redirect hop; Authorization, Cookie and the like only
     * when the new host is the same or a subdomain; Referer from the previous hop unless that
     * would leak an https URL to http.
     */
    private static TreeMap<String, String> redirectHeaders(OutgoingRequest first, OutgoingRequest previous, GoUrl next) {
        TreeMap<String, String> h = new TreeMap<>(first.headers);
        String from = first.url.hostname().toLowerCase(Locale.ROOT);
        String to = next.hostname().toLowerCase(Locale.ROOT);
        if (!first.url.host.equals(next.host) && !(to.equals(from) || to.endsWith("." + from))) {
            h.remove("Authorization");
            h.remove("Www-Authenticate");
            h.remove("Cookie");
            h.remove("Cookie2");
            h.remove("Proxy-Authorization");
            h.remove("Proxy-Authenticate");
        }
        if (!(previous.url.scheme.equals("https") && next.scheme.equals("http"))) {
            String explicit = h.get("Referer");
            if (explicit == null || explicit.isEmpty()) {
                String ref = previous.url.toString();
                if (previous.url.user != null) {
                    ref = ref.replaceFirst(java.util.regex.Pattern.quote(ByteStrings.toText(previous.url.user.encoded()) + "@"), "");
                }
                h.put("Referer", ref);
            }
        }
        return h;
    }

    /** A hop whose URL carries user:password sends it as Basic auth, unless one was set. */
    private static OutgoingRequest withBasicAuth(OutgoingRequest req) {
        GoUrl.Userinfo user = req.url.user;
        if (user == null || req.headers.containsKey("Authorization")) {
            return req;
        }
        TreeMap<String, String> h = new TreeMap<>(req.headers);
        h.put("Authorization", basicAuth(user));
        return new OutgoingRequest(req.method, req.url, h, req.body);
    }

    /** "Basic " and the base64 of user:password (the bytes as written in the URL, unescaped). */
    static String basicAuth(GoUrl.Userinfo user) {
        byte[] pair = (user.username() + ":" + user.password()).getBytes(StandardCharsets.ISO_8859_1);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    private Transport transport(OutgoingRequest req) throws FetchFailure {
        validate(req);
        if (req.url.scheme.equals("http")) {
            return plain;
        }
        Transport t = tls;
        if (t == null) {
            synchronized (this) {
                t = tls;
                if (t == null) {
                    t = new JdkTransport(null, proxies);
                    tls = t;
                }
            }
        }
        return t;
    }

    /** Go's Transport.roundTrip checks, in its order. */
    private static void validate(OutgoingRequest req) throws FetchFailure {
        boolean http = req.url.scheme.equals("http") || req.url.scheme.equals("https");
        if (http) {
            for (var h : req.headers.entrySet()) {
                if (!GoHeaderNames.isToken(h.getKey())) {
                    throw new FetchFailure("net/http: invalid header field name " + GoQuote.quote(h.getKey()));
                }
                if (!GoHeaderNames.isValidValue(h.getValue())) {
                    throw new FetchFailure("net/http: invalid header field value for " + GoQuote.quote(h.getKey()));
                }
            }
        }
        if (!http) {
            throw new FetchFailure("unsupported protocol scheme " + GoQuote.quote(req.url.scheme));
        }
        if (req.url.host.isEmpty()) {
            throw new FetchFailure("http: no Host in request URL");
        }
    }

    /** The final response with a gzip body decoded (and its encoding headers dropped). */
    private static Result decoded(Http1Codec.Response r, boolean askedGzip) throws EngineException {
        String encoding = r.headers().first("Content-Encoding");
        if (askedGzip && encoding != null && encoding.equalsIgnoreCase("gzip")) {
            r.headers().remove("Content-Encoding");
            r.headers().remove("Content-Length");
            try {
                return new Result(r.status(), r.proto(), r.headers(), Gzip.decode(r.body()));
            } catch (FetchFailure f) {
                throw new EngineException("fetch() failed to read response: " + f.getMessage());
            }
        }
        return new Result(r.status(), r.proto(), r.headers(), r.body());
    }

    private static EngineException failed(String op, String url, String message) {
        return new EngineException("fetch() failed: " + op + " " + GoQuote.quote(url) + ": " + message);
    }

    /** Go's urlErrorOp: "Get", "Post", … (first letter kept, the rest lower case). */
    static String opName(String method) {
        if (method.isEmpty()) {
            return "Get";
        }
        return method.charAt(0) + method.substring(1).toLowerCase(Locale.ROOT);
    }

    void shutdown() {
        plain.shutdown();
        Transport t = tls;
        if (t != null) {
            t.shutdown();
        }
    }

    /** A fetch failure with the complete message the script sees. */
    static final class EngineException extends Exception {
        EngineException(String message) {
            super(message, null, false, false);
        }
    }
}

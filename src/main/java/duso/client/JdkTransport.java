package duso.client;

import duso.runtime.GoHeaderNames;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The https:// transport: the JDK's HttpClient, which negotiates HTTP/2 by ALPN and falls back
 * to HTTP/1.1, as Go's client does over TLS (Go never speaks cleartext HTTP/2, so http:// stays
 * with {@link Http1Transport}). Built on the first https fetch, so scripts that never make one
 * never load it. Redirects and gzip are left to {@link HttpEngine}, as for plain HTTP.
 */
final class JdkTransport implements Transport {
    /** Headers the JDK client sets itself and refuses from callers; Go ignores or derives them too. */
    private static final Set<String> RESTRICTED = Set.of("Connection", "Content-Length", "Expect", "Host", "Upgrade");

    private final HttpClient client;

    /**
     * @param tls the TLS context, or null for the JDK's default (tests trust their own
     *     certificate this way)
     */
    JdkTransport(SSLContext tls, ProxyConfig proxies) {
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30))
                .proxy(proxies.selector());
        if (tls != null) {
            b.sslContext(tls);
        }
        client = b.build();
    }

    @Override
    public Http1Codec.Response roundTrip(OutgoingRequest req, boolean addGzip, CallControl ctl) throws FetchFailure {
        HttpRequest request = build(req, addGzip);
        CompletableFuture<HttpResponse<byte[]>> pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        ctl.attach(() -> pending.cancel(true));
        HttpResponse<byte[]> response;
        try {
            response = ctl.timed() ? pending.get(ctl.remainingNanos(), TimeUnit.NANOSECONDS) : pending.get();
        } catch (TimeoutException e) {
            pending.cancel(true);
            throw new FetchFailure(CallControl.DEADLINE_EXCEEDED);
        } catch (CancellationException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            ctl.checkInterrupt();
            throw new FetchFailure("context canceled");
        } catch (ExecutionException e) {
            ctl.checkInterrupt();
            throw new FetchFailure(describe(e.getCause(), req));
        } finally {
            ctl.detach();
        }
        HeaderList headers = new HeaderList();
        for (Map.Entry<String, List<String>> h : response.headers().map().entrySet()) {
            if (h.getKey().startsWith(":")) {
                continue;
            }
            String name = GoHeaderNames.canonical(h.getKey());
            for (String v : h.getValue()) {
                headers.add(name, v);
            }
        }
        String proto = response.version() == HttpClient.Version.HTTP_2 ? "HTTP/2.0" : "HTTP/1.1";
        return new Http1Codec.Response(response.statusCode(), proto, headers, response.body(), true);
    }

    private static HttpRequest build(OutgoingRequest req, boolean addGzip) throws FetchFailure {
        if (req.url.port() < 0) {
            throw new FetchFailure("dial tcp: address " + ByteStrings.toText(req.url.host) + ": invalid port");
        }
        URI uri;
        try {
            uri = new URI(ByteStrings.toText(uriSafe(req.url.scheme + "://" + req.url.host + req.url.requestUri())));
        } catch (URISyntaxException e) {
            throw new FetchFailure("invalid URL " + ByteStrings.quote(req.url.host));
        }
        HttpRequest.BodyPublisher body = req.body == null || req.body.length == 0
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(req.body);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(req.method, body);
        if (!req.headers.containsKey("User-Agent")) {
            b.header("User-Agent", OutgoingRequest.USER_AGENT);
        }
        for (Map.Entry<String, String> h : req.headers.entrySet()) {
            if (!RESTRICTED.contains(h.getKey()) && !(h.getKey().equals("User-Agent") && h.getValue().isEmpty())) {
                b.header(h.getKey(), HeaderNames.trim(h.getValue()));
            }
        }
        if (addGzip) {
            b.header("Accept-Encoding", "gzip");
        }
        return b.build();
    }

    /** Percent-encodes the bytes java.net.URI refuses but Go sends as they are. */
    private static String uriSafe(String bytes) {
        StringBuilder b = new StringBuilder(bytes.length() + 8);
        for (int i = 0; i < bytes.length(); i++) {
            char c = bytes.charAt(i);
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                b.append(c);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return b.toString();
    }

    /** The JDK's failure as Go's transport would word it. */
    private static String describe(Throwable cause, OutgoingRequest req) {
        String host = ByteStrings.toText(req.url.hostname());
        if (cause instanceof UnknownHostException) {
            return NetErrors.lookup(host);
        }
        if (cause instanceof ConnectException ce) {
            InetSocketAddress target = new InetSocketAddress(host, req.url.port());
            return NetErrors.dial(target, ce);
        }
        if (cause instanceof SSLHandshakeException) {
            return TlsErrors.describe(cause, host);
        }
        if (cause instanceof IOException && cause.getMessage() != null) {
            String m = cause.getMessage();
            if (m.contains("closed") || m.contains("EOF")) {
                return "EOF";
            }
            return m;
        }
        return String.valueOf(cause);
    }

    @Override
    public void shutdown() {
        client.shutdownNow();
    }

    /** TLS handshake failures in Go's words. */
    static final class TlsErrors {
        private TlsErrors() {}

        static String describe(Throwable e, String host) {
            StringBuilder all = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                all.append(' ').append(t.getMessage());
            }
            String m = all.toString();
            if (m.contains("PKIX path") || m.contains("unable to find valid certification path")) {
                return "tls: failed to verify certificate: x509: certificate signed by unknown authority";
            }
            if (m.contains("No subject alternative names") || m.contains("No name matching")) {
                return "tls: failed to verify certificate: x509: certificate is not valid for " + host;
            }
            if (m.contains("expired") || m.contains("not yet valid")) {
                return "tls: failed to verify certificate: x509: certificate has expired or is not yet valid";
            }
            return "remote error: tls: handshake failure";
        }
    }
}

package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Go's proxy rules (HTTP_PROXY, HTTPS_PROXY, NO_PROXY) and requests sent through a proxy. */
class ProxyTest {
    static String proxyFor(ProxyConfig p, String url) throws Exception {
        GoUrl proxy = p.proxyFor(GoUrl.parse(url));
        return proxy == null ? null : proxy.toString();
    }

    @Test
    void noProxyAndLoopbackAreConnectedDirectly() throws Exception {
        ProxyConfig p = new ProxyConfig("proxy:3128", "https://sp:8443", "example.com, .internal,10.0.0.0/8,*.wild.org,h:8080");
        assertEquals("http://proxy:3128", proxyFor(p, "http://other.org/x"));
        assertEquals("https://sp:8443", proxyFor(p, "https://other.org/x"));
        assertNull(proxyFor(p, "http://localhost:9/"));
        assertNull(proxyFor(p, "http://127.0.0.1:9/"));
        assertNull(proxyFor(p, "http://[::1]:9/"));
        assertNull(proxyFor(p, "http://example.com/"));
        assertNull(proxyFor(p, "http://api.example.com/"));
        assertEquals("http://proxy:3128", proxyFor(p, "http://notexample.com/"));
        assertNull(proxyFor(p, "http://db.internal/"));
        assertEquals("http://proxy:3128", proxyFor(p, "http://internal/"));
        assertNull(proxyFor(p, "http://10.1.2.3/"));
        assertEquals("http://proxy:3128", proxyFor(p, "http://11.1.2.3/"));
        assertNull(proxyFor(p, "http://a.wild.org/"));
        assertNull(proxyFor(p, "http://h:8080/"));
        assertEquals("http://proxy:3128", proxyFor(p, "http://h:8081/"));
        assertNull(proxyFor(new ProxyConfig("proxy:1", null, "*"), "http://any/"));
        assertNull(proxyFor(new ProxyConfig(null, null, ""), "http://any/"));
    }

    @Test
    void requestsGoThroughTheProxyInAbsoluteForm() throws Exception {
        try (RawServer proxy = new RawServer((head, sock) -> FetchTest.reply(200, "", "via proxy"))) {
            ProxyConfig p = new ProxyConfig("http://u:pw@127.0.0.1:" + proxy.port(), null, "");
            HttpEngine engine = new HttpEngine(p, null);
            try (CallControl ctl = new CallControl(null, -1)) {
                HttpEngine.Result r = engine.execute(new OutgoingRequest("GET", GoUrl.parse("http://example.invalid/p?q=1"),
                        new TreeMap<>(), null), ctl);
                assertEquals("via proxy", new String(r.body(), StandardCharsets.UTF_8));
            } finally {
                engine.shutdown();
            }
            assertEquals("GET http://example.invalid/p?q=1 HTTP/1.1\r\nHost: example.invalid\r\nUser-Agent: Go-http-client/1.1\r\n"
                    + "Accept-Encoding: gzip\r\nProxy-Authorization: Basic dTpwdw==\r\n\r\n", proxy.heads.get(0));
        }
    }

    @Test
    void anUnreachableProxyIsAProxyconnectError() throws Exception {
        int closed;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = ss.getLocalPort();
        }
        HttpEngine engine = new HttpEngine(new ProxyConfig("127.0.0.1:" + closed, null, ""), null);
        try (CallControl ctl = new CallControl(null, -1)) {
            HttpEngine.EngineException e = assertThrows(HttpEngine.EngineException.class, () -> engine.execute(
                    new OutgoingRequest("GET", GoUrl.parse("http://example.invalid/"), new TreeMap<>(), null), ctl));
            assertEquals("fetch() failed: Get \"http://example.invalid/\": proxyconnect tcp: dial tcp 127.0.0.1:" + closed
                    + ": connect: connection refused", e.getMessage());
        } finally {
            engine.shutdown();
        }
    }
}

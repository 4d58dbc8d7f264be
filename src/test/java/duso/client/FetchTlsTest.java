package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.TreeMap;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https:// fetches over the JDK transport, against a loopback server with a fresh certificate. */
class FetchTlsTest {
    @TempDir
    static Path dir;
    static HttpsServer server;
    static SSLContext trusting;
    static SSLContext serverTls;

    @BeforeAll
    static void start() throws Exception {
        LoopbackCertificate cert = LoopbackCertificate.create(dir);
        serverTls = cert.server();
        trusting = cert.trusting();

        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setHttpsConfigurator(new HttpsConfigurator(serverTls));
        server.createContext("/", ex -> {
            byte[] gz = FetchTest.gzip("secure " + ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("User-Agent"));
            ex.getResponseHeaders().add("Content-Encoding", "gzip");
            ex.getResponseHeaders().add("x-twice", "1");
            ex.getResponseHeaders().add("x-twice", "2");
            ex.sendResponseHeaders(200, gz.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(gz);
            }
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    static String url() {
        return "https://127.0.0.1:" + server.getAddress().getPort() + "/x";
    }

    @Test
    void anUntrustedCertificateFailsAsInGo() {
        ScriptRun r = ScriptRun.eval("fetch(\"" + url() + "\")");
        assertEquals("Error: <inline>:1:6: fetch() failed: Get \"" + url()
                + "\": tls: failed to verify certificate: x509: certificate signed by unknown authority\n", r.err());
    }

    @Test
    void secureWebSocketsVerifyAndEcho() throws Exception {
        try (WsTestServer s = new WsTestServer(serverTls)) {
            String wss = "wss://127.0.0.1:" + s.port() + "/w";
            assertEquals("Error: <inline>:1:10: WebSocket connection failed: websocket.Dial " + wss
                    + ": tls: failed to verify certificate: x509: certificate signed by unknown authority\n",
                    ScriptRun.eval("websocket(\"" + wss + "\")").err());
            try (CallControl ctl = new CallControl(null, -1)) {
                WsHandshake.Opened opened = WsHandshake.open(GoUrl.parse(wss), new TreeMap<>(), trusting.getSocketFactory(), ctl);
                WsClientConnection c = new WsClientConnection(opened, WsConfig.defaults(), null);
                c.start();
                assertEquals(6.0, c.queue("secure"));
                assertEquals("secure", c.read(null, 2_000_000_000L));
                c.close();
                assertEquals(false, c.isConnected());
            }
        }
    }

    @Test
    void aTrustedServerAnswersThroughTheJdkTransport() throws Exception {
        HttpEngine engine = new HttpEngine(ProxyConfig.NONE, new JdkTransport(trusting, ProxyConfig.NONE));
        try (CallControl ctl = new CallControl(null, -1)) {
            HttpEngine.Result r = engine.execute(new OutgoingRequest("GET", GoUrl.parse(url()), new TreeMap<>(), null), ctl);
            assertEquals(200, r.status());
            assertEquals("HTTP/1.1", r.proto());
            assertEquals("secure GET Go-http-client/1.1", new String(r.body(), StandardCharsets.UTF_8));
            assertEquals(null, r.headers().first("Content-Encoding"));
            assertEquals(java.util.List.of("1", "2"), r.headers().all("X-Twice"));
            assertTrue(r.headers().first("Date") != null);
        } finally {
            engine.shutdown();
        }
    }
}

package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS from PEM files: a self-signed certificate generated with the JDK's keytool at test
 * time, HTTP/2 negotiated by ALPN (HTTP/1.1 still served), a renewed certificate picked up
 * without a restart, a broken renewal reported while the old certificate keeps serving, and
 * an unreadable certificate failing start().
 */
class HttpsIT {
    @TempDir
    Path dir;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1", https = true, cert_file = "tls/cert.pem",
              key_file = "tls/key.pem", cert_reload_interval = 1, access_log = false})
            s.route("GET", "/proto", parse("context().response().text(context().request().proto)"))
            s.start()
            """;

    @Test
    void servesHttp2AndHttp1AndReloadsRenewedCertificates() throws Exception {
        writePem("first", dir.resolve("tls"));
        try (ServerProcess server = ServerProcess.start(dir, "main.du", Map.of("main.du", MAIN))) {
            SSLContext trustAll = trustAll();
            HttpClient h2 = HttpClient.newBuilder().sslContext(trustAll).version(HttpClient.Version.HTTP_2).build();
            HttpRequest req = HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + server.port + "/proto")).build();
            HttpResponse<String> r2 = h2.send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(HttpClient.Version.HTTP_2, r2.version());
            assertEquals("HTTP/2.0", r2.body());
            HttpClient h1 = HttpClient.newBuilder().sslContext(trustAll).version(HttpClient.Version.HTTP_1_1).build();
            assertEquals("HTTP/1.1", h1.send(req, HttpResponse.BodyHandlers.ofString()).body());
            assertEquals("CN=first", presented(server.port));

            Thread.sleep(1100); // a new modification time
            writePem("second", dir.resolve("tls"));
            awaitStderr(server, "duso: reloaded TLS certificate tls/cert.pem\n");
            assertEquals("CN=second", presented(server.port));

            Files.writeString(dir.resolve("tls/key.pem"), "not a key\n");
            awaitStderr(server, "duso: TLS certificate tls/cert.pem changed but could not be loaded: "
                    + "tls: failed to find any PEM data in key input (still serving the previous certificate, "
                    + "retrying in 1s)\n");
            assertEquals("CN=second", presented(server.port));
        }
    }

    @Test
    void unreadableCertificateFailsStart() throws Exception {
        ServerProcess.write(dir, "main.du", MAIN.replace("PORT", Integer.toString(ServerProcess.freePort())));
        ServerProcess p = ServerProcess.launch(dir, 0, "main.du");
        assertTrue(p.process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.process.exitValue());
        assertTrue(p.stderr().contains("open tls/cert.pem: no such file or directory"), p.stderr());
    }

    private static void awaitStderr(ServerProcess server, String text) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!server.stderr().contains(text)) {
            assertTrue(System.nanoTime() < deadline, "stderr never showed: " + text + "\n" + server.stderr());
            Thread.sleep(100);
        }
    }

    /** The subject of the certificate a fresh TLS handshake is given. */
    private static String presented(int port) throws Exception {
        try (SSLSocket s = (SSLSocket) trustAll().getSocketFactory().createSocket("127.0.0.1", port)) {
            s.startHandshake();
            return ((X509Certificate) s.getSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
        }
    }

    /** keytool makes a key pair and self-signed certificate; they are written out as PEM. */
    static void writePem(String cn, Path tls) throws Exception {
        Files.createDirectories(tls);
        Path store = tls.resolve(cn + ".p12");
        Files.deleteIfExists(store);
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "k", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=" + cn, "-validity", "2", "-keystore", store.toString(), "-storepass", "secret",
                "-storetype", "PKCS12", "-ext", "SAN=ip:127.0.0.1").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertEquals(0, p.waitFor());
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "secret".toCharArray());
        }
        Files.writeString(tls.resolve("key.pem"),
                pem("PRIVATE KEY", ks.getKey("k", "secret".toCharArray()).getEncoded()));
        Files.writeString(tls.resolve("cert.pem"), pem("CERTIFICATE", ks.getCertificate("k").getEncoded()));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    static SSLContext trustAll() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return ctx;
    }
}

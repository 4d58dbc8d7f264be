package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * static(): files with types and cache headers, default documents, directory listings,
 * gzip only at 1 KiB and above, and path traversal attempts that must never leave the
 * directory (refused or redirected to a clean path inside it) while the server keeps serving.
 */
class HttpStaticFilesIT {
    @TempDir
    static Path dir;
    static ServerProcess server;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1", directory = true, default = "index.htm, index.html"})
            s.static("/", "public")
            s.route("GET", "/gz/1023", parse('s = ""; i = 0; while i < 1023 do s = s + "x"; i = i + 1 end; exit({body = s})'))
            s.route("GET", "/gz/1024", parse('s = ""; i = 0; while i < 1024 do s = s + "x"; i = i + 1 end; exit({body = s})'))
            s.start()
            """;

    @BeforeAll
    static void start() throws Exception {
        String big = "y".repeat(4000);
        server = ServerProcess.start(dir, "app/main.du", Map.of(
                "app/main.du", MAIN,
                "app/public/index.html", "<h1>home</h1>",
                "app/public/docs/index.htm", "docs home",
                "app/public/list/a.txt", "alpha",
                "app/public/list/b/c.css", "body{}",
                "app/public/big.txt", big,
                "app/public/small.txt", "tiny",
                "secret.txt", "do not serve"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void filesWithTypeAndCacheControl() throws Exception {
        HttpResponse<String> r = server.get("/list/b/c.css");
        assertEquals(200, r.statusCode());
        assertEquals("body{}", r.body());
        assertEquals("text/css; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("public, max-age=3600", r.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void defaultDocumentsInOrder() throws Exception {
        assertEquals("<h1>home</h1>", server.get("/").body());
        assertEquals("docs home", server.get("/docs").body());
        assertEquals("docs home", server.get("/docs/").body());
    }

    @Test
    void directoryListing() throws Exception {
        HttpResponse<String> r = server.get("/list/");
        assertEquals("<pre>Directory: /list/\n\n<a href=\"/list/a.txt\">a.txt</a>\n<a href=\"/list/b/\">b</a>\n</pre>",
                r.body());
        assertEquals("text/html; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void missingFileIs404() throws Exception {
        assertEquals(404, server.get("/nope.txt").statusCode());
    }

    @Test
    void gzipOnlyForLargeBodiesWhenAccepted() throws Exception {
        HttpResponse<byte[]> big = bytes("/big.txt", "gzip, deflate");
        assertEquals("gzip", big.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("y".repeat(4000), gunzip(big.body()));
        HttpResponse<byte[]> small = bytes("/small.txt", "gzip");
        assertFalse(small.headers().firstValue("Content-Encoding").isPresent());
        HttpResponse<byte[]> plain = bytes("/big.txt", "identity");
        assertFalse(plain.headers().firstValue("Content-Encoding").isPresent());
        assertEquals(4000, plain.body().length);
        // the access log counts the bytes sent: compressed, then plain
        int compressed = big.body().length;
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!server.stderr().contains("\"GET /big.txt HTTP/1.1\" 200 4000 ")) {
            assertTrue(System.nanoTime() < deadline, server.stderr());
            Thread.sleep(50);
        }
        assertTrue(server.stderr().contains("\"GET /big.txt HTTP/1.1\" 200 " + compressed + " "), server.stderr());
    }

    @Test
    void gzipThresholdIsOneKibibyte() throws Exception {
        HttpResponse<byte[]> below = bytes("/gz/1023", "gzip");
        assertFalse(below.headers().firstValue("Content-Encoding").isPresent());
        assertEquals(1023, below.body().length);
        HttpResponse<byte[]> at = bytes("/gz/1024", "gzip");
        assertEquals("gzip", at.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals(1024, gunzip(at.body()).length());
    }

    @Test
    void traversalNeverLeavesTheDirectory() throws Exception {
        for (String attack : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/list/../../secret.txt",
            "/list/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2e%2e%2fsecret.txt"}) {
            String response = server.raw("GET " + attack + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertFalse(response.contains("do not serve"), attack + " leaked:\n" + response);
            String status = response.substring(9, 12);
            assertTrue(status.equals("400") || status.equals("301") || status.equals("404"), attack + ": " + response);
        }
        assertTrue(server.process.isAlive());
        assertEquals("alpha", server.get("/list/a.txt").body());
    }

    @Test
    void uncleanPathsRedirectLikeGo() throws Exception {
        String r = server.raw("GET //etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 301 "), r);
        assertTrue(r.contains("\r\nLocation: /etc/passwd\r\n"), r);
        assertTrue(r.endsWith("<a href=\"/etc/passwd\">Moved Permanently</a>.\n\n"), r);
        String q = server.raw("GET /list/./a.txt?x=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(q.contains("\r\nLocation: /list/a.txt?x=1\r\n"), q);
    }

    @Test
    void absolutePathsAndNulBytesAreNotFound() throws Exception {
        String r = server.raw("GET http://127.0.0.1/etc/passwd HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(r.startsWith("HTTP/1.1 404 "), r);
        String nul = server.raw("GET /list/a.txt%00.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(nul.startsWith("HTTP/1.1 404 ") || nul.startsWith("HTTP/1.1 400 "), nul);
    }

    private static HttpResponse<byte[]> bytes(String path, String acceptEncoding) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url(path)))
                .header("Accept-Encoding", acceptEncoding).GET().build();
        return server.client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String gunzip(byte[] data) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

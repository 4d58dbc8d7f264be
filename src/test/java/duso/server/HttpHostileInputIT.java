package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken clients: malformed request lines, oversized headers, too many headers,
 * bodies over max_body_size (declared or chunked), too many form fields, clients that
 * trickle bytes, and handlers that run past request_handler_timeout. Each is refused with
 * the reference's status while the server goes on answering a well-behaved client.
 */
class HttpHostileInputIT {
    @TempDir
    static Path dir;
    static ServerProcess server;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1", max_body_size = 1000, max_header_size = 1024,
              max_headers = 10, max_form_fields = 5, timeout = 2, request_handler_timeout = 1})
            s.route("*", "/ok", parse('context().response().text("ok " + len(context().request().body))'))
            s.route("GET", "/spin", parse("while true do x = 1 end"))
            s.start()
            """;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir, "main.du", Map.of("main.du", MAIN));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static void stillServing() throws Exception {
        HttpResponse<String> r = server.get("/ok");
        assertEquals(200, r.statusCode());
        assertEquals("ok 0", r.body());
    }

    private static String status(String response) {
        return response.length() >= 12 ? response.substring(9, 12) : response;
    }

    @Test
    void malformedRequestLines() throws Exception {
        for (String bad : new String[] {"GARBAGE\r\n\r\n", "GET\r\n\r\n", "GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            "GET /ok HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n", "\u0000\u0001\u0002\r\n\r\n"}) {
            String r = server.raw(bad);
            assertTrue(r.isEmpty() || r.startsWith("HTTP/1.1 4"), "expected a 4xx for " + bad + ":\n" + r);
        }
        stillServing();
    }

    @Test
    void oversizedHeaderIs431() throws Exception {
        String r = server.raw("GET /ok HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(8000) + "\r\n\r\n");
        assertEquals("431", status(r), r);
        stillServing();
    }

    @Test
    void tooManyHeadersIs431() throws Exception {
        StringBuilder req = new StringBuilder("GET /ok HTTP/1.1\r\nHost: x\r\nConnection: close\r\n");
        for (int i = 0; i < 12; i++) {
            req.append("X-H").append(i).append(": v\r\n");
        }
        String r = server.raw(req.append("\r\n").toString());
        assertEquals("431", status(r), r);
        assertTrue(r.endsWith("\r\n\r\nToo many headers\n"), r);
        stillServing();
    }

    @Test
    void declaredBodyOverTheLimitIs413() throws Exception {
        HttpResponse<String> r = server.send("POST", "/ok", "x".repeat(1001));
        assertEquals(413, r.statusCode());
        assertEquals("Payload Too Large\n", r.body());
        assertEquals("ok 1000", server.send("POST", "/ok", "x".repeat(1000)).body());
    }

    @Test
    void chunkedBodyOverTheLimitIs413() throws Exception {
        String chunk = "x".repeat(600);
        String r = server.raw("POST /ok HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "258\r\n" + chunk + "\r\n258\r\n" + chunk + "\r\n0\r\n\r\n");
        assertEquals("413", status(r), r);
        stillServing();
    }

    @Test
    void tooManyFormFieldsIs400() throws Exception {
        HttpResponse<String> r = server.send("POST", "/ok", "a=1&b=2&c=3&d=4&e=5&f=6",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals(400, r.statusCode());
        assertEquals("Too Many Form Fields\n", r.body());
        StringBuilder multipart = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            multipart.append("--B\r\nContent-Disposition: form-data; name=\"f").append(i).append("\"\r\n\r\nv\r\n");
        }
        multipart.append("--B--\r\n");
        HttpResponse<String> m = server.send("POST", "/ok", multipart.toString(),
                "Content-Type", "multipart/form-data; boundary=B");
        assertEquals(400, m.statusCode());
        assertEquals(200, server.send("POST", "/ok", "a=1&b=2", "Content-Type",
                "application/x-www-form-urlencoded").statusCode());
    }

    @Test
    void handlerTimeoutIs504() throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> r = server.get("/spin");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(504, r.statusCode());
        assertEquals("Handler script timeout exceeded\n", r.body());
        assertTrue(ms >= 900 && ms < 5000, "took " + ms + " ms");
        stillServing();
    }

    @Test
    void slowHeadersAreCutOffAfterTheReadTimeout() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port)) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write("GET /ok HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write('X');
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                stillServing();
                closed = closedWithin(slow, 250);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(closed, "a client trickling headers must be disconnected");
            assertTrue(ms < 8000, "disconnected after " + ms + " ms");
        }
        stillServing();
    }

    @Test
    void slowBodiesAreCutOffAfterTheReadTimeout() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", server.port)) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write("POST /ok HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            boolean closed = false;
            for (int i = 0; i < 40 && !closed; i++) {
                try {
                    out.write('b');
                    out.flush();
                } catch (IOException e) {
                    closed = true;
                    break;
                }
                closed = closedWithin(slow, 250);
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(closed, "a client trickling a body must be disconnected");
            assertTrue(ms < 8000, "disconnected after " + ms + " ms");
        }
        stillServing();
    }

    /** True when the server closed (or answered and closed) the connection within the wait. */
    private static boolean closedWithin(Socket s, int millis) throws IOException {
        s.setSoTimeout(millis);
        InputStream in = s.getInputStream();
        try {
            byte[] buf = new byte[4096];
            while (true) {
                int n = in.read(buf);
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}

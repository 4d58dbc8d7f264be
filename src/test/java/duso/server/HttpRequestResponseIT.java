package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every request field and response helper against a real server, the exit() conventions
 * (204 when nothing is sent, 200 for a non-object exit value, Go %v bodies), handler errors,
 * and hot reload of a handler file rewritten while the server runs.
 */
class HttpRequestResponseIT {
    @TempDir
    static Path dir;
    static ServerProcess server;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1", access_log = false})
            s.route("*", "/req/:id", "h/req.du")
            s.route("GET", "/headers", "h/headers.du")
            s.route("GET", "/query", "h/query.du")
            s.route("GET", "/cookies", "h/cookies.du")
            s.route("POST", "/form", "h/form.du")
            s.route("POST", "/body", "h/body.du")
            s.route("GET", "/helper/:name", "h/helper.du")
            s.route("GET", "/exit/:kind", "h/exit.du")
            s.route("GET", "/reload", "h/reload.du")
            s.route("GET", "/missing", "h/missing.du")
            s.route("GET", "/broken", "h/broken.du")
            s.start()
            """;

    static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("main.du", MAIN),
            Map.entry("page.html", "<p>page</p>"),
            Map.entry("h/req.du", """
                    r = context().request()
                    print("handler saw " + r.path)
                    context().response().text(r.method + "|" + r.path + "|" + r.proto + "|" + r.host + "|"
                      + r.remote_addr + "|" + r.params.id + "|" + type(r.files) + "|" + r.jwt_claims)
                    """),
            Map.entry("h/headers.du", """
                    h = context().request().headers
                    context().response().text(h["X-Custom-Thing"] + "|" + tostring(h["X-Multi"]) + "|" + h["Host"])
                    """),
            Map.entry("h/query.du", """
                    q = context().request().query
                    context().response().text(tostring(q.a) + "|" + q.b + "|" + type(q.c) + len(q.c) + "|" + tostring(q.bad))
                    """),
            Map.entry("h/cookies.du", "context().response().text(tostring(context().request().cookies))\n"),
            Map.entry("h/form.du", """
                    r = context().request()
                    context().response().text(tostring(r.form) + "|" + len(r.body))
                    """),
            Map.entry("h/body.du", """
                    r = context().request()
                    context().response().text(r.body + "|" + tostring(r.form))
                    """),
            Map.entry("h/helper.du", """
                    res = context().response()
                    n = context().request().params.name
                    if n == "json" then res.json({b = [1, 2.5, "x<y"], a = nil}, 201, {"Content-Type" = "application/vnd.x+json"}) end
                    if n == "text" then res.text(1000000) end
                    if n == "html" then res.html("<b>hi</b>", headers = {"X-A" = "1"}) end
                    if n == "error" then res.error(404) end
                    if n == "error2" then res.error(400, "bad input") end
                    if n == "redirect" then res.redirect("/elsewhere") end
                    if n == "file" then res.file("page.html") end
                    if n == "nofile" then res.file("nope.txt") end
                    if n == "binary" then res.binary("not binary", "image/png") end
                    if n == "response" then res.response({z = 1, a = true}, 202, {"X-R" = "r"}) end
                    if n == "cookies" then res.text("c", 200, {"Set-Cookie" = ["a=1", "b=2"]}) end
                    """),
            Map.entry("h/exit.du", """
                    k = context().request().params.kind
                    if k == "object" then exit({status = 201, body = {b = 2, a = [1, "x"]}}) end
                    if k == "number" then exit(42) end
                    if k == "empty" then exit() end
                    if k == "html" then exit({body = "<!DOCTYPE html><html></html>"}) end
                    if k == "throw" then
                      function f() throw("boom") end
                      f()
                    end
                    if k == "date" then exit({body = "d", headers = {"Date" = "Mon, 01 Jan 2001 00:00:00 GMT"}}) end
                    if k == "utf8" then exit({body = "[" + context().request().headers["X-Name"] + "]", headers = {"X-Greet" = "héllo ✓"}}) end
                    if k == "cookies" then exit({body = "c", headers = {"Set-Cookie" = ["a=1", "b=2"]}}) end
                    x = 1
                    """),
            Map.entry("h/reload.du", "context().response().text(\"version one\")\n"),
            Map.entry("h/broken.du", "x = (1 +\n"));

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir, "main.du", FILES);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void requestBasics() throws Exception {
        HttpResponse<String> r = server.send("PUT", "/req/7", "payload");
        assertEquals("PUT|/req/7|HTTP/1.1|127.0.0.1:" + server.port + "|127.0.0.1|7|object|nil", r.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!server.stdout().contains("handler saw /req/7") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(server.stdout().contains("handler saw /req/7"), "handler print reaches stdout");
    }

    @Test
    void headersAreCanonicalAndHostIsSeparate() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(server.url("/headers")))
                .header("x-custom-thing", "v1").header("X-Multi", "a").header("X-Multi", "b").GET().build();
        assertEquals("v1|[\"a\", \"b\"]|nil", server.client.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void queryValues() throws Exception {
        String raw = server.raw("GET /query?a=1&a=2&b=x%20y&c&bad=%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(raw.endsWith("\r\n\r\n[\"1\", \"2\"]|x y|string0|nil"), raw);
    }

    @Test
    void cookies() throws Exception {
        assertEquals("{sid=[\"abc\", \"def\"], theme=\"dark\"}",
                server.get("/cookies", "Cookie", "sid=abc; theme=\"dark\"; bad name=1; sid=def").body());
    }

    @Test
    void urlencodedFormConsumesTheBody() throws Exception {
        HttpResponse<String> r = server.send("POST", "/form?q=1", "a=1&b=two+words&a=3",
                "Content-Type", "application/x-www-form-urlencoded");
        assertEquals("{a=[\"1\", \"3\"], b=\"two words\", q=\"1\"}|0", r.body());
    }

    @Test
    void rawBodyForOtherTypes() throws Exception {
        HttpResponse<String> r = server.send("POST", "/body", "{\"k\": 1}", "Content-Type", "application/json");
        assertEquals("{\"k\": 1}|{}", r.body());
    }

    @Test
    void jsonHelper() throws Exception {
        HttpResponse<String> r = server.get("/helper/json");
        assertEquals(201, r.statusCode());
        assertEquals("{\"a\":null,\"b\":[1,2.5,\"x\\u003cy\"]}", r.body());
        assertEquals("application/vnd.x+json", header(r, "Content-Type"));
        assertEquals("no-cache, no-store, must-revalidate", header(r, "Cache-Control"));
    }

    @Test
    void textAndHtmlHelpers() throws Exception {
        HttpResponse<String> t = server.get("/helper/text");
        assertEquals("1e+06", t.body());
        assertEquals("text/plain; charset=utf-8", header(t, "Content-Type"));
        HttpResponse<String> h = server.get("/helper/html");
        assertEquals("<b>hi</b>", h.body());
        assertEquals("text/html; charset=utf-8", header(h, "Content-Type"));
        assertEquals("1", header(h, "X-A"));
    }

    @Test
    void errorHelper() throws Exception {
        HttpResponse<String> e = server.get("/helper/error");
        assertEquals(404, e.statusCode());
        assertEquals("404", e.body());
        HttpResponse<String> e2 = server.get("/helper/error2");
        assertEquals(400, e2.statusCode());
        assertEquals("bad input", e2.body());
    }

    @Test
    void redirectHelper() throws Exception {
        HttpResponse<String> r = server.get("/helper/redirect");
        assertEquals(302, r.statusCode());
        assertEquals("/elsewhere", header(r, "Location"));
        assertEquals("", r.body());
    }

    @Test
    void fileHelper() throws Exception {
        HttpResponse<String> f = server.get("/helper/file");
        assertEquals("<p>page</p>", f.body());
        assertEquals("text/html; charset=utf-8", header(f, "Content-Type"));
        HttpResponse<String> missing = server.get("/helper/nofile");
        assertEquals(404, missing.statusCode());
        assertEquals("File not found", missing.body());
    }

    @Test
    void binaryHelperWithNonBinaryDataSendsNoBody() throws Exception {
        HttpResponse<String> b = server.get("/helper/binary");
        assertEquals(200, b.statusCode());
        assertEquals("image/png", header(b, "Content-Type"));
        assertEquals("", b.body());
    }

    @Test
    void responseHelperEncodesNonStrings() throws Exception {
        HttpResponse<String> r = server.get("/helper/response");
        assertEquals(202, r.statusCode());
        assertEquals("{\"a\":true,\"z\":1}", r.body());
        assertEquals("r", header(r, "X-R"));
    }

    @Test
    void arrayHeadersRepeat() throws Exception {
        assertEquals(List.of("a=1", "b=2"), server.get("/helper/cookies").headers().allValues("Set-Cookie"));
    }

    @Test
    void exitObjectBodyIsGoFormatted() throws Exception {
        HttpResponse<String> r = server.get("/exit/object");
        assertEquals(201, r.statusCode());
        assertEquals("map[a:&[1 x] b:2]", r.body());
        assertEquals("text/plain; charset=utf-8", header(r, "Content-Type"));
    }

    @Test
    void exitHeaderArraysRepeatTheHeader() throws Exception {
        assertEquals(List.of("a=1", "b=2"), server.get("/exit/cookies").headers().allValues("Set-Cookie"));
    }

    @Test
    void aHandlersDateReplacesTheServersDate() throws Exception {
        assertEquals(List.of("Mon, 01 Jan 2001 00:00:00 GMT"), server.get("/exit/date").headers().allValues("Date"));
        assertEquals(1, server.get("/exit/html").headers().allValues("Date").size());
    }

    @Test
    void headerValuesAreUtf8BytesBothWays() throws Exception {
        String wire = new String("José ✓".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String raw = server.raw("GET /exit/utf8 HTTP/1.1\r\nHost: x\r\nX-Name: " + wire + "\r\nConnection: close\r\n\r\n");
        String text = new String(raw.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        assertTrue(text.contains("\r\nX-Greet: héllo ✓\r\n"), text);
        assertTrue(text.endsWith("\r\n\r\n[José ✓]"), text);
    }

    @Test
    void sniffedHtml() throws Exception {
        assertEquals("text/html; charset=utf-8", header(server.get("/exit/html"), "Content-Type"));
    }

    @Test
    void nonObjectExitIs200Empty() throws Exception {
        HttpResponse<String> r = server.get("/exit/number");
        assertEquals(200, r.statusCode());
        assertEquals("", r.body());
    }

    @Test
    void nothingSentIs204() throws Exception {
        assertEquals(204, server.get("/exit/empty").statusCode());
        assertEquals(204, server.get("/exit/none").statusCode());
    }

    @Test
    void uncaughtErrorIs500WithTheErrorText() throws Exception {
        HttpResponse<String> r = server.get("/exit/throw");
        assertEquals(500, r.statusCode());
        assertEquals("Handler script error: h/exit.du:7:21: boom\n\nCall stack:\n  at f (h/exit.du:8:4)\n", r.body());
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        String raw = server.raw("GET /exit/throw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        assertTrue(raw.startsWith("HTTP/1.1 500 Server Error\r\n"), raw);
    }

    @Test
    void missingAndBrokenHandlers() throws Exception {
        HttpResponse<String> m = server.get("/missing");
        assertEquals(500, m.statusCode());
        assertEquals("Handler script parse error: open h/missing.du: no such file or directory\n", m.body());
        HttpResponse<String> b = server.get("/broken");
        assertEquals(500, b.statusCode());
        assertTrue(b.body().startsWith("Handler script parse error: h/broken.du:"), b.body());
    }

    @Test
    void handlerFilesReloadWhenRewritten() throws Exception {
        assertEquals("version one", server.get("/reload").body());
        Files.writeString(dir.resolve("h/reload.du"), "context().response().text(\"version two, rewritten\")\n");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = server.get("/reload").body();
            if (body.equals("version two, rewritten")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("version two, rewritten", body);
    }

    private static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse("");
    }
}

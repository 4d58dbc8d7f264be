package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route matching against a real server: exact before wildcard, longer before shorter,
 * {@code :param} captures, method lists, "*" routes, handler kinds (file relative to the
 * registering script, parse() code, the script itself) and Go's 404.
 */
class HttpRoutingIT {
    @TempDir
    static Path dir;
    static ServerProcess server;

    static final String MAIN = """
            ctx = context()
            if ctx == nil then
              s = http_server({port = PORT, address = "127.0.0.1", access_log = false})
              s.route("GET", "/api/*", parse("context().response().text(\\"api wildcard\\")"))
              s.route("GET", "/api/users", parse("context().response().text(\\"api users\\")"))
              s.route("GET", "/api/users/:id", parse("context().response().json(context().request().params)"))
              s.route("GET", "/files/:dir/:name", parse("p = context().request().params; context().response().text(p.dir + \\"|\\" + p.name)"))
              s.route("*", "/any", parse("context().response().text(\\"any \\" + context().request().method)"))
              s.route(["get", "Post"], "/both", parse("context().response().text(\\"both \\" + context().request().method)"))
              s.route("GET", "/a*", parse("context().response().text(\\"a prefix\\")"))
              s.route("GET", "/*", parse("context().response().text(\\"catch-all\\")"))
              s.route("GET", "/sub", "handlers/sub.du")
              s.route("GET", "/self")
              s.route("WS", "/ws-only", "handlers/sub.du")
              s.start()
            end
            ctx.response().text("self " + context().request().path)
            """;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir, "main.du", Map.of("main.du", MAIN,
                "handlers/sub.du", "context().response().text(\"sub handler\")\n"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static String body(String path) throws Exception {
        return server.get(path).body();
    }

    @Test
    void exactRoutesWinOverWildcards() throws Exception {
        assertEquals("api users", body("/api/users"));
        assertEquals("api wildcard", body("/api/other"));
    }

    @Test
    void paramsAreCaptured() throws Exception {
        assertEquals("{\"id\":\"42\"}", body("/api/users/42"));
        assertEquals("docs|a.txt", body("/files/docs/a.txt"));
    }

    @Test
    void wildcardNeedsTextAfterPrefixSlash() throws Exception {
        // "/api/*" does not match "/api"; the longer wildcard "/a*" does
        assertEquals("a prefix", body("/api"));
        assertEquals("catch-all", body("/zzz"));
    }

    @Test
    void starMethodAnswersEveryMethod() throws Exception {
        assertEquals("any DELETE", server.send("DELETE", "/any", null).body());
        assertEquals("any PUT", server.send("PUT", "/any", "x").body());
    }

    @Test
    void methodListsRegisterEachMethod() throws Exception {
        assertEquals("both GET", body("/both"));
        assertEquals("both POST", server.send("POST", "/both", "").body());
        HttpResponse<String> put = server.send("PUT", "/both", "");
        assertEquals(404, put.statusCode());
        assertEquals("404 page not found\n", put.body());
    }

    @Test
    void handlerFilesResolveAgainstTheRegisteringScript() throws Exception {
        assertEquals("sub handler", body("/sub"));
    }

    @Test
    void omittedHandlerRunsTheScriptItself() throws Exception {
        assertEquals("self /self", body("/self"));
    }

    @Test
    void webSocketRoutesIgnorePlainRequests() throws Exception {
        // GET /ws-only without an Upgrade header falls through to the catch-all
        assertEquals("catch-all", body("/ws-only"));
    }

    @Test
    void unknownMethodIsNotFound() throws Exception {
        HttpResponse<String> r = server.send("PATCH", "/sub", "");
        assertEquals(404, r.statusCode());
        assertEquals("text/plain; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertFalse(server.stderr().contains("Exception"));
        assertTrue(server.process.isAlive());
    }
}

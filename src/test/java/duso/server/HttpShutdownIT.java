package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process-level server behaviour with real processes: SIGTERM drains a request in flight,
 * refuses new connections, closes WebSockets and flushes datastores before exiting 0;
 * {@code shutdown(n)} from a handler exits n; a bind error is start()'s error at once; and a
 * script that never starts a server loads none of Jetty.
 */
class HttpShutdownIT {
    @TempDir
    Path dir;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1"})
            s.route("GET", "/slow", parse('store = datastore("flushed", {persist = "flushed.snap"}); t = timer(); while timer() - t < 1.5 do end; store.set("done", true); context().response().text("finished")'))
            s.route("GET", "/quick", parse('context().response().text("quick")'))
            s.route("GET", "/stop", parse('shutdown(3)'))
            s.route("WS", "/ws", parse('c = context().connection(); c.accept(); c.write("open"); m = c.read(); print("ws read returned " + tostring(m))'))
            s.start()
            print("start() returned")
            """;

    @Test
    void sigtermDrainsTheRequestInFlight() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, "main.du", Map.of("main.du", MAIN))) {
            WebSocketIT.Client ws = connectWs(server);
            assertEquals("open", ws.next());
            CompletableFuture<HttpResponse<String>> slow = server.client.sendAsync(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.url("/slow"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(500);
            server.process.destroy();
            Thread.sleep(300);
            assertFalse(accepts(server.port), "no new connections while draining");
            HttpResponse<String> r = slow.get(30, TimeUnit.SECONDS);
            assertEquals(200, r.statusCode());
            assertEquals("finished", r.body());
            assertTrue(server.process.waitFor(40, TimeUnit.SECONDS));
            assertEquals(0, server.process.exitValue());
            ws.closed.get(10, TimeUnit.SECONDS);
            assertTrue(server.stdout().contains("ws read returned nil"), server.stdout());
            assertTrue(Files.exists(dir.resolve("flushed.snap")), "datastore flushed at shutdown");
        }
    }

    @Test
    void shutdownFromAHandlerEndsTheProcessWithItsCode() throws Exception {
        try (ServerProcess server = ServerProcess.start(dir, "main.du", Map.of("main.du", MAIN))) {
            HttpResponse<String> r = server.get("/stop");
            assertEquals(204, r.statusCode());
            assertTrue(server.process.waitFor(40, TimeUnit.SECONDS));
            assertEquals(3, server.process.exitValue());
        }
    }

    @Test
    void bindErrorsComeFromStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            ServerProcess.write(dir, "main.du", """
                    s = http_server({port = PORT, address = "127.0.0.1"})
                    try
                      s.start()
                    catch (e)
                      print("caught: " + e.message)
                    end
                    s.start()
                    """.replace("PORT", Integer.toString(port)));
            ServerProcess p = ServerProcess.launch(dir, port, "main.du");
            assertTrue(p.process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.process.exitValue());
            String bind = "listen tcp 127.0.0.1:" + port + ": bind: address already in use";
            assertEquals("caught: " + bind + "\n", p.stdout());
            assertEquals("Error: main.du:7:8: " + bind + "\n", p.stderr());
        }
    }

    @Test
    void scriptsWithoutAServerLoadNoJetty() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ServerProcess.LAUNCHER.toString(), "eval",
                "s = http_server({port = 1}); s.route(\"GET\", \"/\", parse(\"x = 1\")); print(type(s))");
        pb.environment().put("DUSO_JAVA_OPTS", "-Xlog:class+load=info:stdout");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("duso.server.ScriptServer"), "the log lists loaded classes");
        assertTrue(out.contains("\nobject\n"), out.substring(Math.max(0, out.length() - 300)));
        assertFalse(out.contains("org.eclipse.jetty"), "Jetty classes were loaded");
    }

    private static WebSocketIT.Client connectWs(ServerProcess server) throws Exception {
        WebSocketIT.Client c = new WebSocketIT.Client();
        c.ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + server.port + "/ws"), c).get(20, TimeUnit.SECONDS);
        return c;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}

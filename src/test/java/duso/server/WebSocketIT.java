package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server WebSockets: "WS" routes on the HTTP port, the blocking connection object (accept,
 * read with and without timeout, write, close, is_connected, id), send_websocket() from
 * another handler, the connection limit (503), and the access-log line written when the
 * connection's handler ends.
 */
class WebSocketIT {
    @TempDir
    static Path dir;
    static ServerProcess server;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1", max_websocket_connections = 3})
            s.route("WS", "/echo", "ws/echo.du")
            s.route("WS", "/room/:name", "ws/room.du")
            s.route("POST", "/push/:id", parse('context().response().text(tostring(send_websocket(context().request().params.id, context().request().body)))'))
            s.route("POST", "/push-many", parse('context().response().text(tostring(send_websocket(["nope", "also-nope"], "x")))'))
            s.start()
            """;

    static final String ECHO = """
            conn = context().connection()
            conn.accept()
            conn.write("id " + conn.id)
            while true do
              m = conn.read()
              if m == nil then break end
              if m == "wait" then
                t = conn.read(0.3)
                conn.write("timed out with [" + t + "] " + type(t))
              elseif m == "bye" then
                conn.write("closing")
                conn.close()
                print("connected after close: " + conn.is_connected())
              else
                conn.write("echo: " + m)
              end
            end
            """;

    static final String ROOM = """
            ctx = context()
            conn = ctx.connection()
            conn.accept()
            conn.write("room " + ctx.request().params.name + " " + ctx.request().path)
            m = conn.read()
            """;

    @BeforeAll
    static void start() throws Exception {
        server = ServerProcess.start(dir, "main.du", Map.of("main.du", MAIN, "ws/echo.du", ECHO, "ws/room.du", ROOM));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    /** A client that collects text messages and the close. */
    static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws;

        static Client connect(String path) throws Exception {
            Client c = new Client();
            c.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                    .buildAsync(URI.create("ws://127.0.0.1:" + server.port + path), c).get(20, TimeUnit.SECONDS);
            return c;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            messages.add(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        String next() throws InterruptedException {
            String m = messages.poll(20, TimeUnit.SECONDS);
            assertTrue(m != null, "no message within 20 s");
            return m;
        }

        void send(String text) throws Exception {
            ws.sendText(text, true).get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void echoAndTimeoutAndServerClose() throws Exception {
        Client c = Client.connect("/echo");
        String id = c.next();
        assertTrue(id.matches("id [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        c.send("hello");
        assertEquals("echo: hello", c.next());
        c.send("wait");
        assertEquals("timed out with [] string", c.next());
        c.send("bye");
        assertEquals("closing", c.next());
        c.closed.get(20, TimeUnit.SECONDS);
        awaitText(server::stdout, "connected after close: false");
        awaitText(server::stderr, "\"GET /echo HTTP/1.1\" 101 0 \"-\"");
    }

    @Test
    void sendWebSocketReachesAConnectionById() throws Exception {
        Client c = Client.connect("/echo");
        String id = c.next().substring(3);
        assertEquals("7", server.send("POST", "/push/" + id, "pushed!").body());
        assertEquals("pushed!", c.next());
        assertEquals("nil", server.send("POST", "/push/unknown-id", "x").body());
        assertEquals("[nil, nil]", server.send("POST", "/push-many", "").body());
        c.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
    }

    @Test
    void routeParamsAndRequestInWebSocketHandlers() throws Exception {
        Client c = Client.connect("/room/blue");
        assertEquals("room blue /room/blue", c.next());
        c.send("x");
        c.closed.get(20, TimeUnit.SECONDS);
    }

    @Test
    void connectionLimitAnswers503() throws Exception {
        Client a = Client.connect("/echo");
        Client b = Client.connect("/echo");
        Client c = Client.connect("/echo");
        a.next();
        b.next();
        c.next();
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                () -> HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + server.port + "/echo"), new Client()).join());
        WebSocketHandshakeException h = assertInstanceOf(WebSocketHandshakeException.class, e.getCause());
        assertEquals(503, h.getResponse().statusCode());
        for (Client x : new Client[] {a, b, c}) {
            x.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
            x.closed.get(20, TimeUnit.SECONDS);
        }
        Thread.sleep(300);
        Client again = Client.connect("/echo");
        assertTrue(again.next().startsWith("id "));
        again.ws.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    interface Text {
        String get() throws Exception;
    }

    static void awaitText(Text source, String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!source.get().contains(expected)) {
            assertTrue(System.nanoTime() < deadline, "never saw: " + expected + "\n" + source.get());
            Thread.sleep(50);
        }
    }
}

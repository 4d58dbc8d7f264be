package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-connection WebSocket limits of the {@code websocket} config: a message over
 * {@code max_message_size}, messages faster than {@code max_messages_per_second}, and a
 * connection idle for {@code idle_timeout} each end the connection, and the handler's
 * {@code read()} then returns nil.
 */
class WebSocketLimitsIT {
    @TempDir
    static Path dir;
    static ServerProcess server;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1", access_log = false,
              websocket = {max_message_size = 16, max_messages_per_second = 2, idle_timeout = 1}})
            s.route("WS", "/ws", parse('c = context().connection(); c.accept(); c.write("ready"); while true do m = c.read(); if m == nil then break end; c.write("got " + m) end; print("closed " + context().request().query.n)'))
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

    private static WebSocketIT.Client connect(String n) throws Exception {
        WebSocketIT.Client c = new WebSocketIT.Client();
        c.ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + server.port + "/ws?n=" + n), c)
                .get(20, TimeUnit.SECONDS);
        assertEquals("ready", c.next());
        return c;
    }

    @Test
    void oversizedMessageClosesTheConnection() throws Exception {
        WebSocketIT.Client c = connect("size");
        c.send("small");
        assertEquals("got small", c.next());
        c.send("x".repeat(100));
        assertEquals(1009, c.closed.get(20, TimeUnit.SECONDS));
        WebSocketIT.awaitText(server::stdout, "closed size");
    }

    @Test
    void messagesOverTheRateCloseTheConnection() throws Exception {
        WebSocketIT.Client c = connect("rate");
        for (int i = 0; i < 8; i++) {
            c.ws.sendText("m" + i, true);
        }
        c.closed.get(20, TimeUnit.SECONDS);
        WebSocketIT.awaitText(server::stdout, "closed rate");
        assertTrue(c.messages.size() < 8, "not every message was answered: " + c.messages);
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        WebSocketIT.Client c = connect("idle");
        long start = System.nanoTime();
        c.closed.get(20, TimeUnit.SECONDS);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertTrue(ms >= 700 && ms < 10_000, "closed after " + ms + " ms");
        WebSocketIT.awaitText(server::stdout, "closed idle");
    }
}

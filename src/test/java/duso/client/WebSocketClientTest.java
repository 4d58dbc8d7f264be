package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.nodes.Builtin;
import duso.lang.nodes.CallArgs;
import duso.lang.values.DusoObject;
import duso.runtime.WebSockets;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** websocket() against a loopback server: messages both ways, timeouts, closes, limits, errors. */
class WebSocketClientTest {
    @Test
    void echoesAndCloses() throws IOException {
        try (WsTestServer s = new WsTestServer()) {
            String out = ScriptRun.eval("""
                    ws = websocket("%s")
                    print(len(ws.id), ws.is_connected())
                    print(ws.write("hello"), ws.write("héllo"), ws.write(42))
                    print(ws.read(2), ws.read(2), ws.read(timeout = 2))
                    ws.close()
                    print(ws.is_connected(), ws.write("late"), ws.read(1))
                    """.formatted(s.url("/chat"))).ok();
            assertEquals("36 true\n5 6 2\nhello héllo 42\nfalse nil nil\n", out);
        }
    }

    /** The reference's read() returns "" (not nil) when its timeout passes. */
    @Test
    void readTimeoutGivesTheEmptyString() throws IOException {
        try (WsTestServer s = new WsTestServer()) {
            long t0 = System.nanoTime();
            String out = ScriptRun.eval("""
                    ws = websocket("%s")
                    m = ws.read(0.2)
                    print(m == "", m == nil, ws.is_connected())
                    ws.close()
                    """.formatted(s.url("/"))).ok();
            assertEquals("true false true\n", out);
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 3000);
        }
    }

    @Test
    void serverCloseEndsReads() throws IOException {
        try (WsTestServer s = new WsTestServer()) {
            String out = ScriptRun.eval("""
                    ws = websocket("%s")
                    ws.write("close")
                    print(ws.read(5), ws.is_connected())
                    """.formatted(s.url("/"))).ok();
            assertEquals("nil false\n", out);
        }
    }

    @Test
    void handshakeCarriesTheReferenceHeaders() throws IOException {
        try (WsTestServer s = new WsTestServer()) {
            ScriptRun.eval("""
                    ws = websocket("%s", {headers = {Authorization = "Bearer t", ["x-n"] = 7}})
                    ws.close()
                    """.formatted("http://127.0.0.1:" + s.port() + "/Path?q=1")).ok();
            String head = s.heads.get(0);
            assertTrue(head.startsWith("GET /Path?q=1 HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "), head);
            assertTrue(head.contains("\r\nOrigin: ws://127.0.0.1:" + s.port() + "/path?q=1\r\nSec-WebSocket-Version: 13\r\n"
                    + "Authorization: Bearer t\r\nX-N: 7\r\n\r\n"), head);
        }
    }

    @Test
    void messagesOverTheSizeLimitCloseTheConnection() throws IOException {
        try (WsTestServer s = new WsTestServer()) {
            String out = ScriptRun.eval("""
                    ws = websocket("%s", {max_message_size = 10})
                    ws.write("big 5")
                    print(ws.read(2))
                    ws.write("big 11")
                    print(ws.read(2), ws.is_connected())
                    """.formatted(s.url("/"))).ok();
            assertEquals("xxxxx\nnil false\n", out);
        }
    }

    @Test
    void tenDroppedMessagesOverTheRateCloseTheConnection() throws IOException {
        try (WsTestServer s = new WsTestServer()) {
            String out = ScriptRun.eval("""
                    ws = websocket("%s", {max_messages_per_second = 2})
                    ws.write("burst 13")
                    print(ws.read(2), ws.read(2), ws.read(2), ws.is_connected())
                    """.formatted(s.url("/"))).ok();
            assertEquals("m1 m2 nil false\n", out);
        }
    }

    @Test
    void sendWebsocketReachesClientConnectionsById() throws Exception {
        try (WsTestServer s = new WsTestServer(); ClientFixture client = new ClientFixture()) {
            Builtin websocket = (Builtin) client.runtime.registry().lookup("websocket");
            DusoObject ws = (DusoObject) websocket.call(client.interp(), CallArgs.of(s.url("/")));
            WebSockets.Connection c = WebSockets.of(client.runtime).find((String) ws.get("id"));
            assertEquals(4.0, c.queue("ping"));
            Builtin read = (Builtin) ws.get("read");
            assertEquals("ping", read.call(client.interp(), CallArgs.of(2.0)));
            ((Builtin) ws.get("close")).call(client.interp(), CallArgs.of());
            assertEquals(null, WebSockets.of(client.runtime).find((String) ws.get("id")));
        }
    }

    /** Deliberate: the reference delivers each frame of a fragmented message as a message. */
    @Test
    void fragmentedMessagesArriveWhole() throws IOException {
        try (WsTestServer s = new WsTestServer()) {
            String out = ScriptRun.eval("""
                    ws = websocket("%s")
                    ws.write("frag")
                    print(ws.read(2), ws.read(0.2) == "")
                    ws.close()
                    """.formatted(s.url("/"))).ok();
            assertEquals("hello true\n", out);
        }
    }

    /** Deliberate: the reference's close() may drop messages its writer has not sent yet. */
    @Test
    void closeSendsWhatWasQueuedFirst() throws Exception {
        try (WsTestServer s = new WsTestServer()) {
            ScriptRun.eval("""
                    ws = websocket("%s")
                    for i = 1, 50 do
                      ws.write("m" + i)
                    end
                    ws.close()
                    """.formatted(s.url("/sink"))).ok();
            for (int i = 0; i < 50 && s.received.size() < 50; i++) {
                Thread.sleep(20);
            }
            assertEquals(50, s.received.size());
            assertEquals("m50", s.received.get(49));
        }
    }

    @Test
    void failuresUseTheReferenceWording() throws IOException {
        assertEquals("Error: <inline>:1:10: websocket() requires a URL\n", ScriptRun.eval("websocket()").err());
        assertEquals("Error: <inline>:1:10: websocket() URL cannot be empty\n", ScriptRun.eval("websocket(\"\")").err());
        assertEquals("Error: <inline>:1:10: unsupported scheme: ftp (use http, https, ws, or wss)\n",
                ScriptRun.eval("websocket(\"ftp://h/\")").err());
        int closed;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = ss.getLocalPort();
        }
        assertEquals("Error: <inline>:1:10: WebSocket connection failed: websocket.Dial ws://127.0.0.1:" + closed
                + "/ws: dial tcp 127.0.0.1:" + closed + ": connect: connection refused\n",
                ScriptRun.eval("websocket(\"http://127.0.0.1:" + closed + "/ws\")").err());
        try (WsTestServer s = new WsTestServer()) {
            assertEquals("Error: <inline>:1:10: WebSocket connection failed: websocket.Dial " + s.url("/refuse") + ": bad status\n",
                    ScriptRun.eval("websocket(\"" + s.url("/refuse") + "\")").err());
        }
    }
}

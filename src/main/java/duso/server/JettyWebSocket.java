package duso.server;

import duso.runtime.WebSockets;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The Jetty endpoint of one server WebSocket: feeds incoming messages (text, or binary read
 * as text, as the reference's Go library does) to its {@link WebSocketConnection} one at a
 * time (explicit demand, so a full read queue stops reading), applies the size and idle
 * limits, and starts the route's handler script on its own virtual thread once open.
 * Public only because Jetty binds the listener methods through public method handles.
 */
public final class JettyWebSocket implements Session.Listener, WebSocketConnection.Transport {
    private final ServerConfig.WebSocketLimits limits;
    private final WebSocketConnection conn;
    private final Consumer<WebSocketConnection> handler;
    private volatile Session session;

    JettyWebSocket(ServerConfig.WebSocketLimits limits, WebSockets registry, Consumer<WebSocketConnection> handler) {
        this.limits = limits;
        this.conn = new WebSocketConnection(limits, registry);
        this.handler = handler;
    }

    @Override
    public void onWebSocketOpen(Session s) {
        session = s;
        long max = limits.maxMessageSize() > 0 ? limits.maxMessageSize() : Integer.MAX_VALUE;
        s.setMaxTextMessageSize(max);
        s.setMaxBinaryMessageSize(max);
        s.setMaxFrameSize(max);
        long idle = limits.idleTimeoutSeconds();
        s.setIdleTimeout(idle > 0 ? Duration.ofSeconds(idle) : Duration.ofDays(3650));
        conn.opened(this);
        Thread.ofVirtual().name("duso-ws-handler").start(() -> handler.accept(conn));
    }

    @Override
    public void onWebSocketText(String message) {
        conn.received(message);
    }

    @Override
    public void onWebSocketBinary(ByteBuffer payload, Callback callback) {
        byte[] b = new byte[payload.remaining()];
        payload.get(b);
        callback.succeed();
        conn.received(new String(b, StandardCharsets.UTF_8));
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        Session s = session;
        s.sendPong(payload, Callback.NOOP);
        conn.controlFrame();
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        conn.controlFrame();
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason, Callback callback) {
        conn.disconnected();
        callback.succeed();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        conn.disconnected();
    }

    @Override
    public boolean sendText(String message) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return false;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        s.sendText(message, Callback.from(() -> done.complete(true), x -> done.complete(false)));
        try {
            return done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return false;
        }
    }

    @Override
    public void demand() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.demand();
        }
    }

    @Override
    public void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close();
        }
    }
}

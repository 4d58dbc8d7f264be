package duso.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every open WebSocket connection in the process, server side (http_server "WS" routes) and
 * client side (websocket()), by connection id. It lives in the runtime because
 * {@code send_websocket(id, msg)} may target either kind from any script, and the server and
 * client packages must not know each other. A connection registers when it opens and removes
 * itself when it closes.
 */
public final class WebSockets {
    /** What the registry needs from a connection. */
    public interface Connection {
        /** Queues a text message: its size in bytes as a Double, or nil when closed or full. */
        Object queue(String message);

        void close();
    }

    private final ConcurrentHashMap<String, Connection> open = new ConcurrentHashMap<>();

    public static WebSockets of(DusoRuntime runtime) {
        return runtime.service(WebSockets.class, WebSockets::new);
    }

    public void register(String id, Connection c) {
        open.put(id, c);
    }

    public void unregister(String id, Connection c) {
        open.remove(id, c);
    }

    /** The open connection with this id, or null. */
    public Connection find(String id) {
        return open.get(id);
    }

    /** Closes every open connection (shutdown, after the servers have drained). */
    public void closeAll() {
        List<Connection> all = new ArrayList<>(open.values());
        for (Connection c : all) {
            c.close();
        }
    }
}

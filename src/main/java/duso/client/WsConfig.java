package duso.client;

import duso.lang.values.DusoObject;
import duso.lang.values.Render;
import duso.runtime.GoHeaderNames;
import java.util.Map;
import java.util.TreeMap;

/**
 * websocket()'s config object, read as the reference reads it: each limit only when given as a
 * number, durations converted to whole seconds first (so {@code idle_timeout = 0.5} disables
 * the idle timeout), header values rendered with Go's %v. {@code read_timeout} is accepted and
 * kept but, as in the reference, read() without a timeout waits indefinitely.
 */
record WsConfig(TreeMap<String, String> headers, int readQueueSize, int writeQueueSize, long readTimeoutSeconds,
        long idleTimeoutSeconds, long maxMessageSize, int maxMessagesPerSecond) {

    static WsConfig defaults() {
        return new WsConfig(new TreeMap<>(), 100, 100, 30, 300, 65536, 0);
    }

    static WsConfig of(Object config) {
        WsConfig d = defaults();
        if (!(config instanceof DusoObject o)) {
            return d;
        }
        TreeMap<String, String> headers = new TreeMap<>();
        if (o.getOrNull("headers") instanceof DusoObject h) {
            for (Map.Entry<String, Object> e : h.entries()) {
                headers.put(GoHeaderNames.canonical(e.getKey()), Render.goFormat(e.getValue()));
            }
        }
        return new WsConfig(headers,
                (int) number(o, "read_queue_size", d.readQueueSize),
                (int) number(o, "write_queue_size", d.writeQueueSize),
                (long) number(o, "read_timeout", d.readTimeoutSeconds),
                (long) number(o, "idle_timeout", d.idleTimeoutSeconds),
                (long) number(o, "max_message_size", d.maxMessageSize),
                (int) number(o, "max_messages_per_second", d.maxMessagesPerSecond));
    }

    private static double number(DusoObject o, String key, double fallback) {
        return o.getOrNull(key) instanceof Double d ? d : fallback;
    }
}

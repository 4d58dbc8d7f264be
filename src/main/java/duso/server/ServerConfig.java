package duso.server;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code http_server([config])} options with the reference's defaults. As in the
 * reference, an option of the wrong type is ignored rather than rejected (a string port
 * keeps 8080), strings given as other values are formatted with Go's {@code %v}, and
 * durations are whole seconds (0.5 becomes 0).
 */
final class ServerConfig {
    static final long MIB = 1024 * 1024;

    final int port;
    final String address;
    final boolean https;
    final String certFile;
    final String keyFile;
    final long certReloadSeconds;
    final long timeoutSeconds;
    final long handlerTimeoutSeconds;
    final boolean directoryListing;
    final List<String> defaultFiles;
    final String cacheControl;
    final String staticCacheControl;
    final long maxBodySize;
    final long maxHeaderSize;
    final int maxHeaders;
    final int maxFormFields;
    final long idleTimeoutSeconds;
    final boolean accessLog;
    final Cors cors;
    final Jwt jwt;
    final Uploads uploads;
    final WebSocketLimits websocket;
    final int maxWebSocketConnections;

    /** CORS: applied to every response when enabled; OPTIONS requests end with 204. */
    record Cors(boolean enabled, List<String> origins, List<String> methods, List<String> headers,
            boolean credentials, int maxAge) {}

    /** JWT keys and switches; the keys are PEM text. */
    record Jwt(boolean enabled, String secret, String rs256PrivateKey, String rs256PublicKey, boolean required) {}

    /** Multipart uploads: {@code maxSize} is per file, in bytes (configured in KB). */
    record Uploads(boolean enabled, long maxSize) {}

    /** Per-connection WebSocket limits; timeouts in seconds, 0 disables. */
    record WebSocketLimits(int readQueueSize, int writeQueueSize, long idleTimeoutSeconds,
            long maxMessageSize, int maxMessagesPerSecond) {}

    ServerConfig(DusoObject c) {
        port = (int) num(c, "port", 8080);
        address = c.has("address") ? Render.goFormat(c.get("address")) : "0.0.0.0";
        https = c.get("https") instanceof Boolean b && b;
        certFile = c.has("cert_file") ? Render.goFormat(c.get("cert_file")) : "";
        keyFile = c.has("key_file") ? Render.goFormat(c.get("key_file")) : "";
        long reload = (long) num(c, "cert_reload_interval", 86400);
        certReloadSeconds = reload <= 0 ? 86400 : reload;
        timeoutSeconds = (long) num(c, "timeout", 30);
        handlerTimeoutSeconds = (long) num(c, "request_handler_timeout", 30);
        directoryListing = c.get("directory") instanceof Boolean b && b;
        defaultFiles = defaultFiles(c);
        cacheControl = c.has("cache_control") ? Render.goFormat(c.get("cache_control"))
                : "no-cache, no-store, must-revalidate";
        staticCacheControl = c.has("static_cache_control") ? Render.goFormat(c.get("static_cache_control"))
                : "public, max-age=3600";
        maxBodySize = (long) num(c, "max_body_size", 10 * MIB);
        maxHeaderSize = (long) num(c, "max_header_size", 8 * 1024);
        maxHeaders = (int) num(c, "max_headers", 100);
        maxFormFields = (int) num(c, "max_form_fields", 1000);
        idleTimeoutSeconds = (long) num(c, "idle_timeout", 120);
        accessLog = !(c.get("access_log") instanceof Boolean b) || b;
        cors = cors(c.get("cors"));
        jwt = jwt(c.get("jwt"));
        uploads = uploads(c.get("uploads"));
        websocket = websocket(c.get("websocket"));
        maxWebSocketConnections = (int) num(c, "max_websocket_connections", 0);
    }

    private static double num(DusoObject c, String key, double fallback) {
        return c.get(key) instanceof Double d ? d : fallback;
    }

    private static boolean flag(DusoObject c, String key) {
        return c.get(key) instanceof Boolean b && b;
    }

    private static String text(DusoObject c, String key) {
        return c.get(key) instanceof String s ? s : "";
    }

    /** nil, "" and [] clear the list; a string is a comma list; array items must be strings. */
    private static List<String> defaultFiles(DusoObject c) {
        if (!c.has("default")) {
            return List.of("index.html");
        }
        Object v = c.get("default");
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            for (String part : s.split(",", -1)) {
                if (!part.strip().isEmpty()) {
                    out.add(part.strip());
                }
            }
        } else if (v instanceof DusoArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) instanceof String s) {
                    out.add(s);
                }
            }
        } else if (v != Nil.NIL) {
            return List.of("index.html");
        }
        return List.copyOf(out);
    }

    /** A string becomes a one-item list, an array keeps its strings; anything else is empty. */
    private static List<String> strings(Object v, boolean upper) {
        List<String> out = new ArrayList<>();
        if (v instanceof String s) {
            out.add(upper ? s.toUpperCase(Locale.ROOT) : s);
        } else if (v instanceof DusoArray a) {
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i) instanceof String s) {
                    out.add(upper ? s.toUpperCase(Locale.ROOT) : s);
                }
            }
        }
        return List.copyOf(out);
    }

    private static Cors cors(Object v) {
        if (!(v instanceof DusoObject o)) {
            return new Cors(false, List.of(), List.of(), List.of(), false, 0);
        }
        return new Cors(flag(o, "enabled"), strings(o.get("origins"), false), strings(o.get("methods"), true),
                strings(o.get("headers"), false), flag(o, "credentials"), (int) num(o, "max_age", 0));
    }

    private static Jwt jwt(Object v) {
        if (!(v instanceof DusoObject o)) {
            return new Jwt(false, "", "", "", false);
        }
        return new Jwt(flag(o, "enabled"), text(o, "secret"), text(o, "rs256_private_key"),
                text(o, "rs256_public_key"), flag(o, "required"));
    }

    private static Uploads uploads(Object v) {
        if (!(v instanceof DusoObject o)) {
            return new Uploads(false, 0);
        }
        boolean enabled = flag(o, "enabled");
        long max = (long) num(o, "max_size", 0) * 1024;
        return new Uploads(enabled, enabled && max == 0 ? 10 * MIB : max);
    }

    private static WebSocketLimits websocket(Object v) {
        DusoObject o = v instanceof DusoObject d ? d : new DusoObject();
        return new WebSocketLimits((int) num(o, "read_queue_size", 100), (int) num(o, "write_queue_size", 100),
                (long) num(o, "idle_timeout", 300), (long) num(o, "max_message_size", 65536),
                (int) num(o, "max_messages_per_second", 0));
    }
}

package duso.client;

import duso.client.UrlCodec.UrlException;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.NativeFunction;
import duso.runtime.WebSockets;

/**
 * websocket(url [, config]): dials (http/https URLs become ws/wss), upgrades, and returns
 * {id, read([timeout]), write(msg), close(), is_connected()} over a {@link WsClientConnection}.
 * Errors are the reference's: {@code websocket() requires a URL}, {@code unsupported scheme: …},
 * {@code WebSocket connection failed: websocket.Dial URL: …}.
 */
final class WebSocketBuiltin {
    private WebSocketBuiltin() {}

    static Object call(Args a, DusoRuntime rt) {
        Object u = a.raw().at(0);
        if (u == null) {
            u = a.raw().named("url");
            if (u == null) {
                throw Args.error("websocket() requires a URL");
            }
        }
        String text = Render.goFormat(u);
        if (text.isEmpty()) {
            throw Args.error("websocket() URL cannot be empty");
        }
        Object cfg = a.raw().at(1);
        if (cfg == null) {
            cfg = a.raw().named("config");
        }
        WsConfig config = WsConfig.of(cfg);
        GoUrl url;
        try {
            url = GoUrl.parse(text);
        } catch (UrlException e) {
            throw Args.error("invalid WebSocket URL: " + e.getMessage());
        }
        switch (url.scheme) {
            case "http" -> url.scheme = "ws";
            case "https" -> url.scheme = "wss";
            case "ws", "wss" -> { }
            default -> throw Args.error("unsupported scheme: " + url.scheme + " (use http, https, ws, or wss)");
        }
        WsHandshake.Opened opened;
        try (CallControl ctl = new CallControl(a.interp(), -1)) {
            opened = WsHandshake.open(url, config.headers(), null, ctl);
        } catch (WsHandshake.HandshakeException e) {
            throw Args.error("WebSocket connection failed: websocket.Dial " + url + ": " + e.getMessage());
        }
        WsClientConnection conn = new WsClientConnection(opened, config, WebSockets.of(rt));
        conn.start();
        return scriptObject(conn);
    }

    static DusoObject scriptObject(WsClientConnection conn) {
        DusoObject o = new DusoObject(6);
        o.put("id", conn.id);
        o.put("read", new NativeFunction("read", a -> {
            Object t = a.raw().at(0) != null ? a.raw().at(0) : a.raw().named("timeout");
            long nanos = t instanceof Double d && d > 0 ? (long) (d * 1e9) : 0;
            String m = conn.read(a.interp(), nanos);
            return m == null ? Nil.NIL : m;
        }));
        o.put("write", new NativeFunction("write", a -> {
            Object m = a.raw().at(0);
            if (m == null) {
                throw Args.error("write() requires a message argument");
            }
            return conn.queue(Render.goFormat(m));
        }));
        o.put("close", new NativeFunction("close", a -> {
            conn.close();
            return Nil.NIL;
        }));
        o.put("is_connected", new NativeFunction("is_connected", a -> conn.isConnected()));
        return o;
    }
}

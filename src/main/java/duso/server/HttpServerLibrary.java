package duso.server;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.WebSockets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code http_server([config])} and {@code send_websocket(id | [ids], msg)}. Installing the
 * library loads none of the HTTP stack: Jetty's classes are first touched when a script
 * calls {@code start()}.
 */
public final class HttpServerLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("http_server", a -> create(a, rt));
        r.add("send_websocket", a -> sendWebSocket(a, rt));
    }

    private static Object create(Args a, DusoRuntime rt) {
        DusoObject config;
        Object positional = a.raw().at(0);
        if (positional != null) {
            if (!(positional instanceof DusoObject o)) {
                throw Args.error("http_server() argument must be a config object");
            }
            config = o;
        } else if (a.raw().named("config") != null) {
            if (!(a.raw().named("config") instanceof DusoObject o)) {
                throw Args.error("http_server() 'config' argument must be a config object");
            }
            config = o;
        } else {
            config = new DusoObject();
        }
        return new ScriptServer(rt, new ServerConfig(config)).scriptObject();
    }

    /**
     * Queues a message on open connections by id (server or client side): bytes queued or
     * nil per id — one result for one id, an array for an array of ids.
     */
    private static Object sendWebSocket(Args a, DusoRuntime rt) {
        Object idArg = a.raw().at(0) != null ? a.raw().at(0) : a.raw().named("conn_id");
        if (idArg == null) {
            throw Args.error("send_websocket() requires a connection ID or array of IDs");
        }
        List<String> ids = new ArrayList<>();
        if (idArg instanceof DusoArray arr) {
            for (int i = 0; i < arr.size(); i++) {
                String id = Render.goFormat(arr.get(i));
                if (!id.isEmpty()) {
                    ids.add(id);
                }
            }
        } else {
            String id = Render.goFormat(idArg);
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw Args.error("send_websocket() connection ID(s) cannot be empty");
        }
        Object msg = a.raw().at(1) != null ? a.raw().at(1) : a.raw().named("message");
        if (msg == null) {
            throw Args.error("send_websocket() requires a message");
        }
        String message = Render.goFormat(msg);
        WebSockets registry = WebSockets.of(rt);
        if (ids.size() == 1) {
            WebSockets.Connection c = registry.find(ids.get(0));
            return c == null ? Nil.NIL : c.queue(message);
        }
        DusoArray results = new DusoArray(ids.size());
        for (String id : ids) {
            WebSockets.Connection c = registry.find(id);
            results.add(c == null ? Nil.NIL : c.queue(message));
        }
        return results;
    }
}

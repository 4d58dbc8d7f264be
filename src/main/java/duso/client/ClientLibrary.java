package duso.client;

import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * {@code fetch(url [, options])} and {@code websocket(url [, config])}. Registering them loads
 * nothing else: the HTTP and WebSocket machinery is only loaded when a script first calls one.
 */
public final class ClientLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("fetch", a -> FetchBuiltin.call(a, rt));
        r.add("websocket", a -> WebSocketBuiltin.call(a, rt));
    }
}

package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Route order and matching, and config defaults and type handling, without a socket. */
class RoutingAndConfigTest {
    private static final HandlerScript H = new HandlerScript(Path.of("/h.du"), "h.du", null, Path.of("/"));

    private static String find(RouteTable t, String method, String path) {
        RouteTable.Match m = t.find(method, path);
        return m == null ? null : m.route().method() + " " + m.route().path();
    }

    @Test
    void matchingOrder() {
        RouteTable t = new RouteTable();
        for (String p : new String[] {"/*", "/api/*", "/api", "/api/users", "/api/users/:id", "/a*"}) {
            t.add(Route.handler("GET", p, H));
        }
        t.add(Route.handler("*", "/any", H));
        t.add(Route.handler("WS", "/ws", H));
        assertEquals("GET /api/users", find(t, "GET", "/api/users"));
        assertEquals("GET /api/users/:id", find(t, "GET", "/api/users/7"));
        assertEquals("GET /api/*", find(t, "GET", "/api/users/7/x"));
        assertEquals("GET /api", find(t, "GET", "/api"));
        assertEquals("GET /a*", find(t, "GET", "/ab"));
        assertEquals("GET /*", find(t, "GET", "/ws"));
        assertEquals("* /any", find(t, "DELETE", "/any"));
        assertNull(find(t, "POST", "/api"));
        assertEquals("WS /ws", t.findWebSocket("/ws").route().method() + " /ws");
        assertNull(t.findWebSocket("/other"));
        assertEquals("{id=\"7\"}", duso.lang.values.Render.syntax(t.find("GET", "/api/users/7").params()));
        assertNull(t.find("GET", "/api/users").params());
    }

    @Test
    void paramPatternsAreAnchoredAndLiteral() {
        RouteTable t = new RouteTable();
        t.add(Route.handler("GET", "/f.x/:name", H));
        assertNull(find(t, "GET", "/fax/a"));
        assertNull(find(t, "GET", "/f.x/a/b"));
        assertEquals("GET /f.x/:name", find(t, "GET", "/f.x/a.b"));
    }

    @Test
    void configDefaults() {
        ServerConfig c = new ServerConfig(new DusoObject());
        assertEquals(8080, c.port);
        assertEquals("0.0.0.0", c.address);
        assertEquals(List.of("index.html"), c.defaultFiles);
        assertEquals(10L * 1024 * 1024, c.maxBodySize);
        assertEquals(8192, c.maxHeaderSize);
        assertEquals(100, c.maxHeaders);
        assertEquals(1000, c.maxFormFields);
        assertEquals(30, c.timeoutSeconds);
        assertEquals(30, c.handlerTimeoutSeconds);
        assertEquals(120, c.idleTimeoutSeconds);
        assertEquals(86400, c.certReloadSeconds);
        assertEquals("no-cache, no-store, must-revalidate", c.cacheControl);
        assertEquals("public, max-age=3600", c.staticCacheControl);
        assertEquals(new ServerConfig.WebSocketLimits(100, 100, 300, 65536, 0), c.websocket);
        assertEquals(true, c.accessLog);
    }

    @Test
    void configTypesAsTheReference() {
        DusoObject o = new DusoObject();
        o.put("port", "9000");
        o.put("address", 5.0);
        o.put("timeout", 2.9);
        o.put("default", " a.html , ,b.html");
        o.put("cache_control", Nil.NIL);
        o.put("uploads", obj("enabled", true));
        o.put("cors", obj("methods", DusoArray.of("get", 1.0, "Post")));
        ServerConfig c = new ServerConfig(o);
        assertEquals(8080, c.port);
        assertEquals("5", c.address);
        assertEquals(2, c.timeoutSeconds);
        assertEquals(List.of("a.html", "b.html"), c.defaultFiles);
        assertEquals("<nil>", c.cacheControl);
        assertEquals(10L * 1024 * 1024, c.uploads.maxSize());
        assertEquals(List.of("GET", "POST"), c.cors.methods());
        DusoObject none = new DusoObject();
        none.put("default", Nil.NIL);
        assertEquals(List.of(), new ServerConfig(none).defaultFiles);
    }

    private static DusoObject obj(String k, Object v) {
        DusoObject o = new DusoObject();
        o.put(k, v);
        return o;
    }
}

package duso.server;

import duso.lang.values.DusoObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The routes of one server in the reference's matching order: routes without a trailing
 * {@code *} before wildcard routes, each group by path length, longest first (ties keep
 * registration order, where the reference's order is random). A request takes the first
 * route whose path matches and whose method is its own or "*"; WebSocket routes are looked
 * up separately, only for upgrade requests no other route answered.
 *
 * <p>Registration is rare and matching is per request, so the sorted routes are an
 * immutable array replaced on each registration.
 */
final class RouteTable {
    /** A matched route and its path parameters (null when the pattern has none). */
    record Match(Route route, DusoObject params) {}

    private final Map<String, Route> byKey = new LinkedHashMap<>();
    private volatile Route[] sorted = new Route[0];

    synchronized void add(Route r) {
        byKey.put(r.method() + " " + r.path(), r);
        List<Route> all = new ArrayList<>(byKey.values());
        all.sort(Comparator.comparing(Route::isWildcard)
                .thenComparing(Comparator.comparingInt((Route x) -> utf8Length(x.path())).reversed()));
        sorted = all.toArray(new Route[0]);
    }

    boolean isEmpty() {
        return sorted.length == 0;
    }

    /** The route for a request, or null; "*" routes answer every method but WS. */
    Match find(String method, String path) {
        Route[] routes = sorted;
        for (Route r : routes) {
            String m = r.method();
            if (!m.equals(method) && !m.equals("*")) {
                continue;
            }
            String[] params = r.match(path);
            if (params != null) {
                return new Match(r, paramsObject(r, params));
            }
        }
        return null;
    }

    /** The WebSocket route for an upgrade request no other route matched, or null. */
    Match findWebSocket(String path) {
        Match m = find("WS", path);
        return m != null && m.route().isWebSocket() ? m : null;
    }

    private static DusoObject paramsObject(Route r, String[] values) {
        if (r.paramRegex() == null) {
            return null;
        }
        DusoObject o = new DusoObject(values.length);
        for (int i = 0; i < values.length; i++) {
            o.put(r.paramNames().get(i), values[i]);
        }
        return o;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
        }
        return n;
    }
}

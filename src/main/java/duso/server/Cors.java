package duso.server;

import java.util.Map;

/**
 * CORS headers as the reference sets them: an origin is allowed when the list has "*", has
 * the request's Origin, or is empty; then Allow-Origin is "*" (when the list starts with
 * "*") or the request's origin, and the methods, headers, credentials and max-age settings
 * follow. They are set before the handler runs, so a handler's own headers win.
 */
final class Cors {
    private Cors() {}

    /** Adds the headers for this origin; true when the origin is allowed (OPTIONS then ends with 204). */
    static boolean apply(ServerConfig.Cors cors, String origin, Map<String, String> out) {
        boolean allowed = false;
        for (String o : cors.origins()) {
            if (o.equals("*") || o.equals(origin)) {
                allowed = true;
                break;
            }
        }
        if (!allowed && !cors.origins().isEmpty()) {
            return false;
        }
        if (!cors.origins().isEmpty() && cors.origins().get(0).equals("*")) {
            out.put("Access-Control-Allow-Origin", "*");
        } else if (allowed && !origin.isEmpty()) {
            out.put("Access-Control-Allow-Origin", origin);
        }
        if (!cors.methods().isEmpty()) {
            out.put("Access-Control-Allow-Methods", String.join(", ", cors.methods()));
        }
        if (!cors.headers().isEmpty()) {
            out.put("Access-Control-Allow-Headers", String.join(", ", cors.headers()));
        }
        if (cors.credentials()) {
            out.put("Access-Control-Allow-Credentials", "true");
        }
        if (cors.maxAge() > 0) {
            out.put("Access-Control-Max-Age", Integer.toString(cors.maxAge()));
        }
        return true;
    }
}

package duso.server;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One registered route: method ("*" for any, "WS" for WebSocket upgrades), path pattern and
 * what answers it (a handler script, or a static directory). Patterns are exact paths,
 * {@code :name} segments (compiled to an anchored regex, as the reference does) or a trailing
 * {@code *} prefix match.
 */
record Route(String method, String path, HandlerScript handler, Path staticDir, List<String> paramNames,
        Pattern paramRegex) {
    private static final Pattern PARAM = Pattern.compile(":([a-zA-Z_][a-zA-Z0-9_]*)");

    static Route handler(String method, String path, HandlerScript handler) {
        return build(method, path, handler, null);
    }

    static Route staticFiles(String method, String path, Path dir) {
        return new Route(method, path, null, dir, List.of(), null);
    }

    private static Route build(String method, String path, HandlerScript handler, Path dir) {
        Matcher m = PARAM.matcher(path);
        List<String> names = new java.util.ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        int last = 0;
        while (m.find()) {
            names.add(m.group(1));
            regex.append(quote(path.substring(last, m.start()))).append("([^/]+)");
            last = m.end();
        }
        if (names.isEmpty()) {
            return new Route(method, path, handler, dir, List.of(), null);
        }
        regex.append(quote(path.substring(last))).append('$');
        return new Route(method, path, handler, dir, List.copyOf(names), Pattern.compile(regex.toString()));
    }

    private static String quote(String literal) {
        return literal.isEmpty() ? "" : Pattern.quote(literal);
    }

    boolean isStatic() {
        return staticDir != null;
    }

    boolean isWebSocket() {
        return "WS".equals(method);
    }

    boolean isWildcard() {
        return path.endsWith("*");
    }

    /**
     * Matches a request path: the captured parameters (empty array when the pattern has
     * none), or null when the path does not match.
     */
    String[] match(String requestPath) {
        if (paramRegex != null) {
            Matcher m = paramRegex.matcher(requestPath);
            if (!m.matches()) {
                return null;
            }
            String[] values = new String[paramNames.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = m.group(i + 1);
            }
            return values;
        }
        if (isWildcard()) {
            return requestPath.startsWith(path.substring(0, path.length() - 1)) ? NO_PARAMS : null;
        }
        return requestPath.equals(path) ? NO_PARAMS : null;
    }

    private static final String[] NO_PARAMS = new String[0];
}

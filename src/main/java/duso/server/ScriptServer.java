package duso.server;

import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.values.CodeValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.lexer.GoQuote;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.NativeFunction;
import duso.runtime.ScriptInstance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The object {@code http_server([config])} returns, with {@code route}, {@code static} and
 * {@code start}. Routes and configuration are plain data here; nothing of the HTTP stack is
 * touched until {@code start()}.
 */
final class ScriptServer {
    private static final Set<String> METHODS =
            Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE", "CONNECT", "WS", "*");

    private final DusoRuntime runtime;
    private final ServerConfig config;
    private final RouteTable routes = new RouteTable();

    ScriptServer(DusoRuntime runtime, ServerConfig config) {
        this.runtime = runtime;
        this.config = config;
    }

    DusoRuntime runtime() {
        return runtime;
    }

    ServerConfig config() {
        return config;
    }

    RouteTable routes() {
        return routes;
    }

    DusoObject scriptObject() {
        DusoObject o = new DusoObject(3);
        o.put("route", new NativeFunction("route", this::route));
        o.put("static", new NativeFunction("static", this::staticRoute));
        o.put("start", new NativeFunction("start", a -> {
            if (routes.isEmpty()) {
                routes.add(Route.staticFiles("GET", "/*", runtime.cwd()));
                routes.add(Route.staticFiles("HEAD", "/*", runtime.cwd()));
            }
            JettyServer.run(this, a.interp());
            return Nil.NIL;
        }));
        return o;
    }

    /** {@code route(method | [methods] | "*" | nil, path [, handler])}. */
    private Object route(Args a) {
        List<String> methods = methods(a.get(0, "method"));
        if (!(a.get(1, "path") instanceof String path)) {
            throw Args.error("route() requires method, path, and optional handler arguments");
        }
        HandlerScript handler = handler(a.instance(), a.get(2, "handler"));
        for (String m : methods) {
            routes.add(Route.handler(m, path, handler));
        }
        return Nil.NIL;
    }

    private static List<String> methods(Object arg) {
        if (arg == null || arg == Nil.NIL || "".equals(arg) || "*".equals(arg)) {
            return List.of("*");
        }
        if (arg instanceof String s) {
            return List.of(checkMethod(s));
        }
        if (arg instanceof DusoArray a) {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (!(a.get(i) instanceof String s)) {
                    throw Args.error("method array must contain strings, got " + goType(a.get(i)));
                }
                out.add(checkMethod(s));
            }
            return out;
        }
        throw Args.error("method must be string, nil, or []string, got " + goType(arg));
    }

    private static String checkMethod(String m) {
        String upper = m.toUpperCase(Locale.ROOT);
        if (!METHODS.contains(upper)) {
            throw Args.error("invalid HTTP method: " + GoQuote.quote(upper)
                    + " (valid: GET, POST, PUT, DELETE, PATCH, HEAD, OPTIONS, TRACE, CONNECT)");
        }
        return upper;
    }

    /** The Go type the reference names in its route() errors. */
    private static String goType(Object v) {
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v == Nil.NIL) {
            return "<nil>";
        }
        if (v instanceof DusoObject) {
            return "map[string]interface {}";
        }
        if (v instanceof DusoArray) {
            return "[]interface {}";
        }
        return "*script.ValueRef";
    }

    /**
     * The handler: a file named relative to the registering script's directory (errors name
     * it as the reference joins it), parse() code (run as {@code <inline>}), or — when
     * omitted — the registering script itself.
     */
    private HandlerScript handler(ScriptInstance inst, Object arg) {
        if (arg instanceof CodeValue code) {
            CompiledUnit unit = Compiler.compile(code.program(), "<inline>", runtime.registry());
            return new HandlerScript(null, "<inline>", unit, inst.dir());
        }
        String displayDir = GoPaths.dir(inst.file());
        if (arg instanceof String s && !s.isEmpty()) {
            if (s.startsWith("/") && !s.startsWith("/HERE/") && !s.startsWith("/CWD/")) {
                Path file = Path.of(s).normalize();
                return new HandlerScript(file, s, null, file.getParent());
            }
            if (!displayDir.equals(".") && s.startsWith(displayDir + "/")) {
                Path file = runtime.cwd().resolve(s).normalize();
                return new HandlerScript(file, s, null, file.getParent());
            }
            Path file = inst.resolvePath(s);
            String display = s.startsWith("/HERE/") || s.startsWith("/CWD/") ? file.toString()
                    : GoPaths.join(displayDir, s);
            return new HandlerScript(file, display, null, file.getParent());
        }
        String self = inst.file();
        if (self.isEmpty() || self.startsWith("<")) {
            throw Args.error("route() handler path required when script path unknown");
        }
        Path file = inst.dir().resolve(Path.of(self).getFileName().toString()).normalize();
        return new HandlerScript(file, self, null, inst.dir());
    }

    /**
     * {@code static(path, dir)}: GET and HEAD routes serving the directory (resolved against
     * the registering script's directory). A path without a trailing {@code *} also gets a
     * wildcard route below it, so {@code static("/", dir)} serves every file, as documented.
     */
    private Object staticRoute(Args a) {
        if (!(a.get(0, "path") instanceof String path) || !(a.get(1, "directory") instanceof String dir)) {
            throw Args.error("static() requires path and directory arguments");
        }
        Path root = dir.startsWith("/") && !dir.startsWith("/HERE/") && !dir.startsWith("/CWD/")
                ? Path.of(dir).normalize() : a.instance().resolvePath(dir);
        for (String m : List.of("GET", "HEAD")) {
            routes.add(Route.staticFiles(m, path, root));
            if (!path.endsWith("*")) {
                routes.add(Route.staticFiles(m, path.endsWith("/") ? path + "*" : path + "/*", root));
            }
        }
        return Nil.NIL;
    }
}

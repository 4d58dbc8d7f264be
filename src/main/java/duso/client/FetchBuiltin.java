package duso.client;

import duso.client.UrlCodec.UrlException;
import duso.lang.lexer.GoQuote;
import duso.lang.values.BinaryValue;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.GoHeaderNames;
import duso.runtime.NativeFunction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * fetch(url [, options]): reads the arguments with the reference's rules (url and options by
 * position or name; method, body and header values rendered with Go's %v; timeout in seconds,
 * truncated to milliseconds), runs the request on the runtime's {@link HttpEngine}, and
 * returns {status, proto, ok, body, headers, json(), text()}.
 */
final class FetchBuiltin {
    private FetchBuiltin() {}

    /** Stands for an absent or non-object options argument; only ever read. */
    private static final DusoObject NO_OPTIONS = new DusoObject(0);

    static Object call(Args a, DusoRuntime rt) {
        Object url = a.raw().at(0);
        if (url == null) {
            url = a.raw().named("url");
            if (url == null) {
                throw Args.error("fetch() requires a URL");
            }
        }
        Object opts = a.raw().at(1);
        if (opts == null) {
            opts = a.raw().named("options");
        }
        DusoObject options = opts instanceof DusoObject o ? o : NO_OPTIONS;
        OutgoingRequest request = request(url instanceof String u ? u : Render.goFormat(url), options);
        try (CallControl ctl = new CallControl(a.interp(), timeoutNanos(options.getOrNull("timeout")))) {
            HttpEngine.Result r = engine(rt).execute(request, ctl);
            return response(r);
        } catch (HttpEngine.EngineException e) {
            throw Args.error(e.getMessage());
        }
    }

    static HttpEngine engine(DusoRuntime rt) {
        return rt.service(HttpEngine.class, () -> {
            HttpEngine e = new HttpEngine();
            rt.onShutdown(e::shutdown);
            Thread.ofVirtual().name("duso-fetch-warmup").start(new ResponseClasses());
            return e;
        });
    }

    /** The first hop, checked as Go's http.NewRequestWithContext checks it. */
    private static OutgoingRequest request(String url, DusoObject options) {
        Object m = options.getOrNull("method");
        String method = m == null || m == Nil.NIL ? "GET" : Render.goFormat(m);
        if (method.isEmpty()) {
            method = "GET";
        }
        if (!GoHeaderNames.isToken(method)) {
            throw Args.error("fetch() invalid request: net/http: invalid method " + GoQuote.quote(method));
        }
        GoUrl parsed;
        try {
            parsed = GoUrl.parse(url);
        } catch (UrlException e) {
            throw Args.error("fetch() invalid request: " + e.getMessage());
        }
        parsed.dropEmptyPort();
        byte[] body = null;
        Object b = options.getOrNull("body");
        if (b instanceof BinaryValue bin) {
            body = bin.data();
        } else if (b != null && b != Nil.NIL) {
            body = Render.goFormat(b).getBytes(StandardCharsets.UTF_8);
        }
        TreeMap<String, String> headers = new TreeMap<>();
        if (options.getOrNull("headers") instanceof DusoObject h) {
            for (Map.Entry<String, Object> e : h.entries()) {
                headers.put(GoHeaderNames.canonical(e.getKey()), Render.goFormat(e.getValue()));
            }
        }
        return new OutgoingRequest(method, parsed, headers, body);
    }

    /** Whole milliseconds, as the reference truncates; -1 for no timeout. */
    private static long timeoutNanos(Object t) {
        if (t instanceof Double secs && secs > 0) {
            double millis = Math.floor(secs * 1000);
            if (millis > 1e12) {
                return -1;
            }
            return (long) millis * 1_000_000L;
        }
        return -1;
    }

    private static DusoObject response(HttpEngine.Result r) {
        String body = new String(r.body(), StandardCharsets.UTF_8);
        DusoObject o = new DusoObject(8);
        o.put("status", (double) r.status());
        o.put("proto", r.proto());
        o.put("ok", r.status() < 400);
        o.put("body", body);
        o.put("headers", r.headers().toObject());
        o.put("json", new NativeFunction("json", new BodyJson(body)));
        o.put("text", new NativeFunction("text", new BodyText(body)));
        return o;
    }

    /*
     * The response's methods and the first fetch's warm-up are named classes, not lambdas: the
     * response path is not in the AOT cache (its training's fetch is refused), and each lambda
     * is spun on first use, 2-3 ms of a cold process's first response.
     */

    /** A response's {@code json()}. */
    private record BodyJson(String body) implements NativeFunction.Body {
        @Override
        public Object call(Args a) {
            return ResponseJson.parse(body);
        }
    }

    /** A response's {@code text()}. */
    private record BodyText(String body) implements NativeFunction.Body {
        @Override
        public Object call(Args a) {
            return body;
        }
    }

    /**
     * Loads the classes that read a response while the first request waits for its answer:
     * opening the jar and loading them otherwise falls between the first response's arrival
     * and the script seeing it. Building the array is the work (an {@code ldc} of a class
     * constant loads the class); nothing reads it.
     */
    private static final class ResponseClasses implements Runnable {
        @Override
        public void run() {
            Class<?>[] loaded = {ReadBuffers.class, ResponseHead.class, HeaderList.class, HeaderNames.class,
                Http1Codec.Response.class, HttpEngine.Result.class, BodyJson.class, BodyText.class,
                ResponseJson.class, ConnectionPool.Sweeper.class};
        }
    }
}

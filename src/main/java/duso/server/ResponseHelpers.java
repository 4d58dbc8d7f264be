package duso.server;

import duso.lang.nodes.ExitSignal;
import duso.lang.values.DusoObject;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.NativeFunction;
import duso.runtime.json.Json;
import duso.runtime.json.JsonException;
import java.util.Map;

/**
 * The object {@code context().response()} returns. Each helper builds a response object and
 * ends the handler with it exactly as {@code exit(obj)} would: json, text, html, error,
 * redirect, file, binary and response, plus {@code sign_jwt}, which returns a token.
 *
 * <p>Arguments follow the reference: data comes first; status is the next positional
 * argument or {@code status=}; headers are the positional argument after status or
 * {@code headers=}, and win over the helper's defaults (Content-Type, Cache-Control).
 */
final class ResponseHelpers {
    private ResponseHelpers() {}

    static DusoObject build(ServerConfig cfg, String handlerDisplayName) {
        DusoObject o = new DusoObject(12);
        String cache = cfg.cacheControl;
        o.put("json", fn("json", a -> {
            Object data = required(a, "json() requires data argument");
            String body;
            try {
                body = Json.format(data);
            } catch (JsonException e) {
                throw Args.error("failed to marshal JSON: " + e.getMessage());
            }
            return finish(status(a, 1, 200), body, typed("application/json", cache), a, 2);
        }));
        o.put("text", fn("text", a -> finish(status(a, 1, 200),
                Render.goFormat(required(a, "text() requires data argument")),
                typed("text/plain; charset=utf-8", cache), a, 2)));
        o.put("html", fn("html", a -> finish(status(a, 1, 200),
                Render.goFormat(required(a, "html() requires data argument")),
                typed("text/html; charset=utf-8", cache), a, 2)));
        o.put("error", fn("error", a -> {
            double status = status(a, 0, 500);
            Object m = a.raw().at(1) != null ? a.raw().at(1) : a.raw().named("message");
            String message = m == null ? "" : Render.goFormat(m);
            String body = message.isEmpty() ? Long.toString((long) status) : message;
            return finish(status, body, typed("text/plain; charset=utf-8", cache), a, 2);
        }));
        o.put("redirect", fn("redirect", a -> {
            Object url = required(a, "redirect() requires url argument");
            DusoObject headers = new DusoObject();
            headers.put("Location", Render.goFormat(url));
            DusoObject data = response(status(a, 1, 302), headers, a, 2);
            throw new ExitSignal(data);
        }));
        o.put("file", fn("file", a -> {
            Object path = required(a, "file() requires path argument");
            DusoObject data = response(status(a, 1, 200), new DusoObject(), a, 2);
            data.put("filename", Render.goFormat(path));
            data.put("scriptDir", GoPaths.dir(handlerDisplayName));
            throw new ExitSignal(data);
        }));
        o.put("binary", fn("binary", a -> {
            Object bin = required(a, "binary() requires data argument");
            if (!(a.raw().at(1) instanceof String type)) {
                throw Args.error("binary() requires content_type string argument");
            }
            DusoObject headers = new DusoObject();
            headers.put("Content-Type", type);
            DusoObject data = response(status(a, 2, 200), headers, a, 3);
            data.put("binary_data", bin);
            data.put("content_type", type);
            throw new ExitSignal(data);
        }));
        o.put("response", fn("response", a -> {
            Object value = required(a, "response() requires data argument");
            String body;
            if (value instanceof String s) {
                body = s;
            } else {
                try {
                    body = Json.format(value);
                } catch (JsonException e) {
                    body = Render.goFormat(value);
                }
            }
            return finish(status(a, 1, 200), body, new DusoObject(), a, 2);
        }));
        o.put("sign_jwt", fn("sign_jwt", a -> signJwt(a, cfg.jwt)));
        return o;
    }

    private static NativeFunction fn(String name, NativeFunction.Body body) {
        return new NativeFunction(name, body);
    }

    private static Object required(Args a, String message) {
        Object v = a.raw().at(0);
        if (v == null) {
            throw Args.error(message);
        }
        return v;
    }

    /** The positional status if given (a non-number there means the default), else status=. */
    private static double status(Args a, int index, double fallback) {
        Object s = a.raw().at(index);
        if (s == null) {
            s = a.raw().named("status");
        }
        return s instanceof Double d ? d : fallback;
    }

    private static DusoObject typed(String contentType, String cacheControl) {
        DusoObject h = new DusoObject();
        h.put("Content-Type", contentType);
        if (!cacheControl.isEmpty()) {
            h.put("Cache-Control", cacheControl);
        }
        return h;
    }

    private static DusoObject response(double status, DusoObject headers, Args a, int headersIndex) {
        DusoObject supplied = a.raw().at(headersIndex) instanceof DusoObject h ? h
                : a.raw().named("headers") instanceof DusoObject n ? n : null;
        if (supplied != null) {
            for (Map.Entry<String, Object> e : supplied.entries()) {
                headers.put(e.getKey(), e.getValue());
            }
        }
        DusoObject data = new DusoObject(4);
        data.put("status", status);
        data.put("headers", headers);
        return data;
    }

    private static Object finish(double status, String body, DusoObject headers, Args a, int headersIndex) {
        DusoObject data = response(status, headers, a, headersIndex);
        data.put("body", body);
        throw new ExitSignal(data);
    }

    private static Object signJwt(Args a, ServerConfig.Jwt cfg) {
        if (!(a.raw().at(0) instanceof DusoObject claims)) {
            throw Args.error("sign_jwt() requires claims object as first argument");
        }
        String algorithm = "HS256";
        String privateKey = "";
        double expiresIn = 3600;
        Object opt = a.raw().at(1);
        if (opt instanceof Double d) {
            expiresIn = d;
        } else if (opt instanceof DusoObject o) {
            if (o.get("algorithm") instanceof String alg) {
                algorithm = alg;
            }
            if (o.get("private_key") instanceof String k) {
                privateKey = k;
            }
            if (o.get("expires_in") instanceof Double e) {
                expiresIn = e;
            }
        } else if (opt == null && a.raw().named("expires_in") instanceof Double e) {
            expiresIn = e;
        }
        String key = privateKey.isEmpty() ? cfg.rs256PrivateKey() : privateKey;
        try {
            return Jwt.sign(claims, algorithm, cfg.secret(), key, expiresIn);
        } catch (IllegalArgumentException | JsonException e) {
            throw Args.error(e.getMessage());
        }
    }
}

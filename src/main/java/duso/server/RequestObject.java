package duso.server;

import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.NativeFunction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The object {@code context().request()} returns: method, path, proto, host, remote_addr,
 * headers, query, cookies, form, body, files, params (for {@code :name} routes only),
 * {@code verify_jwt([opts])} and {@code jwt_claims}. Built anew on every call, as the
 * reference does, so a handler that changes it cannot affect a later call.
 */
final class RequestObject {
    private RequestObject() {}

    /** Upper bound on multipart parts, well above the form-field limit so that limit decides. */
    static int maxParts(ServerConfig cfg) {
        return Math.max(1000, cfg.maxFormFields + 1);
    }

    static DusoObject build(IncomingRequest r, DusoObject params, ServerConfig cfg) {
        RequestForms forms = r.forms(maxParts(cfg));
        DusoObject o = new DusoObject(16);
        o.put("method", r.method);
        o.put("path", r.path);
        o.put("proto", r.proto);
        o.put("host", r.host());
        o.put("remote_addr", r.remoteIp());
        o.put("headers", FormValues.toObject(r.headers()));
        o.put("query", forms.query.toObject());
        List<String> cookieLines = r.headers().get("Cookie");
        o.put("cookies", cookieLines == null ? new DusoObject() : Cookies.parse(cookieLines).toObject());
        o.put("form", forms.form.toObject());
        o.put("body", r.bodyText());
        o.put("files", cfg.uploads.enabled() ? files(forms.files, cfg.uploads.maxSize()) : new DusoObject());
        if (params != null) {
            o.put("params", params.shallowCopy());
        }
        ServerConfig.Jwt jwt = cfg.jwt;
        o.put("verify_jwt", new NativeFunction("verify_jwt", a -> {
            String publicKey = jwt.rs256PublicKey();
            String secret = jwt.secret();
            if (a.raw().at(0) instanceof DusoObject opts) {
                if (opts.get("public_key") instanceof String k && !k.isEmpty()) {
                    publicKey = k;
                }
                if (opts.get("secret") instanceof String s && !s.isEmpty()) {
                    secret = s;
                }
            }
            DusoObject claims = verify(r, secret, publicKey);
            return claims == null ? Nil.NIL : claims;
        }));
        o.put("jwt_claims", jwt.enabled() ? orNil(verify(r, jwt.secret(), jwt.rs256PublicKey())) : Nil.NIL);
        return o;
    }

    /** The request's bearer token verified with these keys: its claims, or null. */
    static DusoObject verify(IncomingRequest r, String secret, String publicKey) {
        String token = Jwt.bearer(r.header("Authorization"));
        return token == null ? null : Jwt.verify(token, secret, publicKey);
    }

    private static Object orNil(Object v) {
        return v == null ? Nil.NIL : v;
    }

    /** Uploaded files by field: one file is an object, several an array; oversized files are skipped. */
    private static DusoObject files(List<Multipart.FilePart> parts, long maxSize) {
        Map<String, List<DusoObject>> byField = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Multipart.FilePart p : parts) {
            counts.merge(p.field(), 1, Integer::sum);
            if (maxSize > 0 && p.data().length > maxSize) {
                continue;
            }
            byField.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(fileObject(p));
        }
        DusoObject out = new DusoObject();
        for (Map.Entry<String, List<DusoObject>> e : byField.entrySet()) {
            List<DusoObject> fs = e.getValue();
            if (counts.get(e.getKey()) == 1) {
                out.put(e.getKey(), fs.get(0));
            } else {
                DusoArray a = new DusoArray(fs.size());
                fs.forEach(a::add);
                out.put(e.getKey(), a);
            }
        }
        return out;
    }

    private static DusoObject fileObject(Multipart.FilePart p) {
        String type = p.contentType();
        if (type.isEmpty()) {
            type = MediaTypes.byExtension(p.filename());
            if (type == null) {
                type = "application/octet-stream";
            }
        }
        DusoObject f = new DusoObject(4);
        f.put("filename", p.filename());
        f.put("content_type", type);
        f.put("size", (double) p.data().length);
        f.put("data", MediaTypes.isText(type) ? new String(p.data(), StandardCharsets.UTF_8) : new BinaryValue(p.data()));
        return f;
    }
}

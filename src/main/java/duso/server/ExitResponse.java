package duso.server;

import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Render;
import duso.runtime.Datastores;
import duso.runtime.DusoRuntime;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns a handler's response object ({@code exit({status, body, headers})}, or one a
 * response helper built) into a {@link ResponseSpec}, with the reference's rules: status
 * defaults to 200; header values are Go {@code %v} text, arrays repeat the header; a
 * non-empty {@code binary_data} is the body; else {@code filename} is looked up (as given,
 * then under /STORE/, then /STORE/ beside the handler) and served with a type from its
 * extension, or 404 {@code File not found}; else {@code body} formatted with {@code %v}.
 */
final class ExitResponse {
    private ExitResponse() {}

    static ResponseSpec from(DusoObject data, DusoRuntime rt) {
        int status = data.get("status") instanceof Double d ? (int) d.doubleValue() : 200;
        ResponseSpec r = new ResponseSpec(status);
        if (data.get("headers") instanceof DusoObject headers) {
            for (Map.Entry<String, Object> e : headers.entries()) {
                if (e.getValue() instanceof DusoArray values) {
                    r.remove(e.getKey());
                    for (int i = 0; i < values.size(); i++) {
                        r.add(e.getKey(), Render.concat(values.get(i)));
                    }
                } else {
                    r.set(e.getKey(), Render.goFormat(e.getValue()));
                }
            }
        }
        if (data.get("binary_data") instanceof BinaryValue bin && bin.length() > 0) {
            r.body = bin.data();
            return r;
        }
        if (data.get("filename") instanceof String filename) {
            String scriptDir = data.get("scriptDir") instanceof String s ? s : "";
            if (!serveFile(r, filename, scriptDir, rt)) {
                r.status = 404;
                r.body("File not found");
                return r;
            }
            String type = data.get("type") instanceof String t ? t : MediaTypes.forServedFile(filename);
            if (r.header("Content-Type") == null) {
                r.set("Content-Type", type);
            }
            return r;
        }
        if (data.has("body")) {
            r.body(Render.goFormat(data.get("body")));
        }
        return r;
    }

    /** Finds the file and attaches it to the response; false when no attempt finds it. */
    static boolean serveFile(ResponseSpec r, String filename, String scriptDir, DusoRuntime rt) {
        if (filename.startsWith("/STORE/")) {
            return fromStore(r, filename.substring(7), rt);
        }
        Path disk = rt.cwd().resolve(filename);
        try {
            if (Files.isRegularFile(disk)) {
                r.file = disk;
                r.fileSize = Files.size(disk);
                return true;
            }
        } catch (IOException | SecurityException e) {
            // unreadable: try the virtual locations, as the reference does
        }
        if (fromStore(r, filename, rt)) {
            return true;
        }
        return !scriptDir.isEmpty() && fromStore(r, GoPaths.join(scriptDir, filename), rt);
    }

    /** A /STORE/ virtual file: a string in the duso_vfs datastore. */
    private static boolean fromStore(ResponseSpec r, String key, DusoRuntime rt) {
        if (key.isEmpty()) {
            return false;
        }
        Object v;
        try {
            v = Datastores.of(rt).get("duso_vfs", key);
        } catch (IllegalStateException noDatastores) {
            return false;
        }
        if (!(v instanceof String s)) {
            return false;
        }
        r.body = s.getBytes(StandardCharsets.UTF_8);
        return true;
    }
}

package duso.server;

import java.util.Locale;
import java.util.Map;

/**
 * Content types by file extension: the reference's own table for files it serves (unknown
 * extensions are served as text so odd formats show in the browser), Go's built-in
 * {@code mime.TypeByExtension} table for uploads whose part names no type, and the MIME
 * types whose uploads reach scripts as strings rather than binary values.
 */
final class MediaTypes {
    private MediaTypes() {}

    private static final String TEXT = "text/plain; charset=utf-8";

    private static final Map<String, String> SERVED = Map.ofEntries(
            Map.entry(".html", "text/html; charset=utf-8"), Map.entry(".htm", "text/html; charset=utf-8"),
            Map.entry(".txt", TEXT), Map.entry(".md", "text/markdown; charset=utf-8"),
            Map.entry(".markdown", "text/markdown; charset=utf-8"),
            Map.entry(".json", "application/json; charset=utf-8"), Map.entry(".xml", "application/xml; charset=utf-8"),
            Map.entry(".css", "text/css; charset=utf-8"), Map.entry(".js", "application/javascript; charset=utf-8"),
            Map.entry(".mjs", "application/javascript; charset=utf-8"), Map.entry(".ts", "text/typescript; charset=utf-8"),
            Map.entry(".tsx", "text/typescript; charset=utf-8"), Map.entry(".py", "text/x-python; charset=utf-8"),
            Map.entry(".go", "text/x-go; charset=utf-8"), Map.entry(".rs", "text/x-rust; charset=utf-8"),
            Map.entry(".rb", "text/x-ruby; charset=utf-8"), Map.entry(".java", "text/x-java; charset=utf-8"),
            Map.entry(".c", "text/x-c; charset=utf-8"), Map.entry(".cpp", "text/x-c++src; charset=utf-8"),
            Map.entry(".h", "text/x-c; charset=utf-8"), Map.entry(".sh", "text/x-shellscript; charset=utf-8"),
            Map.entry(".bash", "text/x-shellscript; charset=utf-8"), Map.entry(".du", "text/x-duso; charset=utf-8"),
            Map.entry(".yaml", "text/yaml; charset=utf-8"), Map.entry(".yml", "text/yaml; charset=utf-8"),
            Map.entry(".toml", "text/x-toml; charset=utf-8"), Map.entry(".ini", TEXT), Map.entry(".cfg", TEXT),
            Map.entry(".conf", TEXT), Map.entry(".png", "image/png"), Map.entry(".jpg", "image/jpeg"),
            Map.entry(".jpeg", "image/jpeg"), Map.entry(".gif", "image/gif"), Map.entry(".svg", "image/svg+xml"),
            Map.entry(".webp", "image/webp"), Map.entry(".ico", "image/x-icon"), Map.entry(".pdf", "application/pdf"),
            Map.entry(".zip", "application/zip"), Map.entry(".gz", "application/gzip"),
            Map.entry(".mp3", "audio/mpeg"), Map.entry(".mp4", "video/mp4"), Map.entry(".webm", "video/webm"),
            Map.entry(".wav", "audio/wav"));

    private static final Map<String, String> GO_BUILTIN = Map.ofEntries(
            Map.entry(".avif", "image/avif"), Map.entry(".css", "text/css; charset=utf-8"),
            Map.entry(".gif", "image/gif"), Map.entry(".htm", "text/html; charset=utf-8"),
            Map.entry(".html", "text/html; charset=utf-8"), Map.entry(".jpeg", "image/jpeg"),
            Map.entry(".jpg", "image/jpeg"), Map.entry(".js", "text/javascript; charset=utf-8"),
            Map.entry(".json", "application/json"), Map.entry(".mjs", "text/javascript; charset=utf-8"),
            Map.entry(".pdf", "application/pdf"), Map.entry(".png", "image/png"),
            Map.entry(".svg", "image/svg+xml"), Map.entry(".wasm", "application/wasm"),
            Map.entry(".webp", "image/webp"), Map.entry(".xml", "text/xml; charset=utf-8"));

    private static final String[] TEXT_PREFIXES = {"text/", "application/json", "application/xml",
        "application/xhtml+xml", "application/javascript", "application/x-yaml", "application/yaml"};

    /** The type a served file gets from its name (text/plain for anything unknown). */
    static String forServedFile(String name) {
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return TEXT;
        }
        return SERVED.getOrDefault(name.substring(dot).toLowerCase(Locale.ROOT), TEXT);
    }

    /** Go's built-in extension table, or null. */
    static String byExtension(String filename) {
        int slash = filename.lastIndexOf('/');
        int dot = filename.lastIndexOf('.');
        if (dot < 0 || dot < slash) {
            return null;
        }
        String ext = filename.substring(dot);
        String t = GO_BUILTIN.get(ext);
        return t != null ? t : GO_BUILTIN.get(ext.toLowerCase(Locale.ROOT));
    }

    /** Upload parts of these types reach scripts as strings, the rest as binary. */
    static boolean isText(String contentType) {
        for (String p : TEXT_PREFIXES) {
            if (contentType.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}

package duso.runtime.lib;

import duso.lang.nodes.CallArgs;
import duso.lang.nodes.Ops;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.json.Json;
import duso.runtime.json.JsonException;

/**
 * format_json and parse_json. Both read positional arguments only, as the reference does
 * (a named {@code indent = 2} is ignored there too); the work is done by {@link Json}.
 */
public final class JsonLibrary implements Library {
    /** More spaces than any indent anyone wants; beyond it the reference runs out of memory. */
    private static final int MAX_INDENT = 1 << 16;

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("format_json", JsonLibrary::format);
        r.add("parse_json", JsonLibrary::parse);
    }

    private static Object format(Args a) {
        CallArgs raw = a.raw();
        if (raw.count() < 1) {
            throw Args.error("format_json() requires at least one argument");
        }
        String indent = indent(raw.at(1));
        try {
            return Json.format(raw.at(0), indent);
        } catch (JsonException e) {
            throw Args.error("format_json() failed to serialize: " + e.getMessage());
        }
    }

    /** A number is that many spaces (none when not positive), a string is used as is. */
    private static String indent(Object v) {
        if (v instanceof Double d) {
            // Go's int() on amd64: toward zero, and the lowest int64 for NaN, the infinities
            // and anything out of range (Ops.goInt64), which is no indent at all.
            long n = Ops.goInt64(d);
            if (n <= 0) {
                return "";
            }
            if (n > MAX_INDENT) {
                throw Args.error("format_json() indent is too large");
            }
            return " ".repeat((int) n);
        }
        return v instanceof String s ? s : "";
    }

    private static Object parse(Args a) {
        if (!(a.raw().at(0) instanceof String text)) {
            throw Args.error("parse_json() requires a string as first argument");
        }
        try {
            return Json.parse(text);
        } catch (JsonException e) {
            throw Args.error("parse_json() failed to parse JSON: " + e.getMessage());
        }
    }
}

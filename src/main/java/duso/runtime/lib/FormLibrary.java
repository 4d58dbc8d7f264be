package duso.runtime.lib;

import duso.lang.lexer.GoQuote;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.lang.values.Values;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.formats.UrlQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * parse_form and format_form: form-urlencoded text ({@link UrlQuery}) to and from objects. A
 * repeated key is an array of its values, a single key a string, the shape request().query
 * has. format_form writes scalars in their concatenation form, one pair per array element,
 * leaves nil out, and refuses anything it cannot spell (nested objects, functions, …).
 */
public final class FormLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("parse_form", FormLibrary::parse);
        r.add("format_form", FormLibrary::format);
    }

    private static Object parse(Args a) {
        String text = a.string(0, "str", "a string as first argument");
        UrlQuery.Parsed parsed = UrlQuery.parse(text.startsWith("?") ? text.substring(1) : text);
        if (parsed.error() != null) {
            throw Args.error("parse_form() error: " + parsed.error());
        }
        DusoObject out = new DusoObject(parsed.values().size());
        for (Map.Entry<String, List<String>> e : parsed.values().entrySet()) {
            out.put(e.getKey(), multiValued(e.getValue()));
        }
        return out;
    }

    /** One value as a string, several as an array of strings. */
    public static Object multiValued(List<String> values) {
        return values.size() == 1 ? values.get(0) : DusoArray.copyOf(values);
    }

    private static Object format(Args a) {
        DusoObject object = a.object(0, "object", "an object as first argument");
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : object.entries()) {
            String key = e.getKey();
            Object v = e.getValue();
            if (v == Nil.NIL) {
                continue; // nil means "not provided": no key at all, unlike ""
            }
            if (v instanceof DusoArray arr) {
                for (int i = 0; i < arr.size(); i++) {
                    Object item = arr.get(i);
                    if (item != Nil.NIL) {
                        values.computeIfAbsent(key, k -> new ArrayList<>()).add(Render.concat(item));
                    }
                }
                continue;
            }
            values.computeIfAbsent(key, k -> new ArrayList<>()).add(field(key, v));
        }
        return UrlQuery.encode(values);
    }

    private static String field(String key, Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double || v instanceof Boolean) {
            return Render.concat(v);
        }
        if (v instanceof DusoObject) {
            throw Args.error("format_form() cannot encode nested object at key " + GoQuote.quote(key)
                    + " — flatten it first");
        }
        throw Args.error("format_form() cannot encode " + Values.kind(v) + " at key " + GoQuote.quote(key));
    }
}

package duso.server;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Name → values maps as Go's {@code url.Values}: query strings and urlencoded bodies parsed
 * with Go's {@code ParseQuery} rules (pairs split on {@code &}, a pair containing {@code ;} or
 * a bad escape is dropped, {@code +} is a space), and turned into script objects where a
 * name given once is a string and a repeated name an array.
 */
final class FormValues {
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private boolean malformed;

    void add(String name, String value) {
        values.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
    }

    void addAll(FormValues other) {
        for (Map.Entry<String, List<String>> e : other.values.entrySet()) {
            for (String v : e.getValue()) {
                add(e.getKey(), v);
            }
        }
    }

    /** Distinct names. */
    int size() {
        return values.size();
    }

    /** True when some pair was dropped (Go's ParseQuery returned an error). */
    boolean malformed() {
        return malformed;
    }

    Map<String, List<String>> asMap() {
        return values;
    }

    /** Parses a query string or urlencoded body into this map. */
    FormValues parse(String query) {
        int i = 0;
        int n = query.length();
        while (i < n) {
            int amp = query.indexOf('&', i);
            int end = amp < 0 ? n : amp;
            String pair = query.substring(i, end);
            i = end + 1;
            if (pair.indexOf(';') >= 0) {
                malformed = true;
                continue;
            }
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = unescape(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : unescape(pair.substring(eq + 1));
            if (k == null || v == null) {
                malformed = true;
                continue;
            }
            add(k, v);
        }
        return this;
    }

    /** Go's QueryUnescape: {@code +} is a space, {@code %XX} a byte; null on a bad escape. */
    static String unescape(String s) {
        if (s.indexOf('%') < 0 && s.indexOf('+') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] in = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < in.length; i++) {
            byte b = in[i];
            if (b == '+') {
                out.write(' ');
            } else if (b == '%') {
                if (i + 2 >= in.length) {
                    return null;
                }
                int hi = Character.digit(in[i + 1], 16);
                int lo = Character.digit(in[i + 2], 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else {
                out.write(b);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The script object: one value → string, several → array of strings. */
    DusoObject toObject() {
        return toObject(values);
    }

    static DusoObject toObject(Map<String, List<String>> map) {
        DusoObject o = new DusoObject(map.size());
        for (Map.Entry<String, List<String>> e : map.entrySet()) {
            o.put(e.getKey(), multiValued(e.getValue()));
        }
        return o;
    }

    static Object multiValued(List<String> vs) {
        if (vs.size() == 1) {
            return vs.get(0);
        }
        DusoArray a = new DusoArray(vs.size());
        for (String v : vs) {
            a.add(v);
        }
        return a;
    }
}

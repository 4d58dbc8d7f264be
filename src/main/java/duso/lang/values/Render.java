package duso.lang.values;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The reference's three value renderers, kept distinct because scripts see all three:
 * <ul>
 *   <li>{@link #display}: print, write, error, template {{…}}: strings raw, else {@link #syntax}.</li>
 *   <li>{@link #syntax}: tostring and nested values: Duso-like syntax, object keys sorted,
 *       numbers via {@link NumberFormat#display}.</li>
 *   <li>{@link #concat}: string concatenation, join, object keys: numbers never in exponent
 *       form, top-level object keys in iteration order.</li>
 * </ul>
 * plus {@link #goFormat}, Go's {@code %v}, used for thrown non-string values and HTTP bodies.
 */
public final class Render {
    private Render() {}

    public static String display(Object v) {
        if (v instanceof String s) {
            return s;
        }
        return v instanceof Double d ? NumberFormat.display(d) : syntax(v);
    }

    /** {@link #display(Object)} appended to b. */
    public static void display(Object v, StringBuilder b) {
        if (v instanceof String s) {
            b.append(s);
        } else {
            syntax(v, b);
        }
    }

    public static String syntax(Object v) {
        StringBuilder b = new StringBuilder();
        syntax(v, b);
        return b.toString();
    }

    public static void syntax(Object v, StringBuilder b) {
        if (v instanceof Double d) {
            NumberFormat.display(d, b);
        } else if (v instanceof String s) {
            quote(s, b);
        } else if (v instanceof Boolean x) {
            b.append(x ? "true" : "false");
        } else if (v instanceof DusoArray a) {
            b.append('[');
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                syntax(a.get(i), b);
            }
            b.append(']');
        } else if (v instanceof DusoObject o) {
            b.append('{');
            boolean first = true;
            for (String k : sortedKeys(o)) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(k).append('=');
                syntax(o.get(k), b);
            }
            b.append('}');
        } else {
            b.append(opaque(v, true));
        }
    }

    /** Keys in byte order, as the reference sorts them for print, tostring, JSON and snapshots. */
    public static List<String> sortedKeys(DusoObject o) {
        List<String> keys = new ArrayList<>(o.keys());
        if (keys.size() > 1) {
            Collections.sort(keys, Values::compareStrings);
        }
        return keys;
    }

    private static void quote(String s, StringBuilder b) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c);
            }
        }
        b.append('"');
    }

    /** Values without a literal syntax; {@code inSyntax} distinguishes form B from form C. */
    private static String opaque(Object v, boolean inSyntax) {
        if (v == Nil.NIL || v == null) {
            return "nil";
        }
        if (v instanceof FunctionValue) {
            return "<function>";
        }
        if (v instanceof CodeValue) {
            return "<code>";
        }
        if (v instanceof ErrorValue e) {
            return inSyntax ? "error(" + syntax(e.message()) + ")" : concat(e.message());
        }
        if (v instanceof BinaryValue bin) {
            Object fn = bin.metadata().getOrNull("filename");
            if (fn instanceof String name && !name.isEmpty()) {
                return "<binary: " + name + " (" + bin.length() + " bytes)>";
            }
            return "<binary: " + bin.length() + " bytes>";
        }
        if (v instanceof RegexValue r) {
            return inSyntax ? "<regex>" : "~" + r.pattern() + "~";
        }
        return "<unknown>";
    }

    /** Concatenation form ({@code "s" + v}, join, object keys from values). */
    public static String concat(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d) {
            return NumberFormat.concat(d);
        }
        if (v instanceof Boolean x) {
            return x ? "true" : "false";
        }
        if (v instanceof DusoArray a) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                syntax(a.get(i), b);
            }
            return b.append(']').toString();
        }
        if (v instanceof DusoObject o) {
            StringBuilder b = new StringBuilder("{");
            boolean first = true;
            for (Map.Entry<String, Object> e : o.entries()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                b.append(e.getKey()).append('=');
                syntax(e.getValue(), b);
            }
            return b.append('}').toString();
        }
        return opaque(v, false);
    }

    /**
     * Go's {@code %v} of the value as the reference hands it to Go code: objects as
     * {@code map[k:v …]} (sorted), arrays as {@code &[…]} of concatenation forms, numbers as
     * {@code %g}, nil as {@code <nil>}.
     */
    public static String goFormat(Object v) {
        StringBuilder b = new StringBuilder();
        goFormat(v, b);
        return b.toString();
    }

    private static void goFormat(Object v, StringBuilder b) {
        if (v instanceof String s) {
            b.append(s);
        } else if (v instanceof Double d) {
            b.append(NumberFormat.formatG(d));
        } else if (v instanceof Boolean x) {
            b.append(x ? "true" : "false");
        } else if (v == Nil.NIL || v == null) {
            b.append("<nil>");
        } else if (v instanceof DusoObject o) {
            b.append("map[");
            boolean first = true;
            for (String k : sortedKeys(o)) {
                if (!first) {
                    b.append(' ');
                }
                first = false;
                b.append(k).append(':');
                goFormat(o.get(k), b);
            }
            b.append(']');
        } else if (v instanceof DusoArray a) {
            b.append("&[");
            for (int i = 0; i < a.size(); i++) {
                if (i > 0) {
                    b.append(' ');
                }
                b.append(concat(a.get(i)));
            }
            b.append(']');
        } else {
            b.append("&{").append(concat(v)).append('}');
        }
    }
}

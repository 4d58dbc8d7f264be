package duso.runtime.lib;

import duso.lang.lexer.GoStrings;
import duso.lang.nodes.Ops;
import duso.lang.values.DusoArray;
import duso.lang.values.Nil;
import duso.lang.values.NumberFormat;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;

/**
 * upper, lower, trim, substr, split, join, repeat, pad_left, pad_right and escape_html.
 *
 * <p>Positions and widths count code points (Go runes), case mapping is Go's per-rune simple
 * mapping (so {@code upper("straße")} keeps the ß, unlike {@code String.toUpperCase}), and
 * each builtin reads its arguments exactly as the reference does: some only by position, some
 * by name or position. Strings that need no change are returned as they are, uncopied.
 */
public final class StringsLibrary implements Library {
    /** Longest string repeat() and pad_*() may build, in chars (what a Java array can hold). */
    private static final long MAX_RESULT = Integer.MAX_VALUE - 16;

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("upper", a -> mapCase(coerced(a.raw().at(0), "upper"), true));
        r.add("lower", a -> mapCase(coerced(a.raw().at(0), "lower"), false));
        r.add("trim", StringsLibrary::trim);
        r.add("substr", StringsLibrary::substr);
        r.add("split", StringsLibrary::split);
        r.add("join", StringsLibrary::join);
        r.add("repeat", StringsLibrary::repeat);
        r.add("pad_left", a -> pad(a, true));
        r.add("pad_right", a -> pad(a, false));
        r.add("escape_html", StringsLibrary::escapeHtml);
    }

    /**
     * upper/lower's argument as text: strings as they are, whole numbers as int64 digits,
     * other numbers in Go's {@code %v}, anything else in Go's {@code %v} ({@code <nil>} for nil).
     */
    private static String coerced(Object v, String function) {
        if (v == null) {
            throw Args.error(function + "() requires an argument");
        }
        return goText(v);
    }

    /** The reference's string coercion for upper, lower and pad_*. */
    private static String goText(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Double d && NumberFormat.isInt64(d)) {
            return Long.toString(d.longValue());
        }
        return Render.goFormat(v);
    }

    /**
     * Go's strings.ToUpper/ToLower: each rune mapped on its own by the simple case mapping.
     * Returns s itself when no rune changes.
     */
    static String mapCase(String s, boolean upper) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (caseOf(cp, upper) != cp) {
                break;
            }
            i += Character.charCount(cp);
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n).append(s, 0, i);
        while (i < n) {
            int cp = s.codePointAt(i);
            b.appendCodePoint(caseOf(cp, upper));
            i += Character.charCount(cp);
        }
        return b.toString();
    }

    private static int caseOf(int cp, boolean upper) {
        return upper ? Character.toUpperCase(cp) : Character.toLowerCase(cp);
    }

    private static Object trim(Args a) {
        Object v = a.raw().at(0);
        if (v == null) {
            throw Args.error("trim() requires an argument");
        }
        if (v instanceof String s) {
            return GoStrings.trimSpace(s);
        }
        throw Args.error("trim() requires a string");
    }

    /**
     * substr(str, pos [, length]) in runes. A negative pos counts from the end; a length that
     * is not a number is ignored. A negative length crashes the reference; here it is an error.
     */
    private static Object substr(Args a) {
        String s = a.string(0, "str", "a string as first argument");
        long start = Ops.goInt64(a.number(1, "pos", "a number as second argument"));
        int runes = s.codePointCount(0, s.length());
        if (start < 0) {
            start = Math.max(0, runes + start);
        }
        if (start >= runes) {
            return "";
        }
        int from = s.offsetByCodePoints(0, (int) start);
        if (!(a.get(2, "length") instanceof Double length)) {
            return s.substring(from);
        }
        long count = Ops.goInt64(length);
        if (count < 0) {
            throw Args.error("substr() length must be non-negative");
        }
        if (count >= runes - start) {
            return s.substring(from);
        }
        return s.substring(from, s.offsetByCodePoints(from, (int) count));
    }

    /** Go's strings.Split: every separator occurrence splits; an empty separator splits runes. */
    private static Object split(Args a) {
        if (!(a.raw().at(0) instanceof String s)) {
            throw a.fail("a string as first argument");
        }
        if (!(a.raw().at(1) instanceof String sep)) {
            throw a.fail("a string separator as second argument");
        }
        DusoArray parts = new DusoArray();
        if (sep.isEmpty()) {
            for (int i = 0; i < s.length(); ) {
                int next = i + Character.charCount(s.codePointAt(i));
                parts.add(s.substring(i, next));
                i = next;
            }
            return parts;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(from == 0 ? s : s.substring(from));
        return parts;
    }

    /** Elements in concatenation form (the form {@code "" + v} uses) between separators. */
    private static Object join(Args a) {
        if (!(a.raw().at(0) instanceof DusoArray arr)) {
            throw a.fail("an array as first argument");
        }
        if (!(a.raw().at(1) instanceof String sep)) {
            throw a.fail("a string separator as second argument");
        }
        int n = arr.size();
        if (n == 1) {
            return Render.concat(arr.get(0));
        }
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                b.append(sep);
            }
            b.append(Render.concat(arr.get(i)));
        }
        return b.toString();
    }

    private static Object repeat(Args a) {
        if (!(a.raw().at(0) instanceof String s)) {
            throw a.fail("a string as first argument");
        }
        if (!(a.raw().at(1) instanceof Double count)) {
            throw a.fail("a number as second argument");
        }
        long n = Ops.goInt64(count);
        if (n < 0) {
            throw Args.error("repeat() count must be non-negative");
        }
        if (s.isEmpty() || n == 0) {
            return "";
        }
        if (n > MAX_RESULT / s.length()) {
            throw Args.error("repeat() result is too large");
        }
        return repeated(s, n, "repeat");
    }

    /**
     * s repeated n times (n × length within a Java string's limit). A single allocation the
     * heap cannot hold fails cleanly, so it becomes the script error the size check gives.
     */
    private static String repeated(String s, long n, String function) {
        try {
            return s.repeat((int) n);
        } catch (OutOfMemoryError e) {
            throw Args.error(function + "() result is too large");
        }
    }

    /** pad_left/pad_right(str, width [, char]): pads to width runes with one pad rune. */
    private static Object pad(Args a, boolean left) {
        String function = a.function();
        String s = goText(a.value(0, "str"));
        if (!(a.get(1, "width") instanceof Double width)) {
            throw a.fail("a number as second argument");
        }
        String padChar = " ";
        Object c = a.get(2, "char");
        if (c != null && c != Nil.NIL) {
            padChar = goText(c);
            if (padChar.codePointCount(0, padChar.length()) != 1) {
                throw Args.error(function + "() pad character must be a single character");
            }
        }
        // Go's int(width) is the lowest int64 for NaN, infinities and out-of-range widths
        // (amd64), which no string is shorter than; the subtraction must not wrap past it.
        long w = Ops.goInt64(width);
        long missing = w == Long.MIN_VALUE ? 0 : w - s.codePointCount(0, s.length());
        if (missing <= 0) {
            return s;
        }
        if (missing > (MAX_RESULT - s.length()) / padChar.length()) {
            throw Args.error(function + "() result is too large");
        }
        String padding = repeated(padChar, missing, function);
        return left ? padding.concat(s) : s.concat(padding);
    }

    /**
     * Escapes the five HTML-special characters in one pass (so an existing entity's {@code &}
     * is escaped once). nil becomes "", other non-strings their tostring() form.
     */
    private static Object escapeHtml(Args a) {
        Object v = a.raw().at(0);
        if (v == null) {
            v = a.raw().named("value");
        }
        if (v == null || v == Nil.NIL) {
            return "";
        }
        String s = v instanceof String str ? str : Render.syntax(v);
        int i = 0;
        int n = s.length();
        while (i < n && htmlEntity(s.charAt(i)) == null) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder b = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char ch = s.charAt(i);
            String entity = htmlEntity(ch);
            if (entity == null) {
                b.append(ch);
            } else {
                b.append(entity);
            }
        }
        return b.toString();
    }

    private static String htmlEntity(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}

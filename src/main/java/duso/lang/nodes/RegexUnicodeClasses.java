package duso.lang.nodes;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

/**
 * Unicode classes ({@code \p{So}}, {@code \pL}, {@code \P{Greek}}, {@code \p{^Han}}) spelled out
 * as code point ranges from the JDK's character data before re2j sees a pattern. re2j's own
 * tables stop at Unicode 6.0, so it left out every character added since (most emoji from
 * {@code \p{So}}, {@code ₽} and {@code ₿} from {@code \p{Sc}}) and refused the scripts added
 * since (Adlam, Osage, …), which Go's regexp, on Unicode 15, matches and accepts. The JDK's
 * data is Unicode 16: closer to Go's than re2j's by nine versions.
 *
 * <p>Where re2j has a table for the name, the class stays and only the code points its table
 * lacks are added as ranges ({@code [\p{L}\x{…}-\x{…}…]}), which keeps re2j's parse of a large
 * class cheap. A pattern without {@code \p} or {@code \P} is returned as it is. A name neither
 * Go nor the JDK knows is left in place, so re2j reports it as Go would.
 */
final class RegexUnicodeClasses {
    private static final int MAX_RUNE = 0x10FFFF;
    private static final Map<String, int[]> CACHE = new ConcurrentHashMap<>();
    /** Character.getType along the code points, filled on first use. */
    private static volatile int[] typeRuns;
    /** Character.UnicodeScript ordinals along the code points, filled on first use. */
    private static volatile int[] scriptRuns;
    /** re2j's category and script tables (read once), to add only what they lack. */
    private static volatile Map<String, int[][]>[] re2jTables;
    private static volatile boolean re2jTablesMissing;

    private RegexUnicodeClasses() {}

    /** The pattern with each known Unicode class replaced by its ranges. */
    static String rewrite(String pattern) {
        if (pattern.indexOf("\\p") < 0 && pattern.indexOf("\\P") < 0) {
            return pattern;
        }
        StringBuilder out = new StringBuilder(pattern.length() + 64);
        boolean inClass = false;
        int n = pattern.length();
        int i = 0;
        while (i < n) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = pattern.charAt(i + 1);
                if (e == 'Q') {
                    int end = pattern.indexOf("\\E", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    out.append(pattern, i, stop);
                    i = stop;
                    continue;
                }
                if (e == 'p' || e == 'P') {
                    int next = unicodeClass(pattern, i, e == 'P', inClass, out);
                    if (next > 0) {
                        i = next;
                        continue;
                    }
                }
                out.append(c).append(e);
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == '[' && i + 1 < n && pattern.charAt(i + 1) == ':') {
                    int end = pattern.indexOf(":]", i + 2);
                    int stop = end < 0 ? i + 1 : end + 2;
                    out.append(pattern, i, stop);
                    i = stop;
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
                out.append(c);
                i++;
                continue;
            }
            out.append(c);
            i++;
            if (c == '[') {
                inClass = true;
                if (i < n && pattern.charAt(i) == '^') {
                    out.append('^');
                    i++;
                }
                if (i < n && pattern.charAt(i) == ']') { // a leading ] is a literal
                    out.append(']');
                    i++;
                }
            }
        }
        return out.toString();
    }

    /**
     * Writes the class at {@code at} ({@code \p…}) as ranges and returns the index after it,
     * or 0 to leave it to re2j.
     */
    private static int unicodeClass(String pattern, int at, boolean negated, boolean inClass, StringBuilder out) {
        int n = pattern.length();
        int nameStart = at + 2;
        String name;
        int next;
        if (nameStart < n && pattern.charAt(nameStart) == '{') {
            int close = pattern.indexOf('}', nameStart);
            if (close < 0) {
                return 0;
            }
            name = pattern.substring(nameStart + 1, close);
            next = close + 1;
        } else if (nameStart < n) {
            name = pattern.substring(nameStart, nameStart + 1);
            next = nameStart + 1;
        } else {
            return 0;
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        int[] ranges = ranges(name);
        if (ranges == null) {
            return 0;
        }
        // re2j's class keeps its parse cheap; only what its tables lack is spelled out. A
        // negated class inside brackets cannot be added to, so it is spelled out whole.
        int[] known = negated && inClass ? null : re2jTable(name);
        if (known != null) {
            ranges = subtract(ranges, known);
        } else if (negated && inClass) {
            ranges = complement(ranges);
            negated = false;
        }
        if (!inClass) {
            out.append(negated ? "[^" : "[");
        }
        if (known != null) {
            out.append("\\p{").append(name).append('}');
        }
        for (int r = 0; r < ranges.length; r += 2) {
            hex(out, ranges[r]);
            if (ranges[r + 1] != ranges[r]) {
                out.append('-');
                hex(out, ranges[r + 1]);
            }
        }
        if (!inClass) {
            out.append(']');
        }
        return next;
    }

    /**
     * re2j's own table for the name as sorted ranges, or null when it has none (or its
     * internals changed): its rows are {lo, hi, stride}.
     */
    private static int[] re2jTable(String name) {
        Map<String, int[][]>[] tables = re2jTables();
        if (tables == null) {
            return null;
        }
        int[][] rows = tables[0].get(name);
        if (rows == null) {
            rows = tables[1].get(name);
        }
        if (rows == null) {
            return null;
        }
        int[] out = new int[64];
        int size = 0;
        for (int[] row : rows) {
            for (int cp = row[0]; cp <= row[1]; cp += row[2]) {
                int hi = row[2] == 1 ? row[1] : cp;
                if (size > 0 && out[size - 1] >= cp - 1) {
                    out[size - 1] = Math.max(out[size - 1], hi);
                } else {
                    if (size + 2 > out.length) {
                        out = Arrays.copyOf(out, out.length * 2);
                    }
                    out[size++] = cp;
                    out[size++] = hi;
                }
                if (row[2] == 1) {
                    break;
                }
            }
        }
        return Arrays.copyOf(out, size);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, int[][]>[] re2jTables() {
        Map<String, int[][]>[] t = re2jTables;
        if (t == null && !re2jTablesMissing) {
            try {
                Class<?> c = Class.forName("com.google.re2j.UnicodeTables");
                java.lang.reflect.Field categories = c.getDeclaredField("CATEGORIES");
                java.lang.reflect.Field scripts = c.getDeclaredField("SCRIPTS");
                categories.setAccessible(true);
                scripts.setAccessible(true);
                t = new Map[] {(Map<String, int[][]>) categories.get(null), (Map<String, int[][]>) scripts.get(null)};
                re2jTables = t;
            } catch (ReflectiveOperationException | RuntimeException e) {
                re2jTablesMissing = true; // spell every class out instead
            }
        }
        return t;
    }

    /** The code points of a that are not in b (both sorted, merged ranges). */
    private static int[] subtract(int[] a, int[] b) {
        int[] out = new int[a.length + b.length + 2];
        int size = 0;
        int j = 0;
        for (int i = 0; i < a.length; i += 2) {
            int lo = a[i];
            int hi = a[i + 1];
            while (j < b.length && b[j + 1] < lo) {
                j += 2;
            }
            int k = j;
            while (lo <= hi) {
                if (k >= b.length || b[k] > hi) {
                    out[size++] = lo;
                    out[size++] = hi;
                    break;
                }
                if (b[k] > lo) {
                    out[size++] = lo;
                    out[size++] = b[k] - 1;
                }
                lo = Math.max(lo, b[k + 1] + 1);
                k += 2;
            }
        }
        return Arrays.copyOf(out, size);
    }

    private static void hex(StringBuilder out, int cp) {
        out.append("\\x{").append(Integer.toHexString(cp)).append('}');
    }

    /** The ranges of a Go category or script name, or null when it is neither. */
    static int[] ranges(String name) {
        int[] cached = CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        int[] r = category(name);
        if (r == null) {
            r = script(name);
        }
        if (r != null) {
            CACHE.put(name, r);
        }
        return r;
    }

    /** Go's two-letter name of each Character.getType value; unassigned (Cn) has none. */
    private static final String[] CATEGORY_NAMES = new String[32];

    static {
        String[] names = {"Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd", "Nl", "No", "Pc", "Pd", "Ps", "Pe",
            "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cs"};
        int[] types = {Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
            Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
            Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER, Character.LETTER_NUMBER,
            Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION,
            Character.START_PUNCTUATION, Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
            Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL,
            Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR,
            Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR, Character.CONTROL, Character.FORMAT,
            Character.PRIVATE_USE, Character.SURROGATE};
        for (int i = 0; i < names.length; i++) {
            CATEGORY_NAMES[types[i]] = names[i];
        }
    }

    /**
     * A Go category: a two-letter one, or a one-letter group of every two-letter category with
     * that first letter (so C, like Go's, leaves out unassigned code points). Null otherwise.
     */
    private static int[] category(String name) {
        long mask = 0;
        for (int t = 0; t < CATEGORY_NAMES.length; t++) {
            String c = CATEGORY_NAMES[t];
            if (c != null && (c.equals(name) || name.length() == 1 && c.charAt(0) == name.charAt(0))) {
                mask |= 1L << t;
            }
        }
        if (mask == 0) {
            return null;
        }
        long types = mask;
        return select(typeRuns(), t -> (types >>> t & 1) != 0);
    }

    /**
     * The code points whose run value is kept, as merged ranges. Runs are the character data
     * cut wherever the value changes: [start, value, start, value, …].
     */
    private static int[] select(int[] runs, IntPredicate keep) {
        int[] out = new int[64];
        int size = 0;
        for (int r = 0; r < runs.length; r += 2) {
            if (!keep.test(runs[r + 1])) {
                continue;
            }
            int lo = runs[r];
            int hi = r + 2 < runs.length ? runs[r + 2] - 1 : MAX_RUNE;
            if (size > 0 && out[size - 1] == lo - 1) {
                out[size - 1] = hi;
                continue;
            }
            if (size + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[size++] = lo;
            out[size++] = hi;
        }
        return Arrays.copyOf(out, size);
    }

    /** A script by its long name as Go spells it (Latin, Old_Italic, SignWriting), or null. */
    private static int[] script(String name) {
        if (name.isEmpty() || !Character.isUpperCase(name.charAt(0)) || name.equals(name.toUpperCase())) {
            return null;
        }
        Character.UnicodeScript s;
        try {
            s = Character.UnicodeScript.forName(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
        // forName also takes ISO 15924 codes (Latn), which Go does not.
        if (s == Character.UnicodeScript.UNKNOWN || !s.name().equals(name.toUpperCase())) {
            return null;
        }
        int ordinal = s.ordinal();
        return select(scriptRuns(), v -> v == ordinal);
    }

    /** Character.getType's value along the code points, as runs (see {@link #select}). */
    private static int[] typeRuns() {
        int[] r = typeRuns;
        if (r == null) {
            RunBuilder b = new RunBuilder();
            for (int cp = 0; cp <= MAX_RUNE; cp++) {
                b.value(cp, Character.getType(cp));
            }
            r = b.runs();
            typeRuns = r;
        }
        return r;
    }

    /** Each code point's script (its ordinal), as runs. */
    private static int[] scriptRuns() {
        int[] r = scriptRuns;
        if (r == null) {
            RunBuilder b = new RunBuilder();
            for (int cp = 0; cp <= MAX_RUNE; cp++) {
                b.value(cp, Character.UnicodeScript.of(cp).ordinal());
            }
            r = b.runs();
            scriptRuns = r;
        }
        return r;
    }

    private static final class RunBuilder {
        private int[] runs = new int[8192];
        private int size;
        private int last = -1;

        void value(int cp, int v) {
            if (v == last) {
                return;
            }
            if (size + 2 > runs.length) {
                runs = Arrays.copyOf(runs, runs.length * 2);
            }
            runs[size++] = cp;
            runs[size++] = v;
            last = v;
        }

        int[] runs() {
            return Arrays.copyOf(runs, size);
        }
    }

    /** Every code point outside the given sorted ranges. */
    private static int[] complement(int[] ranges) {
        int[] out = new int[ranges.length + 2];
        int size = 0;
        int next = 0;
        for (int i = 0; i < ranges.length; i += 2) {
            if (ranges[i] > next) {
                out[size++] = next;
                out[size++] = ranges[i] - 1;
            }
            next = ranges[i + 1] + 1;
        }
        if (next <= MAX_RUNE) {
            out[size++] = next;
            out[size++] = MAX_RUNE;
        }
        return Arrays.copyOf(out, size);
    }
}

package duso.runtime.regex;

/**
 * Case-insensitive literal search with the equivalence Go's {@code (?i)} uses, without a regex.
 *
 * <p>Go matches a rune case-insensitively against every rune in its simple case-folding orbit
 * ({@code k}, {@code K} and the Kelvin sign; {@code s}, {@code S} and {@code ſ}; {@code σ},
 * {@code ς} and {@code Σ}). One representative per orbit is the lower case of the upper case,
 * except for the dotted capital I and the dotless small i, which fold to nothing else. Orbits
 * never mix one-char and two-char (surrogate pair) code points, so a match spans as many code
 * points as the needle. Running re2j's automaton for a plain {@code contains(s, "x", true)}
 * costs ten times as much.
 */
public final class CaseFold {
    private static final int DOTTED_CAPITAL_I = 0x130;
    private static final int DOTLESS_SMALL_I = 0x131;

    private CaseFold() {}

    static int fold(int cp) {
        if (cp < 0x80) {
            return cp >= 'A' && cp <= 'Z' ? cp + 32 : cp;
        }
        if (cp == DOTTED_CAPITAL_I || cp == DOTLESS_SMALL_I) {
            return cp;
        }
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** End (in chars) of a match of needle starting at {@code at} in s, or -1. */
    public static int matchAt(String s, int at, String needle) {
        int i = at;
        int j = 0;
        int n = s.length();
        int m = needle.length();
        while (j < m) {
            if (i >= n) {
                return -1;
            }
            int a = s.codePointAt(i);
            int b = needle.codePointAt(j);
            if (a != b && fold(a) != fold(b)) {
                return -1;
            }
            i += Character.charCount(a);
            j += Character.charCount(b);
        }
        return i;
    }

    /** First code-point-aligned position from {@code from} where needle matches, or -1. */
    public static int indexOf(String s, String needle, int from) {
        int n = s.length();
        for (int i = from; i < n; ) {
            if (matchAt(s, i, needle) >= 0) {
                return i;
            }
            i += Character.charCount(s.codePointAt(i));
        }
        return needle.isEmpty() && from <= n ? from : -1;
    }

    public static boolean contains(String s, String needle) {
        return indexOf(s, needle, 0) >= 0;
    }

    public static boolean startsWith(String s, String needle) {
        return matchAt(s, 0, needle) >= 0;
    }

    public static boolean endsWith(String s, String needle) {
        int points = needle.codePointCount(0, needle.length());
        int total = s.codePointCount(0, s.length());
        if (points > total) {
            return false;
        }
        return matchAt(s, s.offsetByCodePoints(s.length(), -points), needle) == s.length();
    }
}

package duso.lang.nodes;

/**
 * Finds the patterns re2j cannot compile case-insensitively: it loops forever folding the
 * Cyrillic letters U+1C80..U+1C88 (its case tables predate them, while the JDK's case mapping
 * leads them into an orbit they never return from). That covers the letters themselves,
 * written raw or as {@code \x} escapes, and bracketed ranges that span them. Unicode classes
 * such as {@code \pL} use precomputed tables and are safe.
 *
 * <p>The check is conservative about when folding is on: the ignore-case flag, or any
 * {@code (?flags)} group that mentions {@code i}.
 */
final class RegexFoldGuard {
    static final int FIRST = 0x1C80;
    static final int LAST = 0x1C88;
    /** re2j's whole-range shortcut: a range covering all foldable runes is not folded rune by rune. */
    private static final int MIN_FOLD = 0x41;
    private static final int MAX_FOLD = 0x1E943;

    private final String p;
    private int i;

    private RegexFoldGuard(String pattern) {
        this.p = pattern;
    }

    /** Whether compiling the pattern would make re2j fold one of U+1C80..U+1C88. */
    static boolean unsafe(String pattern, boolean ignoreCase) {
        if (!ignoreCase && !mentionsFoldFlag(pattern)) {
            return false;
        }
        return new RegexFoldGuard(pattern).scan();
    }

    private static boolean mentionsFoldFlag(String p) {
        for (int at = p.indexOf("(?"); at >= 0; at = p.indexOf("(?", at + 2)) {
            for (int j = at + 2; j < p.length() && "imsU-".indexOf(p.charAt(j)) >= 0; j++) {
                if (p.charAt(j) == 'i') {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean inRange(int cp) {
        return cp >= FIRST && cp <= LAST;
    }

    private boolean scan() {
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            if (c == '[') {
                if (classIsUnsafe()) {
                    return true;
                }
            } else if (c == '\\' && i + 1 < n && p.charAt(i + 1) == 'Q') {
                int end = p.indexOf("\\E", i + 2);
                int stop = end < 0 ? n : end;
                if (containsUnsafe(i + 2, stop)) {
                    return true;
                }
                i = end < 0 ? n : end + 2;
            } else if (c == '\\') {
                if (inRange(escape())) {
                    return true;
                }
            } else {
                int cp = p.codePointAt(i);
                if (inRange(cp)) {
                    return true;
                }
                i += Character.charCount(cp);
            }
        }
        return false;
    }

    private boolean containsUnsafe(int from, int to) {
        for (int k = from; k < to; k++) {
            if (inRange(p.charAt(k))) {
                return true;
            }
        }
        return false;
    }

    /** Reads a bracketed class from i; true when a member or range reaches U+1C80..U+1C88. */
    private boolean classIsUnsafe() {
        int n = p.length();
        i++;
        if (i < n && p.charAt(i) == '^') {
            i++;
        }
        boolean first = true;
        while (i < n && (first || p.charAt(i) != ']')) {
            first = false;
            if (p.startsWith("[:", i)) {
                int end = p.indexOf(":]", i + 2);
                i = end < 0 ? n : end + 2;
                continue;
            }
            int lo = classRune();
            int hi = lo;
            if (i + 1 < n && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
                i++;
                hi = classRune();
            }
            boolean spans = lo <= LAST && hi >= FIRST;
            if (spans && !(lo <= MIN_FOLD && hi >= MAX_FOLD)) {
                return true;
            }
        }
        i++;
        return false;
    }

    /** One class member at i: a rune (raw or escaped), or -1 for a class escape like \d or \pL. */
    private int classRune() {
        if (p.charAt(i) == '\\') {
            return escape();
        }
        int cp = p.codePointAt(i);
        i += Character.charCount(cp);
        return cp;
    }

    /** Reads an escape at i; its rune for \x{…}, \xHH and single characters, else -1. */
    private int escape() {
        int n = p.length();
        if (i + 1 >= n) {
            i = n;
            return -1;
        }
        char c = p.charAt(i + 1);
        if ((c == 'p' || c == 'P') && i + 2 < n && p.charAt(i + 2) == '{') {
            int end = p.indexOf('}', i + 3);
            i = end < 0 ? n : end + 1;
            return -1;
        }
        if (c == 'x' && i + 2 < n && p.charAt(i + 2) == '{') {
            int end = p.indexOf('}', i + 3);
            if (end < 0) {
                i = n;
                return -1;
            }
            int v = hex(i + 3, end);
            i = end + 1;
            return v;
        }
        if (c == 'x') {
            int end = Math.min(n, i + 4);
            int v = hex(i + 2, end);
            i = end;
            return v;
        }
        if (c == 'p' || c == 'P' || "dDsSwWbBAzQE".indexOf(c) >= 0) {
            i += c == 'p' || c == 'P' ? 3 : 2;
            return -1;
        }
        int control = switch (c) {
            case 'a' -> 7;
            case 'f' -> 12;
            case 'n' -> 10;
            case 'r' -> 13;
            case 't' -> 9;
            case 'v' -> 11;
            default -> -1;
        };
        if (control >= 0) {
            i += 2;
            return control;
        }
        int cp = p.codePointAt(i + 1);
        i += 1 + Character.charCount(cp);
        return cp;
    }

    private int hex(int from, int to) {
        if (to <= from || to - from > 8) {
            return -1;
        }
        try {
            return Integer.parseInt(p, from, to, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

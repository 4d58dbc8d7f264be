package duso.lang.nodes;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The limits Go's regexp parser enforces and re2j does not, checked on the pattern text before
 * re2j sees it.
 *
 * <p>Go rejects a counted repetition whose nested counts multiply past 1000
 * ({@code (?:(?:a{50}){50}){50}} is "invalid repeat count: `{50}`"), which re2j would instead
 * expand into millions of instructions, taking seconds to compile. Go also rejects capture
 * groups nested 1000 deep ("expression nests too deeply"). This scanner follows just enough
 * RE2 syntax to find groups, atoms and repetition operators; anything it does not understand,
 * and every other syntax error, it leaves to re2j.
 */
final class RegexLimits {
    /** Go's budget for nested repetition counts (regexp/syntax repeatIsValid). */
    private static final int MAX_REPEAT = 1000;
    /** Go's maximum parse-tree height; a chain of captures is a lower bound of that height. */
    private static final int MAX_HEIGHT = 1000;
    private static final int[] BAD_COUNTS = {};

    /**
     * A limit the pattern breaks: Go's error text and the fragment it quotes. The pattern up to
     * {@code prefixEnd}, closed with {@code openGroups} parentheses, is the part Go parsed
     * before failing; a syntax error there would have been reported first.
     */
    record Violation(String description, String fragment, int prefixEnd, int openGroups) {}

    /** One open group (or the whole pattern) and what its finished parts need. */
    private static final class Group {
        final boolean capture;
        int need;
        int height;
        boolean hasAtom;
        int atomNeed;
        int atomHeight;

        Group(boolean capture) {
            this.capture = capture;
        }

        void atom(int needOfAtom, int heightOfAtom) {
            finishAtom();
            hasAtom = true;
            atomNeed = needOfAtom;
            atomHeight = heightOfAtom;
        }

        void finishAtom() {
            if (hasAtom) {
                need = Math.max(need, atomNeed);
                height = Math.max(height, atomHeight);
                hasAtom = false;
            }
        }
    }

    private final String p;
    private final Deque<Group> groups = new ArrayDeque<>();
    private int i;
    private boolean afterRepeat;

    private RegexLimits(String pattern) {
        this.p = pattern;
    }

    /** The first limit the pattern breaks, or null (also when the scan gives up). */
    static Violation check(String pattern) {
        if (pattern.indexOf('{') < 0 && pattern.indexOf('(') < 0) {
            return null;
        }
        return new RegexLimits(pattern).scan();
    }

    private Violation scan() {
        groups.push(new Group(false));
        int n = p.length();
        while (i < n) {
            char c = p.charAt(i);
            Group g = groups.peek();
            switch (c) {
                case '(' -> {
                    if (!openGroup()) {
                        return null;
                    }
                    afterRepeat = false;
                }
                case ')' -> {
                    if (groups.size() == 1) {
                        return null;
                    }
                    g.finishAtom();
                    groups.pop();
                    int height = g.capture ? g.height + 1 : g.height;
                    if (g.capture && height > MAX_HEIGHT) {
                        return new Violation("expression nests too deeply", p, i + 1, groups.size() - 1);
                    }
                    groups.peek().atom(g.need, height);
                    i++;
                    afterRepeat = false;
                }
                case '|' -> {
                    g.finishAtom();
                    i++;
                    afterRepeat = false;
                }
                case '*', '+', '?' -> {
                    if (afterRepeat || !g.hasAtom) {
                        return null;
                    }
                    i++;
                    skipNonGreedy();
                    afterRepeat = true;
                }
                case '{' -> {
                    int start = i;
                    int[] counts = repeatCounts();
                    if (counts == null) {
                        g.atom(0, 1);
                        i = start + 1;
                        afterRepeat = false;
                        break;
                    }
                    if (counts == BAD_COUNTS || afterRepeat || !g.hasAtom) {
                        return null;
                    }
                    skipNonGreedy();
                    Violation v = repeat(g, counts[0], counts[1], start);
                    if (v != null) {
                        return v;
                    }
                    afterRepeat = true;
                }
                case '[' -> {
                    if (!skipClass()) {
                        return null;
                    }
                    g.atom(0, 1);
                    afterRepeat = false;
                }
                case '\\' -> {
                    if (!skipEscape()) {
                        return null;
                    }
                    afterRepeat = false;
                }
                default -> {
                    g.atom(0, 1);
                    i += Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
                    afterRepeat = false;
                }
            }
        }
        return null;
    }

    /**
     * Applies {min,max} (max -1 when open) to the group's last atom as Go's repeatIsValid
     * judges it: the atom needs a budget of count × its own need, where the count is max (or
     * min when open), and {0} needs nothing at all.
     */
    private Violation repeat(Group g, int min, int max, int start) {
        int count = max < 0 ? min : max;
        int need;
        if (max == 0) {
            need = 0;
        } else if (count == 0) {
            need = g.atomNeed;
        } else {
            need = (int) Math.min(Integer.MAX_VALUE, (long) count * Math.max(1, g.atomNeed));
        }
        if ((min >= 2 || max >= 2) && need > MAX_REPEAT) {
            return new Violation("invalid repeat count", p.substring(start, i), start, groups.size() - 1);
        }
        g.atomNeed = need;
        g.atomHeight++;
        return null;
    }

    private void skipNonGreedy() {
        if (i < p.length() && p.charAt(i) == '?') {
            i++;
        }
    }

    /**
     * Reads {n}, {n,} or {n,m} at i as Go's parseRepeat does and moves past it. Returns null,
     * with i unchanged, when the brace does not start a repetition (it is then a literal, as
     * with a leading zero), and {@link #BAD_COUNTS} for counts re2j rejects itself.
     */
    private int[] repeatCounts() {
        int n = p.length();
        int j = i + 1;
        int minEnd = digitsEnd(j);
        if (minEnd < 0) {
            return null;
        }
        long min = parseCount(j, minEnd);
        long max = min;
        j = minEnd;
        if (j < n && p.charAt(j) == ',') {
            j++;
            if (j < n && p.charAt(j) == '}') {
                max = -1;
            } else {
                int maxEnd = digitsEnd(j);
                if (maxEnd < 0) {
                    return null;
                }
                max = parseCount(j, maxEnd);
                j = maxEnd;
            }
        }
        if (j >= n || p.charAt(j) != '}') {
            return null;
        }
        i = j + 1;
        if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            return BAD_COUNTS;
        }
        return new int[] {(int) min, (int) max};
    }

    /** End of a run of ASCII digits at j without a leading zero, or -1 when there is none. */
    private int digitsEnd(int j) {
        int n = p.length();
        int k = j;
        while (k < n && p.charAt(k) >= '0' && p.charAt(k) <= '9') {
            k++;
        }
        if (k == j || (k - j > 1 && p.charAt(j) == '0')) {
            return -1;
        }
        return k;
    }

    private long parseCount(int from, int to) {
        return to - from > 9 ? Long.MAX_VALUE : Long.parseLong(p, from, to, 10);
    }

    /** ( (?:…) (?P<name>…) (?<name>…) (?flags:…) open a group; (?flags) opens none. */
    private boolean openGroup() {
        int n = p.length();
        if (i + 1 < n && p.charAt(i + 1) == '?') {
            int j = i + 2;
            boolean named = j < n && p.charAt(j) == '<'
                    || j + 1 < n && p.charAt(j) == 'P' && p.charAt(j + 1) == '<';
            if (named) {
                groups.push(new Group(true));
                int close = p.indexOf('>', j);
                if (close < 0) {
                    return false;
                }
                i = close + 1;
                return true;
            }
            while (j < n && "imsU-".indexOf(p.charAt(j)) >= 0) {
                j++;
            }
            if (j >= n) {
                return false;
            }
            if (p.charAt(j) == ')') {
                i = j + 1;
                return true;
            }
            if (p.charAt(j) != ':') {
                return false;
            }
            groups.push(new Group(false));
            i = j + 1;
            return true;
        }
        groups.push(new Group(true));
        i++;
        return true;
    }

    /** Moves past a bracketed class; false when it is not closed. */
    private boolean skipClass() {
        int n = p.length();
        int j = i + 1;
        if (j < n && p.charAt(j) == '^') {
            j++;
        }
        if (j < n && p.charAt(j) == ']') {
            j++;
        }
        while (j < n && p.charAt(j) != ']') {
            char c = p.charAt(j);
            if (c == '[' && j + 1 < n && p.charAt(j + 1) == ':') {
                int end = p.indexOf(":]", j + 2);
                j = end < 0 ? j + 1 : end + 2;
            } else if (c == '\\') {
                int saved = i;
                i = j;
                if (!skipEscapeText()) {
                    return false;
                }
                j = i;
                i = saved;
            } else {
                j++;
            }
        }
        if (j >= n) {
            return false;
        }
        i = j + 1;
        return true;
    }

    /** An escape outside a class: one atom, or for \Q…\E one atom per quoted character. */
    private boolean skipEscape() {
        Group g = groups.peek();
        if (i + 1 < p.length() && p.charAt(i + 1) == 'Q') {
            int end = p.indexOf("\\E", i + 2);
            int stop = end < 0 ? p.length() : end;
            if (stop > i + 2) {
                g.atom(0, 1);
            }
            i = end < 0 ? stop : end + 2;
            return true;
        }
        if (!skipEscapeText()) {
            return false;
        }
        g.atom(0, 1);
        return true;
    }

    /** Moves i past one escape sequence: \x{…}, \p{…}, \pL, \xHH or a single character. */
    private boolean skipEscapeText() {
        int n = p.length();
        if (i + 1 >= n) {
            return false;
        }
        char c = p.charAt(i + 1);
        if ((c == 'x' || c == 'p' || c == 'P') && i + 2 < n && p.charAt(i + 2) == '{') {
            int end = p.indexOf('}', i + 3);
            if (end < 0) {
                return false;
            }
            i = end + 1;
        } else if (c == 'x') {
            i = Math.min(n, i + 4);
        } else if (c == 'p' || c == 'P') {
            i = Math.min(n, i + 3);
        } else {
            i += Character.isHighSurrogate(c) && i + 2 < n ? 3 : 2;
        }
        return true;
    }
}

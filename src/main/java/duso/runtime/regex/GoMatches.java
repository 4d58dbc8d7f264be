package duso.runtime.regex;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/**
 * Walks the successive matches of a pattern the way Go's {@code FindAll…}/{@code ReplaceAll…}
 * do, which differs from Java's {@code Matcher.find()} loop: an empty match that starts where
 * the previous match ended is skipped ({@code a*} over {@code "baaac"} matches at 0, 1-4 and 5,
 * not also at 4). Each search sees the whole string, so {@code ^}, {@code $} and {@code \b}
 * judge their context correctly.
 *
 * <p>A literal, non-empty search string needs no regex engine: {@link #literal} walks it with
 * {@code indexOf} (or {@link CaseFold#indexOf} ignoring case), which yields the same matches.
 *
 * <p>Positions are also offered in runes (code points), which is what scripts see; they are
 * counted incrementally, so walking all matches stays linear in the length of the text.
 */
public final class GoMatches {
    private final Matcher matcher;
    private final String needle;
    private final boolean ignoreCase;
    private final String text;
    private final int length;
    private int searchFrom;
    private int previousEnd = -1;
    private int start;
    private int end;
    private int countedChars;
    private int countedRunes;

    public GoMatches(Pattern pattern, String text) {
        this(pattern.matcher(text), null, false, text);
    }

    private GoMatches(Matcher matcher, String needle, boolean ignoreCase, String text) {
        this.matcher = matcher;
        this.needle = needle;
        this.ignoreCase = ignoreCase;
        this.text = text;
        this.length = text.length();
    }

    /** The occurrences of a non-empty string, left to right, not overlapping. */
    public static GoMatches literal(String needle, boolean ignoreCase, String text) {
        if (needle.isEmpty()) {
            throw new IllegalArgumentException("empty literal");
        }
        return new GoMatches(null, needle, ignoreCase, text);
    }

    /** Advances to the next accepted match; false when there is none. */
    public boolean next() {
        if (needle != null) {
            int at = searchFrom > length ? -1
                    : ignoreCase ? CaseFold.indexOf(text, needle, searchFrom) : text.indexOf(needle, searchFrom);
            if (at < 0) {
                searchFrom = length + 1;
                return false;
            }
            start = at;
            end = ignoreCase ? CaseFold.matchAt(text, at, needle) : at + needle.length();
            searchFrom = end;
            return true;
        }
        while (searchFrom <= length) {
            if (!matcher.find(searchFrom)) {
                searchFrom = length + 1;
                return false;
            }
            int s = matcher.start();
            int e = matcher.end();
            boolean accept = true;
            if (e == searchFrom) {
                // An empty match here: never right after a previous match, and step one rune on.
                accept = s != previousEnd;
                searchFrom = searchFrom < length ? searchFrom + runeWidthAt(searchFrom) : length + 1;
            } else {
                searchFrom = e;
            }
            previousEnd = e;
            if (accept) {
                start = s;
                end = e;
                return true;
            }
        }
        return false;
    }

    private int runeWidthAt(int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < length
                && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }

    /** The current match's start, in chars. */
    public int start() {
        return start;
    }

    /** The current match's end, in chars. */
    public int end() {
        return end;
    }

    /** The matcher positioned on the current match, for group positions (null for a literal). */
    public Matcher matcher() {
        return matcher;
    }

    /** The current match's start, in runes from the start of the text. */
    public int runeStart() {
        return runesBefore(start);
    }

    /** The current match's length in runes. */
    public int runeLength() {
        return text.codePointCount(start, end);
    }

    private int runesBefore(int index) {
        if (index < countedChars) {
            countedChars = 0;
            countedRunes = 0;
        }
        countedRunes += text.codePointCount(countedChars, index);
        countedChars = index;
        return countedRunes;
    }
}

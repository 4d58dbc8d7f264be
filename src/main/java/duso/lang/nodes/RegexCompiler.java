package duso.lang.nodes;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * Compiles RE2 patterns for regex literals and the regex builtins, with Go's regexp limits
 * and error wording where re2j differs: nested repetition counts past 1000 and capture groups
 * nested 1000 deep are rejected before re2j expands them ({@link RegexLimits}), and a stray
 * {@code )} is "unexpected )" rather than re2j's internal "stack underflow". Patterns that
 * would send re2j into an endless loop ({@link RegexFoldGuard}) are refused. Unicode classes
 * match the JDK's current character data rather than re2j's Unicode 6.0 tables
 * ({@link RegexUnicodeClasses}).
 */
public final class RegexCompiler {
    static final String UNSUPPORTED_FOLD = "case-insensitive matching of U+1C80-U+1C88 is not supported";

    private RegexCompiler() {}

    /**
     * The compiled pattern.
     *
     * @throws PatternSyntaxException worded as Go's regexp package words it
     */
    public static Pattern compile(String pattern, boolean ignoreCase) {
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE : 0;
        if (RegexFoldGuard.unsafe(pattern, ignoreCase)) {
            throw new PatternSyntaxException(UNSUPPORTED_FOLD, pattern);
        }
        RegexLimits.Violation v = RegexLimits.check(pattern);
        if (v != null && prefixIsValid(pattern, v)) {
            throw new PatternSyntaxException(v.description(), v.fragment());
        }
        String spelled = RegexUnicodeClasses.rewrite(pattern);
        // Spelled-out ranges can span U+1C80..U+1C88, which re2j cannot fold: such a pattern
        // keeps re2j's own (older) class tables when it is case-insensitive.
        if (spelled != pattern && !RegexFoldGuard.unsafe(spelled, ignoreCase)) {
            try {
                return Pattern.compile(spelled, flags);
            } catch (PatternSyntaxException e) {
                // another error in the pattern: report it as re2j words the pattern as written
            }
        }
        try {
            return Pattern.compile(pattern, flags);
        } catch (PatternSyntaxException e) {
            if ("stack underflow".equals(e.getPattern())) {
                throw new PatternSyntaxException("unexpected )", pattern);
            }
            throw e;
        }
    }

    /** Whether the text Go parsed before reaching the violation is free of other errors. */
    private static boolean prefixIsValid(String pattern, RegexLimits.Violation v) {
        try {
            Pattern.compile(pattern.substring(0, v.prefixEnd()) + ")".repeat(v.openGroups()));
            return true;
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}

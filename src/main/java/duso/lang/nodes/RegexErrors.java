package duso.lang.nodes;

import com.google.re2j.PatternSyntaxException;

/** Words an RE2J syntax error the way Go's regexp package does ("error parsing regexp: …"). */
public final class RegexErrors {
    private RegexErrors() {}

    public static String describe(PatternSyntaxException e) {
        String desc = e.getDescription();
        String pattern = e.getPattern();
        if (desc == null) {
            return "error parsing regexp: " + e.getMessage();
        }
        return "error parsing regexp: " + desc + ": `" + (pattern == null ? "" : pattern) + "`";
    }
}

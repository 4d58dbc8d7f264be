package duso.runtime.markdown;

/**
 * The reference's typographic substitution for HTML text runs: quotes curl by the previous
 * character within the same run, "--" and "---" become dashes, "..." an ellipsis.
 */
final class SmartQuotes {
    private SmartQuotes() {}

    static String apply(String s) {
        if (s.indexOf('\'') < 0 && s.indexOf('"') < 0 && !s.contains("--") && !s.contains("...")) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length() + 8);
        char prev = ' ';
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'' -> b.append(isAlnum(prev) ? '\u2019' : '\u2018');
                case '"' -> b.append(isAlnum(prev) || prev == '.' || prev == ',' || prev == '!' || prev == '?'
                        ? '\u201D' : '\u201C');
                case '-' -> {
                    if (i + 1 < n && s.charAt(i + 1) == '-') {
                        boolean em = i + 2 < n && s.charAt(i + 2) == '-';
                        b.append(em ? '\u2014' : '\u2013');
                        i += em ? 2 : 1;
                    } else {
                        b.append(c);
                    }
                }
                case '.' -> {
                    if (i + 2 < n && s.charAt(i + 1) == '.' && s.charAt(i + 2) == '.') {
                        b.append('\u2026');
                        i += 2;
                    } else {
                        b.append(c);
                    }
                }
                default -> b.append(c);
            }
            prev = c;
        }
        return b.toString();
    }

    private static boolean isAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}

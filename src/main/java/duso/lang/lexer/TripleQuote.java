package duso.lang.lexer;

/**
 * The reference's treatment of {@code """…"""} content: trim, then a dedent whose "common
 * prefix" skips lines until one has leading blanks. Because the first line has already lost
 * its indentation to the trim, the prefix is effectively the second line's indentation; we
 * keep that quirk so multi-line strings come out byte for byte the same.
 */
public final class TripleQuote {
    private TripleQuote() {}

    public static String normalize(String raw) {
        return dedent(GoStrings.trimSpace(raw));
    }

    static String dedent(String s) {
        String[] lines = s.split("\n", -1);
        String common = "";
        for (String line : lines) {
            if (GoStrings.trimSpace(line).isEmpty()) {
                continue;
            }
            String lead = leadingBlanks(line);
            if (common.isEmpty()) {
                common = lead;
            } else {
                common = commonPrefix(common, lead);
                if (common.isEmpty()) {
                    break;
                }
            }
        }
        if (common.isEmpty()) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            String line = lines[i];
            out.append(line.startsWith(common) ? line.substring(common.length()) : line);
        }
        return out.toString();
    }

    private static String leadingBlanks(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    private static String commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return a.substring(0, i);
            }
        }
        return a.substring(0, n);
    }
}

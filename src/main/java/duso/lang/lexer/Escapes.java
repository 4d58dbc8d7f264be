package duso.lang.lexer;

/**
 * Processes backslash escapes in string literal content the way the reference does:
 * {@code \n \t \r \" \' \\ \{ \}}, octal {@code \d..\ddd} and {@code \xhh} give the Latin-1
 * character of that byte value, and any other escaped character stands for itself.
 */
public final class Escapes {
    private Escapes() {}

    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        int[] cps = new int[s.length()];
        int n = codePoints(s, cps);
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < n; i++) {
            int c = cps[i];
            if (c != '\\' || i + 1 >= n) {
                out.appendCodePoint(c);
                continue;
            }
            c = cps[++i];
            switch (c) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    int val = c - '0';
                    for (int k = 0; k < 2 && i + 1 < n && cps[i + 1] >= '0' && cps[i + 1] <= '7'; k++) {
                        val = val * 8 + (cps[++i] - '0');
                    }
                    out.append((char) (val & 0xFF));
                }
                case 'x' -> {
                    if (i + 2 < n) {
                        int val = 0;
                        for (int k = 1; k <= 2; k++) {
                            int h = cps[i + k];
                            val = (val * 16) & 0xFF;
                            if (h >= '0' && h <= '9') {
                                val += h - '0';
                            } else if (h >= 'a' && h <= 'f') {
                                val += h - 'a' + 10;
                            } else if (h >= 'A' && h <= 'F') {
                                val += h - 'A' + 10;
                            }
                            val &= 0xFF;
                        }
                        out.append((char) val);
                        i += 2;
                    } else {
                        out.append('x');
                    }
                }
                default -> out.appendCodePoint(c);
            }
        }
        return out.toString();
    }

    /**
     * The code points of s into cps; returns how many. A loop rather than
     * {@code s.codePoints()}: the stream classes are not in the AOT cache, and loading them for
     * the first backslash of a script cost it 0.7 MB and milliseconds.
     */
    private static int codePoints(String s, int[] cps) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            cps[n++] = c;
            i += Character.charCount(c);
        }
        return n;
    }
}

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
        int[] cps = s.codePoints().toArray();
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            if (c != '\\' || i + 1 >= cps.length) {
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
                    for (int k = 0; k < 2 && i + 1 < cps.length && cps[i + 1] >= '0' && cps[i + 1] <= '7'; k++) {
                        val = val * 8 + (cps[++i] - '0');
                    }
                    out.append((char) (val & 0xFF));
                }
                case 'x' -> {
                    if (i + 2 < cps.length) {
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
}

package duso.lang.lexer;

/** Go's {@code %q} for strings: double quotes, with backslash escapes for non-printing runes. */
public final class GoQuote {
    private GoQuote() {}

    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            switch (cp) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case 7 -> b.append("\\a");
                case 8 -> b.append("\\b");
                case 12 -> b.append("\\f");
                case 11 -> b.append("\\v");
                default -> {
                    if (cp < 0x20 || cp == 0x7f) {
                        b.append(String.format("\\x%02x", cp));
                    } else if (Character.isISOControl(cp) || !isPrint(cp)) {
                        b.append(cp <= 0xFFFF ? String.format("\\u%04x", cp) : String.format("\\U%08x", cp));
                    } else {
                        b.appendCodePoint(cp);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean isPrint(int cp) {
        int t = Character.getType(cp);
        return t != Character.UNASSIGNED && t != Character.CONTROL && t != Character.FORMAT
                && t != Character.SURROGATE && t != Character.PRIVATE_USE
                && t != Character.LINE_SEPARATOR && t != Character.PARAGRAPH_SEPARATOR
                && (t != Character.SPACE_SEPARATOR || cp == ' ');
    }
}

package duso.runtime.markdown;

/**
 * The reference's HTML escaping rules: text and attribute escaping (the same four
 * characters) and its own URL percent-encoding, which differs from commonmark-java's.
 */
final class HtmlText {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private HtmlText() {}

    static void escape(StringBuilder out, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }

    /**
     * Keeps existing %XX triplets, escapes '&' as an entity, and percent-encodes controls,
     * spaces, the characters {@code "`<>[]\^{|}} and every byte of non-ASCII characters.
     */
    static void encodeUrl(StringBuilder out, String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c == '&') {
                out.append("&amp;");
            } else if (c == '%') {
                if (i + 2 < n && isHex(s.charAt(i + 1)) && isHex(s.charAt(i + 2))) {
                    out.append(s, i, i + 3);
                    i += 2;
                } else {
                    out.append("%25");
                }
            } else if (c >= 0x80) {
                int cp = s.codePointAt(i);
                if (Character.charCount(cp) == 2) {
                    i++;
                }
                for (byte b : new String(Character.toChars(cp)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                    hexByte(out, b & 0xFF);
                }
            } else if (c < 0x20 || c == 0x7F || "\" `<>[]\\^{|}".indexOf(c) >= 0) {
                hexByte(out, c);
            } else {
                out.append(c);
            }
        }
    }

    private static void hexByte(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0x0F]);
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}

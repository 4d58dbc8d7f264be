package duso.client;

import duso.lang.lexer.GoQuote;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * RFC 2047 encoded-words inside display names ({@code =?utf-8?q?Caf=C3=A9?=}), decoded
 * like net/mail does: a word that is not a well-formed encoded-word stays as written.
 */
final class MimeWordDecoder {
    private MimeWordDecoder() {}

    /** The decoded text, or null when the word is not a decodable encoded-word. */
    static String decode(String word) throws MailAddress.Invalid {
        if (!word.startsWith("=?") || !word.endsWith("?=") || word.chars().filter(c -> c == '?').count() != 4) {
            return null;
        }
        String inner = word.substring(2, word.length() - 2);
        int split = inner.indexOf('?');
        if (split + 2 >= inner.length() || inner.charAt(split + 2) != '?') {
            return null;
        }
        String charset = inner.substring(0, split);
        char encoding = inner.charAt(split + 1);
        String text = inner.substring(split + 3);
        byte[] content;
        if (encoding == 'B' || encoding == 'b') {
            try {
                content = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                return null;
            }
        } else if (encoding == 'Q' || encoding == 'q') {
            content = qDecode(text);
            if (content == null) {
                return null;
            }
        } else {
            return null;
        }
        if (charset.equalsIgnoreCase("utf-8")) {
            return new String(content, StandardCharsets.UTF_8);
        }
        if (charset.equalsIgnoreCase("iso-8859-1")) {
            return new String(content, StandardCharsets.ISO_8859_1);
        }
        if (charset.equalsIgnoreCase("us-ascii")) {
            StringBuilder b = new StringBuilder(content.length);
            for (byte x : content) {
                b.append(x < 0 ? '\uFFFD' : (char) x);
            }
            return b.toString();
        }
        throw new MailAddress.Invalid("charset not supported: " + GoQuote.quote(charset.toLowerCase(java.util.Locale.ROOT)));
    }

    private static byte[] qDecode(String s) {
        byte[] out = new byte[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                out[n++] = ' ';
            } else if (c == '=') {
                if (i + 2 >= s.length()) {
                    return null;
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out[n++] = (byte) (hi << 4 | lo);
                i += 2;
            } else if (c >= ' ' && c <= '~' || c == '\n' || c == '\r' || c == '\t') {
                out[n++] = (byte) c;
            } else {
                return null;
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }
}

package duso.client;

import duso.lang.lexer.GoQuote;
import java.nio.charset.StandardCharsets;

/**
 * Byte strings: Java strings holding one byte (0-255) per char. URLs, request heads and header
 * bytes are handled this way so escaping, parsing and writing work on the bytes Go works on,
 * while script values stay ordinary (UTF-16) strings. ASCII text is the same in both forms.
 */
final class ByteStrings {
    private ByteStrings() {}

    /** The UTF-8 bytes of script text. */
    static String fromText(String text) {
        return isAscii(text) ? text : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Script text from UTF-8 bytes. */
    static String toText(String bytes) {
        return isAscii(bytes) ? bytes : new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Go's %q of a byte string. */
    static String quote(String bytes) {
        return GoQuote.quote(toText(bytes));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

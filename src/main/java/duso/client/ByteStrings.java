package duso.client;

import duso.lang.lexer.GoQuote;
import duso.runtime.ByteText;

/**
 * Byte strings: Java strings holding one byte (0-255) per char. URLs, request heads and header
 * bytes are handled this way so escaping, parsing and writing work on the bytes Go works on,
 * while script values stay ordinary (UTF-16) strings. ASCII text is the same in both forms.
 */
final class ByteStrings {
    private ByteStrings() {}

    /** The UTF-8 bytes of script text. */
    static String fromText(String text) {
        return ByteText.toBytes(text);
    }

    /** Script text from UTF-8 bytes. */
    static String toText(String bytes) {
        return ByteText.fromBytes(bytes);
    }

    /** Go's %q of a byte string. */
    static String quote(String bytes) {
        return GoQuote.quote(toText(bytes));
    }
}

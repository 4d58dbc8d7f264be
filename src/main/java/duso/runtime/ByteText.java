package duso.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Script text and byte strings: Java strings holding one byte (0-255) per char, the form in
 * which Go's byte-level code (URLs, HTTP heads, time layouts) is followed and in which Jetty and
 * the sockets read and write header bytes. ASCII text is the same in both forms.
 */
public final class ByteText {
    private ByteText() {}

    /** The UTF-8 bytes of script text, one char per byte. */
    public static String toBytes(String text) {
        return isAscii(text) ? text : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** Script text from UTF-8 bytes held one per char (invalid sequences become U+FFFD). */
    public static String fromBytes(String bytes) {
        return isAscii(bytes) ? bytes : new String(bytes.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
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

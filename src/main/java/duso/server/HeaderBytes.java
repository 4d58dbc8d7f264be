package duso.server;

import java.nio.charset.StandardCharsets;

/**
 * Header values as bytes. Jetty reads and writes a header value one byte per char
 * (ISO-8859-1), while Go passes the bytes through and scripts see them as UTF-8 text: a
 * {@code X-Name: José} sent in UTF-8 reaches the handler as "José", and a handler's non-ASCII
 * value leaves as its UTF-8 bytes. (The HTTP client does the same in its own
 * {@code ByteStrings}.)
 */
final class HeaderBytes {
    private HeaderBytes() {}

    /** A value Jetty decoded byte per char, as the UTF-8 text it carries (bad bytes as U+FFFD). */
    static String fromWire(String value) {
        return isAscii(value) ? value : new String(value.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Script text as the byte-per-char string Jetty writes out as its UTF-8 bytes. */
    static String toWire(String text) {
        return isAscii(text) ? text : new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
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

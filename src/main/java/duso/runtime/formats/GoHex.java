package duso.runtime.formats;

import java.nio.charset.StandardCharsets;

/**
 * Hex decoding with Go's {@code encoding/hex} messages: the first byte outside 0-9a-fA-F is
 * reported as {@code encoding/hex: invalid byte: U+0067 'g'} (even in an odd-length text),
 * otherwise an odd length is {@code encoding/hex: odd length hex string}.
 */
public final class GoHex {
    private GoHex() {}

    /** The bytes of a hex text; IllegalArgumentException carries Go's message. */
    public static byte[] decode(String text) {
        byte[] src = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[src.length / 2];
        int j = 1;
        for (; j < src.length; j += 2) {
            int hi = nibble(src[j - 1]);
            int lo = nibble(src[j]);
            out[j / 2] = (byte) (hi << 4 | lo);
        }
        if (src.length % 2 == 1) {
            nibble(src[j - 1]);
            throw new IllegalArgumentException("encoding/hex: odd length hex string");
        }
        return out;
    }

    private static int nibble(byte b) {
        int v = digit(b);
        if (v < 0) {
            throw new IllegalArgumentException("encoding/hex: invalid byte: " + goQuotedRune(b & 0xFF));
        }
        return v;
    }

    /** The value of one hexadecimal digit (either case), or -1 when the byte is not one. */
    static int digit(byte b) {
        int c = b & 0xFF;
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    /** Go's {@code %#U} of a byte taken as a rune: {@code U+0067 'g'}, no quote when unprintable. */
    private static String goQuotedRune(int c) {
        String code = String.format("U+%04X", c);
        boolean printable = c >= 0x20 && c < 0x7F || c >= 0xA1 && c != 0xAD;
        return printable ? code + " '" + (char) c + "'" : code;
    }
}

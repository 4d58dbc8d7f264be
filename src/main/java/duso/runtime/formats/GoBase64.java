package duso.runtime.formats;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Standard base64 (RFC 4648, padded) with Go's {@code base64.StdEncoding} decoding rules, which
 * scripts observe through their error messages: CR and LF are skipped anywhere, padding must be
 * complete, bits left over in the last quantum are ignored, and the first bad input byte is
 * reported as {@code illegal base64 data at input byte N} (a UTF-8 byte offset).
 * {@code java.util.Base64} rejects and reports differently, so only its encoder is used.
 */
public final class GoBase64 {
    private static final byte[] DECODE = new byte[256];
    private static final byte[] DECODE_URL = new byte[256];

    static {
        Arrays.fill(DECODE, (byte) -1);
        Arrays.fill(DECODE_URL, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < alphabet.length(); i++) {
            DECODE[alphabet.charAt(i)] = (byte) i;
            DECODE_URL[alphabet.charAt(i)] = (byte) i;
        }
        DECODE['+'] = 62;
        DECODE['/'] = 63;
        DECODE_URL['-'] = 62;
        DECODE_URL['_'] = 63;
    }

    /** Why a text is not base64; the message is Go's. */
    public static final class DecodeException extends RuntimeException {
        DecodeException(int offset) {
            super("illegal base64 data at input byte " + offset, null, false, false);
        }
    }

    private GoBase64() {}

    public static String encode(byte[] data) {
        return Base64.getEncoder().encodeToString(data);
    }

    /** The bytes a base64 text stands for (the text is read as UTF-8). */
    public static byte[] decode(String text) {
        return decode(text.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] decode(byte[] src) {
        byte[] out = new byte[(src.length / 4 + 1) * 3];
        int n = 0;
        int si = 0;
        int len = src.length;
        while (si < len) {
            // One quantum: up to four alphabet characters, newlines skipped, '=' ends the data.
            int bits = 0;
            int count = 0;
            while (count < 4) {
                if (si == len) {
                    if (count == 0) {
                        return Arrays.copyOf(out, n);
                    }
                    throw new DecodeException(si - count); // incomplete quantum: padding required
                }
                int c = src[si++] & 0xFF;
                int d = DECODE[c];
                if (d >= 0) {
                    bits = bits << 6 | d;
                    count++;
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    continue;
                }
                if (c != '=' || count < 2) {
                    throw new DecodeException(si - 1);
                }
                si = afterPadding(src, si, count);
                break;
            }
            n = writeQuantum(out, n, bits, count);
        }
        return Arrays.copyOf(out, n);
    }

    /**
     * Writes the bytes of a quantum of 2 to 4 characters (their 6-bit values packed in bits);
     * returns the new length. Go drops the leftover bits of a short quantum.
     */
    private static int writeQuantum(byte[] out, int n, int bits, int count) {
        if (count == 4) {
            out[n++] = (byte) (bits >> 16);
            out[n++] = (byte) (bits >> 8);
            out[n++] = (byte) bits;
        } else if (count == 3) {
            out[n++] = (byte) (bits >> 10);
            out[n++] = (byte) (bits >> 2);
        } else {
            out[n++] = (byte) (bits >> 4);
        }
        return n;
    }

    /**
     * Unpadded base64url with Go's {@code base64.RawURLEncoding} rules: CR and LF are skipped,
     * '=' is an illegal byte like any other outside the alphabet, a lone trailing character is
     * an error at its quantum's start, and leftover bits are ignored.
     */
    public static byte[] decodeRawUrl(String text) {
        byte[] src = text.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[src.length / 4 * 3 + 3];
        int n = 0;
        int si = 0;
        while (true) {
            int bits = 0;
            int count = 0;
            while (count < 4) {
                if (si == src.length) {
                    if (count == 0) {
                        return Arrays.copyOf(out, n);
                    }
                    if (count == 1) {
                        throw new DecodeException(si - 1);
                    }
                    break;
                }
                int c = src[si++] & 0xFF;
                int d = DECODE_URL[c];
                if (d >= 0) {
                    bits = bits << 6 | d;
                    count++;
                } else if (c != '\n' && c != '\r') {
                    throw new DecodeException(si - 1);
                }
            }
            n = writeQuantum(out, n, bits, count);
            if (count < 4) {
                return Arrays.copyOf(out, n);
            }
        }
    }

    /**
     * Checks what follows the first '=' of a quantum holding {@code count} (2 or 3) characters:
     * a second '=' when two are needed, then only newlines to the end. Returns the end index.
     */
    private static int afterPadding(byte[] src, int si, int count) {
        int len = src.length;
        if (count == 2) {
            si = skipNewlines(src, si);
            if (si == len) {
                throw new DecodeException(len);
            }
            if (src[si] != '=') {
                throw new DecodeException(si - 1);
            }
            si++;
        }
        si = skipNewlines(src, si);
        if (si < len) {
            throw new DecodeException(si);
        }
        return si;
    }

    private static int skipNewlines(byte[] src, int si) {
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
            si++;
        }
        return si;
    }
}

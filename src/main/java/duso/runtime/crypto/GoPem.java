package duso.runtime.crypto;

import duso.runtime.formats.GoBase64;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * PEM as Go's encoding/pem reads and writes it. Reading finds the first well-formed block
 * whatever its type (the reference never checks the label, so a "PUBLIC KEY" handed to a
 * signer fails later, in the key parser, with that parser's message): "-----BEGIN " at the
 * start of a line, a type line ending in "-----", optional "Key: value" headers, base64 with
 * spaces and tabs ignored, and a matching END line with nothing after it. A block whose base64
 * is damaged is skipped. Writing uses 64-column lines and a final newline.
 */
public final class GoPem {
    private GoPem() {}

    private static final byte[] BEGIN = bytes("-----BEGIN ");
    private static final byte[] NL_BEGIN = bytes("\n-----BEGIN ");
    private static final byte[] END = bytes("-----END ");
    private static final byte[] NL_END = bytes("\n-----END ");
    private static final byte[] DASHES = bytes("-----");

    /** The DER bytes of the first block in the text, or null when there is none (Go's nil block). */
    public static byte[] decode(String text) {
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        int rest = 0;
        while (true) {
            if (startsWith(data, rest, BEGIN)) {
                rest += BEGIN.length;
            } else {
                int at = indexOf(data, rest, NL_BEGIN);
                if (at < 0) {
                    return null;
                }
                rest = at + NL_BEGIN.length;
            }
            int[] typeLine = line(data, rest);
            rest = typeLine[2];
            int typeStart = typeLine[0];
            int typeEnd = typeLine[1] - DASHES.length;
            if (typeEnd < typeStart || !startsWith(data, typeEnd, DASHES)) {
                continue;
            }
            boolean headers = false;
            while (true) {
                if (rest == data.length) {
                    return null;
                }
                int[] header = line(data, rest);
                if (indexOf(data, header[0], header[1], (byte) ':') < 0) {
                    break;
                }
                headers = true;
                rest = header[2];
            }
            int endIndex;
            int trailer;
            if (!headers && startsWith(data, rest, END)) {
                endIndex = rest;
                trailer = rest + END.length;
            } else {
                endIndex = indexOf(data, rest, NL_END);
                trailer = endIndex + NL_END.length;
            }
            if (endIndex < 0) {
                continue;
            }
            int typeLength = typeEnd - typeStart;
            int trailerEnd = trailer + typeLength + DASHES.length;
            if (trailerEnd > data.length
                    || !regionEquals(data, trailer, data, typeStart, typeLength)
                    || !startsWith(data, trailerEnd - DASHES.length, DASHES)) {
                continue;
            }
            int[] restOfEndLine = line(data, trailerEnd);
            if (restOfEndLine[1] != restOfEndLine[0]) {
                continue;
            }
            try {
                return GoBase64.decode(withoutSpacesAndTabs(data, rest, endIndex));
            } catch (GoBase64.DecodeException e) {
                // Go skips a block it cannot decode and looks for the next one
            }
        }
    }

    /** Go's pem.EncodeToMemory of a block without headers. */
    public static String encode(String type, byte[] der) {
        String b64 = Base64.getEncoder().encodeToString(der);
        StringBuilder sb = new StringBuilder(b64.length() + b64.length() / 64 + 2 * type.length() + 40);
        sb.append("-----BEGIN ").append(type).append("-----\n");
        for (int i = 0; i < b64.length(); i += 64) {
            sb.append(b64, i, Math.min(b64.length(), i + 64)).append('\n');
        }
        return sb.append("-----END ").append(type).append("-----\n").toString();
    }

    /** {start, end without trailing spaces/tabs and CR, start of the next line} (Go's getLine). */
    private static int[] line(byte[] data, int from) {
        int nl = indexOf(data, from, data.length, (byte) '\n');
        int end;
        int next;
        if (nl < 0) {
            end = data.length;
            next = end;
        } else {
            next = nl + 1;
            end = nl > from && data[nl - 1] == '\r' ? nl - 1 : nl;
        }
        while (end > from && (data[end - 1] == ' ' || data[end - 1] == '\t')) {
            end--;
        }
        return new int[] {from, end, next};
    }

    private static byte[] withoutSpacesAndTabs(byte[] data, int from, int to) {
        byte[] out = new byte[to - from];
        int n = 0;
        for (int i = from; i < to; i++) {
            if (data[i] != ' ' && data[i] != '\t') {
                out[n++] = data[i];
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix) {
        return at >= 0 && at + prefix.length <= data.length && regionEquals(data, at, prefix, 0, prefix.length);
    }

    private static boolean regionEquals(byte[] a, int aFrom, byte[] b, int bFrom, int length) {
        return java.util.Arrays.equals(a, aFrom, aFrom + length, b, bFrom, bFrom + length);
    }

    private static int indexOf(byte[] data, int from, byte[] needle) {
        for (int i = from; i + needle.length <= data.length; i++) {
            if (data[i] == needle[0] && regionEquals(data, i, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    private static int indexOf(byte[] data, int from, int to, byte b) {
        for (int i = from; i < to; i++) {
            if (data[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

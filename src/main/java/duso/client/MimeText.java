package duso.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The two ways send_mail() makes text safe for a mail transport, byte for byte as Go's mime
 * packages do it, so messages (and their line lengths) match the reference's: RFC 2047
 * encoded-words for header text that is not plain printable ASCII ({@code =?utf-8?q?...?=},
 * split into words of at most 75 characters without splitting a character), and RFC 2045
 * quoted-printable for bodies (lines of at most 76 characters, soft breaks as {@code =},
 * trailing blanks encoded, every line break written as CRLF).
 */
final class MimeText {
    private MimeText() {}

    private static final byte[] UPPER_HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    /** An encoded-word's payload budget: 75 less "=?UTF-8?q?" and "?=". */
    private static final int MAX_WORD_CONTENT = 63;
    /** How many raw bytes fit one base64 encoded-word (Go's DecodedLen of the budget). */
    private static final int MAX_BASE64_BYTES = MAX_WORD_CONTENT / 4 * 3;
    private static final int QP_LINE_MAX = 76;

    /** Whether header text must become encoded-words: anything outside printable ASCII and tab. */
    static boolean needsEncoding(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < ' ' || c > '~') && c != '\t') {
                return true;
            }
        }
        return false;
    }

    /** Q-encoded words ({@code mime.QEncoding.Encode("utf-8", s)}); s itself when plain. */
    static String qWords(String s) {
        if (!needsEncoding(s)) {
            return s;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(b.length * 3 + 16).append("=?utf-8?q?");
        int used = 0;
        for (int i = 0; i < b.length; ) {
            int c = b[i] & 0xff;
            boolean plain = c >= ' ' && c <= '~' && c != '=' && c != '?' && c != '_';
            int len = plain ? 1 : utf8Length(b, i);
            int encoded = plain ? 1 : 3 * len;
            if (used + encoded > MAX_WORD_CONTENT) {
                out.append("?= =?utf-8?q?");
                used = 0;
            }
            for (int k = i; k < i + len; k++) {
                qByte(out, b[k] & 0xff);
            }
            used += encoded;
            i += len;
        }
        return out.append("?=").toString();
    }

    private static void qByte(StringBuilder out, int c) {
        if (c == ' ') {
            out.append('_');
        } else if (c >= '!' && c <= '~' && c != '=' && c != '?' && c != '_') {
            out.append((char) c);
        } else {
            out.append('=').append((char) UPPER_HEX[c >> 4]).append((char) UPPER_HEX[c & 0xf]);
        }
    }

    /** B-encoded words ({@code mime.BEncoding.Encode("utf-8", s)}); s itself when plain. */
    static String bWords(String s) {
        if (!needsEncoding(s)) {
            return s;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        Base64.Encoder base64 = Base64.getEncoder();
        StringBuilder out = new StringBuilder(b.length * 2 + 16).append("=?utf-8?b?");
        if ((b.length + 2) / 3 * 4 <= MAX_WORD_CONTENT) {
            return out.append(base64.encodeToString(b)).append("?=").toString();
        }
        int start = 0;
        int used = 0;
        for (int i = 0; i < b.length; ) {
            int len = utf8Length(b, i);
            if (used + len <= MAX_BASE64_BYTES) {
                used += len;
            } else {
                out.append(base64.encodeToString(java.util.Arrays.copyOfRange(b, start, i)));
                out.append("?= =?utf-8?b?");
                start = i;
                used = len;
            }
            i += len;
        }
        out.append(base64.encodeToString(java.util.Arrays.copyOfRange(b, start, b.length)));
        return out.append("?=").toString();
    }

    /** The length of the UTF-8 sequence at i (1 for a stray byte, as Go's decoder counts it). */
    private static int utf8Length(byte[] b, int i) {
        int c = b[i] & 0xff;
        int len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        return i + len <= b.length ? len : 1;
    }

    /**
     * Quoted-printable, as Go's quotedprintable.Writer in text mode writes it. Line breaks are
     * first normalized to LF (so CRLF, CR and LF all become one CRLF), then each line is
     * encoded: bytes outside printable ASCII and {@code =} as {@code =XX}, a blank before a
     * line end as {@code =20}/{@code =09}, and a soft break {@code =CRLF} before a line would
     * pass 76 characters. No line break is added after the last line.
     */
    static void quotedPrintable(String text, ByteArrayOutputStream out) {
        byte[] b = text.replace("\r\n", "\n").replace('\r', '\n').getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[QP_LINE_MAX + 2];
        int n = 0;
        for (byte x : b) {
            int c = x & 0xff;
            if (c == '\n') {
                n = encodeTrailingBlank(line, n, out);
                line[n++] = '\r';
                line[n++] = '\n';
                out.write(line, 0, n);
                n = 0;
            } else if (c >= '!' && c <= '~' && c != '=' || c == ' ' || c == '\t') {
                if (n == QP_LINE_MAX - 1) {
                    n = softBreak(line, n, out);
                }
                line[n++] = (byte) c;
            } else {
                n = encodeByte(line, n, c, out);
            }
        }
        n = encodeTrailingBlank(line, n, out);
        out.write(line, 0, n);
    }

    private static int encodeByte(byte[] line, int n, int c, ByteArrayOutputStream out) {
        if (QP_LINE_MAX - 1 - n < 3) {
            n = softBreak(line, n, out);
        }
        line[n] = '=';
        line[n + 1] = UPPER_HEX[c >> 4];
        line[n + 2] = UPPER_HEX[c & 0xf];
        return n + 3;
    }

    private static int encodeTrailingBlank(byte[] line, int n, ByteArrayOutputStream out) {
        if (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t')) {
            return encodeByte(line, n - 1, line[n - 1], out);
        }
        return n;
    }

    private static int softBreak(byte[] line, int n, ByteArrayOutputStream out) {
        line[n++] = '=';
        line[n++] = '\r';
        line[n++] = '\n';
        out.write(line, 0, n);
        return 0;
    }
}

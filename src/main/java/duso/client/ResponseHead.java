package duso.client;

import duso.runtime.GoHeaderNames;
import java.nio.charset.StandardCharsets;

/**
 * A response's status line and headers, parsed straight from the connection's read buffer as
 * Go's ReadResponse and textproto reader do: canonical header names (common ones without
 * allocating), values trimmed and decoded as UTF-8, continuation lines folded into the previous
 * value, Go's messages for malformed input.
 */
record ResponseHead(int status, String proto, int minorVersion, HeaderList headers) {
    private static final String HTTP11 = "HTTP/1.1";
    private static final String HTTP10 = "HTTP/1.0";
    private static final String TOO_LARGE =
            "net/http: server response headers exceeded " + Http1Codec.MAX_HEAD + " bytes; aborted";

    /** Reads one head; the connection's first byte has already arrived. */
    static ResponseHead read(Http1Connection c, CallControl ctl) throws FetchFailure {
        int n = line(c, ctl);
        byte[] b = c.buf;
        int start = c.pos;
        int end = start + n;
        int sp = indexOf(b, start, end, (byte) ' ');
        if (sp < 0) {
            throw new FetchFailure("malformed HTTP response " + ByteStrings.quote(c.lineText(n)));
        }
        int codeStart = sp + 1;
        while (codeStart < end && b[codeStart] == ' ') {
            codeStart++;
        }
        int codeEnd = indexOf(b, codeStart, end, (byte) ' ');
        if (codeEnd < 0) {
            codeEnd = end;
        }
        int status = status(b, codeStart, codeEnd);
        String proto = proto(b, start, sp);
        int minor = minorVersion(proto);
        c.consumeLine();
        return new ResponseHead(status, proto, minor, headers(c, ctl));
    }

    private static int status(byte[] b, int from, int to) throws FetchFailure {
        int n = 0;
        boolean ok = to - from == 3;
        for (int i = from; ok && i < to; i++) {
            ok = b[i] >= '0' && b[i] <= '9';
            n = n * 10 + b[i] - '0';
        }
        if (!ok) {
            throw new FetchFailure("malformed HTTP status code "
                    + ByteStrings.quote(new String(b, from, to - from, StandardCharsets.ISO_8859_1)));
        }
        return n;
    }

    private static String proto(byte[] b, int from, int to) {
        if (to - from == 8 && b[from] == 'H' && b[from + 5] == '1' && b[from + 6] == '.') {
            if (b[from + 7] == '1' && matches(b, from, HTTP11)) {
                return HTTP11;
            }
            if (b[from + 7] == '0' && matches(b, from, HTTP10)) {
                return HTTP10;
            }
        }
        return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
    }

    /** The minor version of HTTP/1.x (0 or 1); any other well-formed version counts as 1. */
    private static int minorVersion(String proto) throws FetchFailure {
        if (proto == HTTP11) {
            return 1;
        }
        if (proto == HTTP10) {
            return 0;
        }
        if (proto.length() == 8 && proto.startsWith("HTTP/") && Character.isDigit(proto.charAt(5))
                && proto.charAt(6) == '.' && Character.isDigit(proto.charAt(7))) {
            return proto.charAt(5) == '0' ? 0 : 1;
        }
        throw new FetchFailure("malformed HTTP version " + ByteStrings.quote(proto));
    }

    /** Header lines up to the blank line. */
    private static HeaderList headers(Http1Connection c, CallControl ctl) throws FetchFailure {
        HeaderList h = new HeaderList();
        while (true) {
            int n = line(c, ctl);
            if (n == 0) {
                c.consumeLine();
                return h;
            }
            byte[] b = c.buf;
            int start = c.pos;
            int end = start + n;
            if ((b[start] == ' ' || b[start] == '\t') && !h.isEmpty()) {
                h.appendToLast(" " + value(b, start, end));
                c.consumeLine();
                continue;
            }
            int colon = indexOf(b, start, end, (byte) ':');
            if (colon <= start || !validName(b, start, colon)) {
                throw new FetchFailure("malformed MIME header line: " + ByteStrings.toText(c.lineText(n)));
            }
            h.add(HeaderNames.canonical(b, start, colon), value(b, colon + 1, end));
            c.consumeLine();
        }
    }

    /** Token bytes, plus the spaces Go tolerates before the colon (the name is then kept as is). */
    private static boolean validName(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != ' ' && (b[i] < 0 || !GoHeaderNames.isTokenChar((char) b[i]))) {
                return false;
            }
        }
        return true;
    }

    private static String value(byte[] b, int from, int to) {
        while (from < to && (b[from] == ' ' || b[from] == '\t')) {
            from++;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    /** One line of the head; end of stream there is Go's "unexpected EOF". */
    private static int line(Http1Connection c, CallControl ctl) throws FetchFailure {
        int n = c.bufferLine(ctl, Http1Codec.MAX_HEAD, TOO_LARGE);
        if (n < 0) {
            throw new FetchFailure("unexpected EOF");
        }
        return n;
    }

    static int indexOf(byte[] b, int from, int to, byte target) {
        for (int i = from; i < to; i++) {
            if (b[i] == target) {
                return i;
            }
        }
        return -1;
    }

    private static boolean matches(byte[] b, int from, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            if (b[from + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

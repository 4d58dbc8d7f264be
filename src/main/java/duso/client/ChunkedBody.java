package duso.client;

import java.util.Arrays;

/**
 * A chunked response body (RFC 9112 §7.1): hex size lines (extensions ignored), data, CRLF,
 * a zero-size last chunk and optional trailers, which are read and dropped. Malformed input
 * fails with Go's chunked reader's messages.
 */
final class ChunkedBody {
    private ChunkedBody() {}

    private static final int MAX_LINE = 4096;

    static byte[] read(Http1Connection c, CallControl ctl) throws FetchFailure {
        Bytes out = new Bytes(1024);
        while (true) {
            long size = size(c, line(c, ctl));
            c.consumeLine();
            if (size == 0) {
                int n;
                while ((n = line(c, ctl)) > 0) {
                    c.consumeLine(); // trailers: Go keeps them apart from the headers; fetch() never shows them
                }
                c.consumeLine();
                return out.toArray();
            }
            if (size > Integer.MAX_VALUE - 16 - out.size) {
                throw new FetchFailure("http: response body too large");
            }
            copy(c, ctl, out, (int) size);
            if (!crlf(c, ctl)) {
                throw new FetchFailure("malformed chunked encoding");
            }
        }
    }

    /** The chunk size of the buffered size line (extensions after ';' ignored). */
    private static long size(Http1Connection c, int length) throws FetchFailure {
        byte[] b = c.buf;
        int from = c.pos;
        int to = from + length;
        int semi = ResponseHead.indexOf(b, from, to, (byte) ';');
        if (semi >= 0) {
            to = semi;
        }
        while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
            to--;
        }
        if (semi >= 0) {
            while (from < to && (b[from] == ' ' || b[from] == '\t')) {
                from++;
            }
        }
        if (from == to) {
            throw new FetchFailure("empty hex number for chunk length");
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char ch = (char) (b[i] & 0xff);
            if (!UrlCodec.isHex(ch)) {
                throw new FetchFailure("invalid byte in chunk length");
            }
            if (i - from == 16) {
                throw new FetchFailure("http chunk length too large");
            }
            n = n << 4 | UrlCodec.hexValue(ch);
        }
        if (n < 0) {
            throw new FetchFailure("http chunk length too large");
        }
        return n;
    }

    private static void copy(Http1Connection c, CallControl ctl, Bytes out, int size) throws FetchFailure {
        int left = size;
        int buffered = Math.min(left, c.lim - c.pos);
        out.append(c.buf, c.pos, buffered);
        c.pos += buffered;
        left -= buffered;
        if (left > 0) {
            out.ensure(left);
            while (left > 0) {
                int n = c.read(out.data, out.size, left, ctl);
                if (n < 0) {
                    throw new FetchFailure("unexpected EOF");
                }
                out.size += n;
                left -= n;
            }
        }
    }

    private static boolean crlf(Http1Connection c, CallControl ctl) throws FetchFailure {
        while (c.lim - c.pos < 2) {
            if (c.fill(ctl, MAX_LINE) < 0) {
                throw new FetchFailure("unexpected EOF");
            }
        }
        boolean ok = c.buf[c.pos] == '\r' && c.buf[c.pos + 1] == '\n';
        c.pos += 2;
        return ok;
    }

    /** Buffers the next line and returns its length. */
    private static int line(Http1Connection c, CallControl ctl) throws FetchFailure {
        int n = c.bufferLine(ctl, MAX_LINE, "header line too long");
        if (n < 0) {
            throw new FetchFailure("unexpected EOF");
        }
        return n;
    }

    /** A growable byte array (unsynchronized, unlike ByteArrayOutputStream). */
    static final class Bytes {
        byte[] data;
        int size;

        Bytes(int capacity) {
            data = new byte[capacity];
        }

        void ensure(int more) {
            if (data.length - size < more) {
                data = Arrays.copyOf(data, Math.max(size + more, data.length * 2));
            }
        }

        void append(byte[] src, int off, int len) {
            ensure(len);
            System.arraycopy(src, off, data, size, len);
            size += len;
        }

        byte[] toArray() {
            return size == data.length ? data : Arrays.copyOf(data, size);
        }
    }
}

package duso.store;

import java.nio.charset.StandardCharsets;

/**
 * Reads the primitive encodings {@link ByteWriter} writes, from a byte range, with Go's
 * varint rules (a varint longer than ten bytes or past 64 bits is malformed). Every read
 * checks what is left, so damaged input ends in a {@link FormatException}, never in an
 * index error or a huge allocation.
 */
final class ByteReader {
    private final byte[] buf;
    private int pos;
    private final int end;

    ByteReader(byte[] buf) {
        this(buf, 0, buf.length);
    }

    ByteReader(byte[] buf, int offset, int length) {
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Whether the first {@code length} bytes of data begin with prefix (file magic checks). */
    static boolean startsWith(byte[] data, int length, byte[] prefix) {
        if (length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    int remaining() {
        return end - pos;
    }

    int position() {
        return pos;
    }

    int u8(String truncated) {
        if (pos >= end) {
            throw new FormatException(truncated);
        }
        return buf[pos++] & 0xff;
    }

    /** Go's binary.Uvarint; {@code malformed} is the error when it is short or overflows. */
    long uvarint(String malformed) {
        long x = 0;
        int shift = 0;
        for (int i = 0; i < 10; i++) {
            if (pos + i >= end) {
                throw new FormatException(malformed);
            }
            int b = buf[pos + i] & 0xff;
            if (b < 0x80) {
                if (i == 9 && b > 1) {
                    throw new FormatException(malformed);
                }
                pos += i + 1;
                return x | ((long) b << shift);
            }
            x |= (long) (b & 0x7f) << shift;
            shift += 7;
        }
        throw new FormatException(malformed);
    }

    /** A length prefix that must fit in what is left (the codec's readCount). */
    int count(String malformed) {
        long n = uvarint(malformed);
        if (Long.compareUnsigned(n, remaining()) > 0) {
            throw new FormatException("truncated value: length " + Long.toUnsignedString(n) + " exceeds "
                    + remaining() + " remaining bytes");
        }
        return (int) n;
    }

    long u64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (long) (buf[pos + i] & 0xff) << (8 * i);
        }
        pos += 8;
        return v;
    }

    byte[] bytes(int n) {
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    String utf8(int n) {
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** A uvarint-prefixed string whose length must fit in what is left. */
    String rawString(String malformed, String tooLong) {
        long n = uvarint(malformed);
        if (Long.compareUnsigned(n, remaining()) > 0) {
            throw new FormatException(tooLong.replace("%N", Long.toUnsignedString(n))
                    .replace("%R", Integer.toString(remaining())));
        }
        return utf8((int) n);
    }
}

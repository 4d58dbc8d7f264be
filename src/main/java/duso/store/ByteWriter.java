package duso.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer with the primitive encodings the datastore's file formats use:
 * Go-style unsigned varints, little-endian fixed-width integers and floats, and
 * length-prefixed UTF-8 strings. One buffer is reused per writer, so encoding a record
 * allocates nothing once it has grown to size.
 */
final class ByteWriter {
    private byte[] buf;
    private int len;

    ByteWriter(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int length() {
        return len;
    }

    byte[] array() {
        return buf;
    }

    void reset() {
        len = 0;
    }

    /** Drops everything from {@code length} on. */
    void truncate(int length) {
        len = length;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    void u8(int b) {
        ensure(1);
        buf[len++] = (byte) b;
    }

    /** Go's binary.AppendUvarint: 7 bits a byte, low bits first, high bit = more follows. */
    void uvarint(long v) {
        ensure(10);
        while (Long.compareUnsigned(v, 0x80) >= 0) {
            buf[len++] = (byte) (v | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    void u16(int v) {
        ensure(2);
        buf[len++] = (byte) v;
        buf[len++] = (byte) (v >>> 8);
    }

    void u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
    }

    void u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[len++] = (byte) (v >>> (8 * i));
        }
    }

    /** Writes u32 little-endian at an earlier offset (frame headers filled in afterwards). */
    void putU32At(int offset, long v) {
        for (int i = 0; i < 4; i++) {
            buf[offset + i] = (byte) (v >>> (8 * i));
        }
    }

    void f64(double d) {
        u64(Double.doubleToRawLongBits(d));
    }

    void bytes(byte[] b, int off, int n) {
        ensure(n);
        System.arraycopy(b, off, buf, len, n);
        len += n;
    }

    void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    /** uvarint byte length, then the UTF-8 bytes (the formats' "raw string"). */
    void rawString(String s) {
        if (isAscii(s)) {
            int n = s.length();
            ensure(n + 10);
            uvarint(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        uvarint(b.length);
        bytes(b);
    }

    private static boolean isAscii(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}

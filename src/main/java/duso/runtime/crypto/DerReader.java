package duso.runtime.crypto;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * A strict DER reader in the manner of Go's cryptobyte, which x509 uses for the inside of
 * public keys: each read either takes a whole, minimally encoded element of the expected tag
 * or returns null and leaves the reader where it was. Go's asn1.Unmarshal, with its error
 * messages, is {@link GoAsn1}; this is for the places where Go only says "invalid".
 */
final class DerReader {
    private final byte[] data;
    private int pos;
    private final int end;

    DerReader(byte[] data) {
        this(data, 0, data.length);
    }

    private DerReader(byte[] data, int from, int to) {
        this.data = data;
        this.pos = from;
        this.end = to;
    }

    boolean empty() {
        return pos >= end;
    }

    /** The contents of a SEQUENCE, as a reader of their own. */
    DerReader sequence() {
        int[] span = element(0x30);
        return span == null ? null : new DerReader(data, span[0], span[1]);
    }

    /** An INTEGER (negative values allowed), or null. */
    BigInteger integer() {
        int[] span = element(0x02);
        if (span == null) {
            return null;
        }
        int len = span[1] - span[0];
        if (len == 0 || len > 1 && (data[span[0]] == 0 && (data[span[0] + 1] & 0x80) == 0
                || data[span[0]] == (byte) 0xff && (data[span[0] + 1] & 0x80) != 0)) {
            return null;
        }
        return new BigInteger(Arrays.copyOfRange(data, span[0], span[1]));
    }

    /** An OBJECT IDENTIFIER as its arcs, or null. */
    int[] oid() {
        int[] span = element(0x06);
        if (span == null || span[0] == span[1]) {
            return null;
        }
        int[] arcs = new int[span[1] - span[0] + 1];
        int n = 0;
        long value = 0;
        boolean first = true;
        for (int i = span[0]; i < span[1]; i++) {
            int b = data[i] & 0xFF;
            if (value == 0 && b == 0x80) {
                return null; // non-minimal arc
            }
            value = value << 7 | b & 0x7F;
            if (value > Integer.MAX_VALUE) {
                return null;
            }
            if ((b & 0x80) == 0) {
                if (first) {
                    arcs[n++] = value < 80 ? (int) value / 40 : 2;
                    arcs[n++] = value < 80 ? (int) value % 40 : (int) value - 80;
                    first = false;
                } else {
                    arcs[n++] = (int) value;
                }
                value = 0;
            } else if (i == span[1] - 1) {
                return null; // truncated arc
            }
        }
        return Arrays.copyOf(arcs, n);
    }

    /** {contents start, contents end} of the next element if it has this tag, else null. */
    private int[] element(int tag) {
        if (end - pos < 2 || (data[pos] & 0xFF) != tag) {
            return null;
        }
        int at = pos + 1;
        int first = data[at++] & 0xFF;
        long len;
        if (first < 0x80) {
            len = first;
        } else {
            int n = first & 0x7F;
            if (n == 0 || n > 4 || end - at < n || data[at] == 0) {
                return null;
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = len << 8 | data[at++] & 0xFF;
            }
            if (len < 0x80) {
                return null; // must have used the short form
            }
        }
        if (len > end - at) {
            return null;
        }
        pos = at + (int) len;
        return new int[] {at, pos};
    }
}

package duso.runtime.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;

/** The few DER encodings the signature builtins build: SEQUENCE, INTEGER, BIT STRING, raw TLVs. */
final class DerWriter {
    private DerWriter() {}

    static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            content.writeBytes(p);
        }
        return tlv(0x30, content.toByteArray());
    }

    /** An INTEGER in minimal two's complement, as Go's asn1.Marshal writes big.Int and int. */
    static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    /** A BIT STRING of whole bytes (no unused bits). */
    static byte[] bitString(byte[] bytes) {
        byte[] content = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, content, 1, bytes.length);
        return tlv(0x03, content);
    }

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }
}

package duso.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * PEM text to JDK keys and certificates, with no library: certificate chains, PKCS#8
 * private keys ("PRIVATE KEY"), PKCS#1 RSA keys ("RSA PRIVATE KEY") and SEC1 EC keys ("EC
 * PRIVATE KEY"), the last two rewrapped as PKCS#8, the only form the JDK reads. Used for TLS
 * certificates and keys; RS256 JWT keys go through {@link duso.runtime.crypto.JwtKeys}, which
 * reads them exactly as the reference does.
 */
final class PemKeys {
    private PemKeys() {}

    /** One PEM block: its label ("CERTIFICATE", "RSA PRIVATE KEY"…) and DER bytes. */
    record Block(String type, byte[] der) {}

    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    /** Every well-formed block in the text, in order (text outside blocks is ignored, as Go does). */
    static List<Block> decode(String text) {
        List<Block> out = new ArrayList<>();
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN ", at);
            if (begin < 0) {
                return out;
            }
            int typeEnd = text.indexOf("-----", begin + 11);
            if (typeEnd < 0) {
                return out;
            }
            String type = text.substring(begin + 11, typeEnd);
            String endMarker = "-----END " + type + "-----";
            int end = text.indexOf(endMarker, typeEnd + 5);
            if (end < 0) {
                return out;
            }
            StringBuilder b64 = new StringBuilder();
            for (String line : text.substring(typeEnd + 5, end).split("\n")) {
                line = line.strip();
                if (!line.isEmpty() && !line.contains(":")) {
                    b64.append(line);
                }
            }
            try {
                out.add(new Block(type, Base64.getDecoder().decode(b64.toString())));
            } catch (IllegalArgumentException e) {
                // a damaged block is skipped, as Go's pem.Decode skips what it cannot read
            }
            at = end + endMarker.length();
        }
    }

    static List<X509Certificate> certificates(List<Block> blocks) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        for (Block b : blocks) {
            if (b.type().equals("CERTIFICATE")) {
                chain.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        return chain;
    }

    /** The first private key block (PKCS#8, PKCS#1 RSA or SEC1 EC), or null when there is none. */
    static Block firstPrivateKey(List<Block> blocks) {
        for (Block b : blocks) {
            if (b.type().equals("PRIVATE KEY") || b.type().endsWith(" PRIVATE KEY")) {
                return b;
            }
        }
        return null;
    }

    /** Reads a private key block, trying PKCS#1 RSA, PKCS#8 and SEC1 EC by content. */
    static PrivateKey privateKey(Block b) throws GeneralSecurityException {
        byte[] der = b.der();
        if (b.type().equals("EC PRIVATE KEY")) {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(wrapSec1(der)));
        }
        if (b.type().equals("RSA PRIVATE KEY")) {
            return rsaPkcs1(der);
        }
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException notRsa) {
            try {
                return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException notEc) {
                return rsaPkcs1(der);
            }
        }
    }

    private static PrivateKey rsaPkcs1(byte[] der) throws GeneralSecurityException {
        byte[] info = sequence(concat(hex("020100"), RSA_ALGORITHM, tlv(0x04, der)));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(info));
    }

    /** SEC1 ECPrivateKey → PKCS#8, taking the curve from the key's own parameters field. */
    private static byte[] wrapSec1(byte[] sec1) throws GeneralSecurityException {
        byte[] curve = findCurveOid(sec1);
        if (curve == null) {
            throw new GeneralSecurityException("EC key without curve parameters");
        }
        byte[] algorithm = sequence(concat(EC_PUBLIC_KEY_OID, curve));
        return sequence(concat(hex("020100"), algorithm, tlv(0x04, sec1)));
    }

    /** The OID inside the [0] field of an ECPrivateKey SEQUENCE, with its tag and length. */
    private static byte[] findCurveOid(byte[] der) {
        int[] pos = {0};
        if (readTag(der, pos) != 0x30) {
            return null;
        }
        readLength(der, pos);
        while (pos[0] < der.length) {
            int tag = readTag(der, pos);
            int len = readLength(der, pos);
            if (len < 0 || pos[0] + len > der.length) {
                return null;
            }
            if (tag == 0xA0 && len > 2 && der[pos[0]] == 0x06) {
                byte[] oid = new byte[len];
                System.arraycopy(der, pos[0], oid, 0, len);
                return oid;
            }
            pos[0] += len;
        }
        return null;
    }

    private static int readTag(byte[] der, int[] pos) {
        return pos[0] < der.length ? der[pos[0]++] & 0xFF : -1;
    }

    private static int readLength(byte[] der, int[] pos) {
        if (pos[0] >= der.length) {
            return -1;
        }
        int first = der[pos[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        int n = first & 0x7F;
        if (n > 3) {
            return -1;
        }
        int len = 0;
        for (int i = 0; i < n && pos[0] < der.length; i++) {
            len = len << 8 | der[pos[0]++] & 0xFF;
        }
        return len;
    }

    private static byte[] sequence(byte[] content) {
        return tlv(0x30, content);
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}

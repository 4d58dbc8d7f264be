package duso.runtime.crypto;

import duso.runtime.Args;
import duso.runtime.formats.GoBase64;
import java.math.BigInteger;

/**
 * rsa_from_jwk and ec_from_jwk: a JSON Web Key's public numbers (unpadded base64url) as the
 * PEM "PUBLIC KEY" (PKIX) text Go's MarshalPKIXPublicKey and pem.EncodeToMemory write, byte
 * for byte, ready for verify_rsa and verify_ec. Like the reference, an RSA exponent keeps only
 * its low 64 bits, and EC keys are P-256 only, checked to lie on the curve.
 */
public final class JwkKeys {
    private JwkKeys() {}

    private static final byte[] RSA_ALGORITHM = java.util.HexFormat.of().parseHex("300d06092a864886f70d0101010500");
    private static final byte[] P256_ALGORITHM =
            java.util.HexFormat.of().parseHex("301306072a8648ce3d020106082a8648ce3d030107");

    public static Object rsaFromJwk(Args a) {
        String fn = "rsa_from_jwk";
        String n = text(a, 0, "n", fn, "requires an 'n' (modulus) argument");
        String e = text(a, 1, "e", fn, "requires an 'e' (exponent) argument");
        BigInteger modulus = new BigInteger(1, decode(n, fn, "modulus"));
        // Go: big.Int.Uint64() keeps the low 64 bits, then int() reads them as signed
        long exponent = new BigInteger(1, decode(e, fn, "exponent")).longValue();
        byte[] pkcs1 = DerWriter.sequence(DerWriter.integer(modulus), DerWriter.integer(BigInteger.valueOf(exponent)));
        return GoPem.encode("PUBLIC KEY", DerWriter.sequence(RSA_ALGORITHM, DerWriter.bitString(pkcs1)));
    }

    public static Object ecFromJwk(Args a) {
        String fn = "ec_from_jwk";
        String x = text(a, 0, "x", fn, "requires an 'x' coordinate argument");
        String y = text(a, 1, "y", fn, "requires a 'y' coordinate argument");
        BigInteger px = new BigInteger(1, decode(x, fn, "x coordinate"));
        BigInteger py = new BigInteger(1, decode(y, fn, "y coordinate"));
        EcCurves.Curve curve = EcCurves.P256;
        if (!curve.contains(px, py)) {
            throw Signatures.error(fn, "coordinates are not on P-256 curve");
        }
        byte[] point = new byte[1 + 2 * curve.size()];
        point[0] = 4;
        place(px, point, 1, curve.size());
        place(py, point, 1 + curve.size(), curve.size());
        return GoPem.encode("PUBLIC KEY", DerWriter.sequence(P256_ALGORITHM, DerWriter.bitString(point)));
    }

    private static String text(Args a, int index, String name, String fn, String missing) {
        String s = a.get(index, name) instanceof String t ? t : "";
        if (s.isEmpty()) {
            throw Signatures.error(fn, missing);
        }
        return s;
    }

    private static byte[] decode(String text, String fn, String what) {
        try {
            return GoBase64.decodeRawUrl(text);
        } catch (GoBase64.DecodeException e) {
            throw Signatures.error(fn, "failed to decode " + what + ": " + e.getMessage());
        }
    }

    /** The number big-endian, right-aligned in {@code size} bytes (it is known to fit). */
    private static void place(BigInteger v, byte[] out, int at, int size) {
        byte[] b = v.toByteArray();
        int skip = b.length > size ? b.length - size : 0;
        System.arraycopy(b, skip, out, at + size - (b.length - skip), b.length - skip);
    }
}

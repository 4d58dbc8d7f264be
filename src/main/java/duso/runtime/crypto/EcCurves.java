package duso.runtime.crypto;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.Arrays;

/**
 * The NIST curves Go's x509 names by OID and the JDK can compute on: P-256, P-384 and P-521.
 * (Go also knows P-224, which the JDK dropped; a P-224 key reads as an unknown curve here.)
 */
final class EcCurves {
    private EcCurves() {}

    /** A curve: its JDK name, OID and field size in bytes; parameters are fetched on first use. */
    static final class Curve {
        final String jdkName;
        final int[] oid;
        private final int size;
        private volatile ECParameterSpec params;

        private Curve(String jdkName, int[] oid, int size) {
            this.jdkName = jdkName;
            this.oid = oid;
            this.size = size;
        }

        int size() {
            return size;
        }

        ECParameterSpec params() {
            ECParameterSpec p = params;
            if (p == null) {
                try {
                    AlgorithmParameters ap = AlgorithmParameters.getInstance("EC");
                    ap.init(new ECGenParameterSpec(jdkName));
                    p = ap.getParameterSpec(ECParameterSpec.class);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the JDK lacks " + jdkName, e);
                }
                params = p;
            }
            return p;
        }

        /** Whether (x, y) is a point of the curve with both coordinates reduced (Go's IsOnCurve). */
        boolean contains(BigInteger x, BigInteger y) {
            ECParameterSpec spec = params();
            BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
            if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
                return false;
            }
            BigInteger rhs = x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
            return y.multiply(y).mod(p).equals(rhs);
        }
    }

    static final Curve P256 = new Curve("secp256r1", new int[] {1, 2, 840, 10045, 3, 1, 7}, 32);
    static final Curve P384 = new Curve("secp384r1", new int[] {1, 3, 132, 0, 34}, 48);
    static final Curve P521 = new Curve("secp521r1", new int[] {1, 3, 132, 0, 35}, 66);

    /** The curve with this OID, or null. */
    static Curve byOid(int[] oid) {
        for (Curve c : new Curve[] {P256, P384, P521}) {
            if (Arrays.equals(c.oid, oid)) {
                return c;
            }
        }
        return null;
    }

    /** The curve of a JDK EC key's parameters, matched by order (the JDK's names vary). */
    static Curve of(ECParameterSpec spec) {
        for (Curve c : new Curve[] {P256, P384, P521}) {
            if (c.params().getOrder().equals(spec.getOrder())) {
                return c;
            }
        }
        return null;
    }
}

package duso.runtime.crypto;

import duso.runtime.crypto.GoAsn1.Asn1Exception;
import duso.runtime.crypto.GoAsn1.BitString;
import duso.runtime.crypto.GoAsn1.Field;
import duso.runtime.crypto.GoAsn1.RawValue;
import duso.runtime.crypto.GoAsn1.Type;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.security.spec.RSAPrivateKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.List;

/**
 * The key parsers of Go's crypto/x509 that the reference's signature builtins call
 * (ParsePKCS1PrivateKey, ParsePKCS8PrivateKey, ParseECPrivateKey, ParsePKIXPublicKey,
 * ParseCertificate), giving JDK keys. Each accepts what Go accepts and fails with Go's message,
 * including its hints ("use ParsePKCS8PrivateKey instead for this key format"), because the
 * builtins pass those messages on to scripts. No PEM here: callers hand over DER.
 */
final class GoX509 {
    private GoX509() {}

    /** A key Go refuses, with Go's message. */
    static final class KeyException extends Exception {
        KeyException(String message) {
            super(message, null, false, false);
        }
    }

    /** A parsed public key; {@code key} is null for algorithms Go knows but the builtins never use. */
    record ParsedPublicKey(String algorithm, PublicKey key) {}

    static final int[] OID_RSA = {1, 2, 840, 113549, 1, 1, 1};
    static final int[] OID_EC = {1, 2, 840, 10045, 2, 1};
    static final int[] OID_ED25519 = {1, 3, 101, 112};
    private static final int[] OID_X25519 = {1, 3, 101, 110};
    private static final int[] OID_DSA = {1, 2, 840, 10040, 4, 1};
    private static final byte[] ASN1_NULL = {0x05, 0x00};
    private static final byte[] ED25519_SPKI_PREFIX = java.util.HexFormat.of().parseHex("302a300506032b6570032100");

    // The Go structs, field for field (see crypto/x509 pkcs1.go, pkcs8.go, sec1.go, x509.go).
    private static final Type ALGORITHM_IDENTIFIER = Type.struct("AlgorithmIdentifier",
            Field.of(Type.OID), Field.optional(Type.RAW_VALUE));
    private static final Type PKCS1_ADDITIONAL_PRIME = Type.struct("pkcs1AdditionalRSAPrime",
            Field.of(Type.BIG_INT), Field.of(Type.BIG_INT), Field.of(Type.BIG_INT));
    static final Type PKCS1_PRIVATE_KEY = Type.struct("pkcs1PrivateKey",
            Field.of(Type.INT), Field.of(Type.BIG_INT), Field.of(Type.INT), Field.of(Type.BIG_INT),
            Field.of(Type.BIG_INT), Field.of(Type.BIG_INT), Field.optional(Type.BIG_INT),
            Field.optional(Type.BIG_INT), Field.optional(Type.BIG_INT),
            new Field(Type.sequenceOf(PKCS1_ADDITIONAL_PRIME), true, -1, true));
    static final Type PKCS8 = Type.struct("pkcs8",
            Field.of(Type.INT), Field.of(ALGORITHM_IDENTIFIER), Field.of(Type.BYTES));
    static final Type EC_PRIVATE_KEY = Type.struct("ecPrivateKey",
            Field.of(Type.INT), Field.of(Type.BYTES),
            Field.optionalExplicit(Type.OID, 0), Field.optionalExplicit(Type.BIT_STRING, 1));
    static final Type PUBLIC_KEY_INFO = Type.struct("publicKeyInfo",
            Field.of(ALGORITHM_IDENTIFIER), Field.of(Type.BIT_STRING));
    static final Type PKCS1_PUBLIC_KEY = Type.struct("pkcs1PublicKey",
            Field.of(Type.BIG_INT), Field.of(Type.INT));

    private static final String USE_EC = "x509: failed to parse private key (use ParseECPrivateKey instead for this key format)";
    private static final String USE_PKCS8 = "x509: failed to parse private key (use ParsePKCS8PrivateKey instead for this key format)";
    private static final String USE_PKCS1 = "x509: failed to parse private key (use ParsePKCS1PrivateKey instead for this key format)";

    static PrivateKey parsePkcs1PrivateKey(byte[] der) throws KeyException {
        Object[] f;
        try {
            GoAsn1.Result r = GoAsn1.unmarshal(der, PKCS1_PRIVATE_KEY);
            if (r.trailing() > 0) {
                throw new KeyException("asn1: syntax error: trailing data");
            }
            f = (Object[]) r.value();
        } catch (Asn1Exception e) {
            if (GoAsn1.fits(der, EC_PRIVATE_KEY)) {
                throw new KeyException(USE_EC);
            }
            if (GoAsn1.fits(der, PKCS8)) {
                throw new KeyException(USE_PKCS8);
            }
            throw new KeyException(e.getMessage());
        }
        if ((Long) f[0] > 1) {
            throw new KeyException("x509: unsupported private key version");
        }
        BigInteger n = (BigInteger) f[1];
        BigInteger e = BigInteger.valueOf((Long) f[2]);
        BigInteger d = (BigInteger) f[3];
        BigInteger p = (BigInteger) f[4];
        BigInteger q = (BigInteger) f[5];
        if (n.signum() <= 0 || d.signum() <= 0 || p.signum() <= 0 || q.signum() <= 0) {
            throw new KeyException("x509: private key contains zero or negative value");
        }
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (f[9] instanceof List<?> more && !more.isEmpty()) {
                return rsa.generatePrivate(new RSAPrivateKeySpec(n, d)); // multi-prime: no CRT speed-up
            }
            if (!p.multiply(q).equals(n)) {
                throw new KeyException("crypto/rsa: invalid modulus");
            }
            BigInteger dp = d.mod(p.subtract(BigInteger.ONE));
            BigInteger dq = d.mod(q.subtract(BigInteger.ONE));
            BigInteger qInv = q.modInverse(p);
            return rsa.generatePrivate(new RSAPrivateCrtKeySpec(n, e, d, p, q, dp, dq, qInv));
        } catch (GeneralSecurityException | ArithmeticException ex) {
            throw new KeyException("crypto/rsa: invalid private key");
        }
    }

    /** Go's ParsePKCS8PrivateKey: RSA, EC, Ed25519 and X25519 keys. */
    static PrivateKey parsePkcs8PrivateKey(byte[] der) throws KeyException {
        Object[] f;
        try {
            f = (Object[]) GoAsn1.unmarshal(der, PKCS8).value();
        } catch (Asn1Exception e) {
            if (GoAsn1.fits(der, EC_PRIVATE_KEY)) {
                throw new KeyException(USE_EC);
            }
            if (GoAsn1.fits(der, PKCS1_PRIVATE_KEY)) {
                throw new KeyException(USE_PKCS1);
            }
            throw new KeyException(e.getMessage());
        }
        Object[] algo = (Object[]) f[1];
        int[] oid = (int[]) algo[0];
        byte[] inner = (byte[]) f[2];
        if (Arrays.equals(oid, OID_RSA)) {
            try {
                return parsePkcs1PrivateKey(inner);
            } catch (KeyException e) {
                throw new KeyException("x509: failed to parse RSA private key embedded in PKCS#8: " + e.getMessage());
            }
        }
        if (Arrays.equals(oid, OID_EC)) {
            int[] curve = null;
            if (algo[1] instanceof RawValue params) {
                try {
                    curve = (int[]) GoAsn1.unmarshal(params.fullBytes(), Type.OID).value();
                } catch (Asn1Exception ignored) {
                    // no usable curve here: the embedded key must name one
                }
            }
            try {
                return parseEcPrivateKey(curve, inner);
            } catch (KeyException e) {
                throw new KeyException("x509: failed to parse EC private key embedded in PKCS#8: " + e.getMessage());
            }
        }
        if (Arrays.equals(oid, OID_ED25519) || Arrays.equals(oid, OID_X25519)) {
            if (algo[1] != null) {
                throw new KeyException("x509: invalid " + (oid.length == 4 && oid[3] == 112 ? "Ed25519" : "X25519")
                        + " private key parameters");
            }
            try {
                return KeyFactory.getInstance(oid[3] == 112 ? "Ed25519" : "X25519")
                        .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                throw new KeyException("x509: invalid private key: " + e.getMessage());
            }
        }
        throw new KeyException("x509: PKCS#8 wrapping contained private key with unknown algorithm: " + dotted(oid));
    }

    static ECPrivateKey parseEcPrivateKey(byte[] der) throws KeyException {
        return parseEcPrivateKey(null, der);
    }

    /** SEC1 "EC PRIVATE KEY"; {@code curveOid} (from a PKCS#8 wrapper) overrides the key's own. */
    private static ECPrivateKey parseEcPrivateKey(int[] curveOid, byte[] der) throws KeyException {
        Object[] f;
        try {
            f = (Object[]) GoAsn1.unmarshal(der, EC_PRIVATE_KEY).value();
        } catch (Asn1Exception e) {
            if (GoAsn1.fits(der, PKCS8)) {
                throw new KeyException(USE_PKCS8);
            }
            if (GoAsn1.fits(der, PKCS1_PRIVATE_KEY)) {
                throw new KeyException(USE_PKCS1);
            }
            throw new KeyException("x509: failed to parse EC private key: " + e.getMessage());
        }
        long version = (Long) f[0];
        if (version != 1) {
            throw new KeyException("x509: unknown EC private key version " + version);
        }
        EcCurves.Curve curve = EcCurves.byOid(curveOid != null ? curveOid : (int[]) f[2]);
        if (curve == null) {
            throw new KeyException("x509: unknown elliptic curve");
        }
        byte[] scalar = (byte[]) f[1];
        BigInteger k = new BigInteger(1, scalar);
        ECParameterSpec params = curve.params();
        if (k.compareTo(params.getOrder()) >= 0) {
            throw new KeyException("x509: invalid elliptic curve private key value");
        }
        int size = curve.size();
        for (int i = 0; i < scalar.length - size; i++) {
            if (scalar[i] != 0) {
                throw new KeyException("x509: invalid private key length");
            }
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(k, params));
        } catch (GeneralSecurityException e) {
            throw new KeyException("x509: invalid elliptic curve private key value");
        }
    }

    /** Go's ParsePKIXPublicKey ("PUBLIC KEY"). */
    static ParsedPublicKey parsePkixPublicKey(byte[] der) throws KeyException {
        Object[] f;
        try {
            GoAsn1.Result r = GoAsn1.unmarshal(der, PUBLIC_KEY_INFO);
            if (r.trailing() != 0) {
                throw new KeyException("x509: trailing data after ASN.1 of public-key");
            }
            f = (Object[]) r.value();
        } catch (Asn1Exception e) {
            if (GoAsn1.fits(der, PKCS1_PUBLIC_KEY)) {
                throw new KeyException("x509: failed to parse public key (use ParsePKCS1PublicKey instead for this key format)");
            }
            throw new KeyException(e.getMessage());
        }
        Object[] algo = (Object[]) f[0];
        int[] oid = (int[]) algo[0];
        byte[] params = algo[1] instanceof RawValue raw ? raw.fullBytes() : new byte[0];
        byte[] data = ((BitString) f[1]).rightAlign();
        try {
            if (Arrays.equals(oid, OID_RSA)) {
                return new ParsedPublicKey("RSA", rsaPublicKey(params, data));
            }
            if (Arrays.equals(oid, OID_EC)) {
                return new ParsedPublicKey("EC", ecPublicKey(params, data));
            }
            if (Arrays.equals(oid, OID_ED25519)) {
                if (params.length != 0) {
                    throw new KeyException("x509: Ed25519 key encoded with illegal parameters");
                }
                if (data.length != 32) {
                    throw new KeyException("x509: wrong Ed25519 public key size");
                }
                return new ParsedPublicKey("Ed25519", ed25519PublicKey(data));
            }
        } catch (GeneralSecurityException e) {
            throw new KeyException("x509: invalid public key: " + e.getMessage());
        }
        if (Arrays.equals(oid, OID_X25519) || Arrays.equals(oid, OID_DSA) || isMlKeyOid(oid)) {
            return new ParsedPublicKey("other", null);
        }
        throw new KeyException("x509: unknown public key algorithm");
    }

    /** The public key of a DER certificate, or null when the bytes are not a certificate. */
    static ParsedPublicKey certificateKey(byte[] der) {
        if (der.length == 0 || der[0] != 0x30) {
            return null;
        }
        try {
            PublicKey key = CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der)).getPublicKey();
            String algorithm = switch (key.getAlgorithm()) {
                case "RSA" -> "RSA";
                case "EC" -> "EC";
                case "EdDSA", "Ed25519" -> "Ed25519";
                default -> "other";
            };
            return new ParsedPublicKey(algorithm, key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** A raw 32-byte Ed25519 public key as a JDK key. */
    static PublicKey ed25519PublicKey(byte[] raw) throws GeneralSecurityException {
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
    }

    private static PublicKey rsaPublicKey(byte[] params, byte[] data) throws KeyException, GeneralSecurityException {
        if (!Arrays.equals(params, ASN1_NULL)) {
            throw new KeyException("x509: RSA key missing NULL parameters");
        }
        DerReader der = new DerReader(data);
        DerReader seq = der.sequence();
        if (seq == null) {
            throw new KeyException("x509: invalid RSA public key");
        }
        BigInteger n = seq.integer();
        if (n == null) {
            throw new KeyException("x509: invalid RSA modulus");
        }
        BigInteger e = seq.integer();
        if (e == null || e.bitLength() > 63) {
            throw new KeyException("x509: invalid RSA public exponent");
        }
        if (n.signum() <= 0) {
            throw new KeyException("x509: RSA modulus is not a positive number");
        }
        if (e.signum() <= 0) {
            throw new KeyException("x509: RSA public exponent is not a positive number");
        }
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
    }

    private static PublicKey ecPublicKey(byte[] params, byte[] data) throws KeyException, GeneralSecurityException {
        int[] curveOid = new DerReader(params).oid();
        if (curveOid == null) {
            throw new KeyException("x509: invalid ECDSA parameters");
        }
        EcCurves.Curve curve = EcCurves.byOid(curveOid);
        if (curve == null) {
            throw new KeyException("x509: unsupported elliptic curve");
        }
        int size = curve.size();
        if (data.length != 1 + 2 * size || data[0] != 4) {
            throw new KeyException("ecdsa: invalid uncompressed public key");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(data, 1, 1 + size));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(data, 1 + size, data.length));
        if (!curve.contains(x, y)) {
            throw new KeyException("ecdsa: invalid public key");
        }
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), curve.params()));
    }

    private static boolean isMlKeyOid(int[] oid) {
        // ML-DSA (2.16.840.1.101.3.4.3.17-19) and ML-KEM (2.16.840.1.101.3.4.4.2-3), which Go 1.26 reads
        return oid.length == 9 && oid[0] == 2 && oid[1] == 16 && oid[2] == 840 && oid[3] == 1
                && oid[4] == 101 && oid[5] == 3 && oid[6] == 4
                && (oid[7] == 3 && oid[8] >= 17 && oid[8] <= 19 || oid[7] == 4 && oid[8] >= 2 && oid[8] <= 3);
    }

    private static String dotted(int[] oid) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < oid.length; i++) {
            sb.append(i > 0 ? "." : "").append(oid[i]);
        }
        return sb.toString();
    }
}

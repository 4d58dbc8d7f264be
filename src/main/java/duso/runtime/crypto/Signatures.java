package duso.runtime.crypto;

import duso.lang.errors.DusoError;
import duso.runtime.Args;
import duso.runtime.crypto.GoX509.KeyException;
import duso.runtime.crypto.GoX509.ParsedPublicKey;
import duso.runtime.formats.GoBase64;
import duso.runtime.formats.GoHex;
import duso.runtime.lib.DataArgs;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAKey;
import java.util.Arrays;
import java.util.Base64;

/**
 * sign_rsa, verify_rsa, sign_ec, verify_ec and verify_ed25519, checking their arguments in the
 * reference's order so the same bad call fails with the same message. The algorithms are fixed
 * as in the reference: RSA is PKCS#1 v1.5 with SHA-256 and standard base64; EC is ECDSA with
 * SHA-256 and JWS-style raw r||s in unpadded base64url; Ed25519 is pure Ed25519. Verifiers
 * answer false for a signature that does not match and throw only for unusable arguments.
 */
public final class Signatures {
    private Signatures() {}

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    public static Object signRsa(Args a) {
        String fn = "sign_rsa";
        byte[] data = data(a, fn);
        String pem = keyText(a, 1, "private_key_pem", fn);
        byte[] der = pemBlock(pem, fn);
        PrivateKey key;
        try {
            key = GoX509.parsePkcs1PrivateKey(der);
        } catch (KeyException pkcs1) {
            try {
                key = GoX509.parsePkcs8PrivateKey(der);
            } catch (KeyException pkcs8) {
                throw error(fn, "failed to parse private key: " + pkcs1.getMessage());
            }
            if (!key.getAlgorithm().equals("RSA")) {
                throw error(fn, "key is not an RSA private key");
            }
        }
        int bits = ((RSAKey) key).getModulus().bitLength();
        if (bits < 1024) {
            throw error(fn, "failed to sign data: crypto/rsa: " + bits
                    + "-bit keys are insecure (see https://go.dev/pkg/crypto/rsa#hdr-Minimum_key_size)");
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw error(fn, "failed to sign data: " + e.getMessage());
        }
    }

    public static Object verifyRsa(Args a) {
        String fn = "verify_rsa";
        byte[] data = data(a, fn);
        String sigText = signatureText(a, fn);
        byte[] signature;
        try {
            signature = GoBase64.decode(sigText);
        } catch (GoBase64.DecodeException e) {
            throw error(fn, "failed to decode signature: " + e.getMessage());
        }
        String pem = keyText(a, 2, "public_key_pem", fn);
        PublicKey key = publicKey(pemBlock(pem, fn), "RSA", "an RSA key", fn);
        if (((RSAKey) key).getModulus().bitLength() < 1024) {
            return false; // Go refuses to verify with keys this small
        }
        return verify("SHA256withRSA", key, data, signature);
    }

    public static Object signEc(Args a) {
        String fn = "sign_ec";
        byte[] data = data(a, fn);
        String pem = keyText(a, 1, "private_key_pem", fn);
        byte[] der = pemBlock(pem, fn);
        ECPrivateKey key;
        try {
            key = GoX509.parseEcPrivateKey(der);
        } catch (KeyException e) {
            throw error(fn, "failed to parse EC private key: " + e.getMessage());
        }
        try {
            // r||s, each padded to the curve's size: 64 bytes on P-256, as the reference writes it
            Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");
            s.initSign(key);
            s.update(data);
            return URL.encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw error(fn, "failed to sign data: " + e.getMessage());
        }
    }

    public static Object verifyEc(Args a) {
        String fn = "verify_ec";
        byte[] data = data(a, fn);
        String sigText = signatureText(a, fn);
        byte[] signature;
        try {
            signature = GoBase64.decodeRawUrl(sigText);
        } catch (GoBase64.DecodeException e) {
            throw error(fn, "failed to decode signature: " + e.getMessage());
        }
        // The reference only takes P-256's 64 bytes; P-384 and P-521 signatures are longer.
        if (signature.length != 64 && signature.length != 96 && signature.length != 132) {
            return false;
        }
        String keyText = keyText(a, 2, "public_key_pem", fn);
        PublicKey key = publicKey(derOf(keyText, "certificate", fn), "EC", "an EC key", fn);
        int half = signature.length / 2;
        if (half != 32) {
            EcCurves.Curve curve = EcCurves.of(((ECPublicKey) key).getParams());
            if (curve == null || curve.size() != half) {
                return false;
            }
        }
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, half));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, half, signature.length));
        byte[] der = DerWriter.sequence(DerWriter.integer(r), DerWriter.integer(s));
        return verify("SHA256withECDSA", key, data, der);
    }

    public static Object verifyEd25519(Args a) {
        String fn = "verify_ed25519";
        byte[] data = data(a, fn);
        String sigText = signatureText(a, fn);
        byte[] signature = ed25519Signature(sigText, fn);
        if (signature.length != 64) {
            return false;
        }
        String keyText = keyText(a, 2, "public_key_pem", fn);
        byte[] der = derOf(keyText, "public key", fn);
        PublicKey key;
        ParsedPublicKey fromCert = GoX509.certificateKey(der);
        if (fromCert != null) {
            key = expect(fromCert, "Ed25519", "certificate public key is not an Ed25519 key", fn);
        } else {
            try {
                key = expect(GoX509.parsePkixPublicKey(der), "Ed25519", "public key is not an Ed25519 key", fn);
            } catch (KeyException e) {
                if (der.length != 32) {
                    throw error(fn, "failed to parse public key: " + e.getMessage());
                }
                try {
                    key = GoX509.ed25519PublicKey(der); // a bare 32-byte key
                } catch (GeneralSecurityException bad) {
                    return false;
                }
            }
        }
        return verify("Ed25519", key, data, signature);
    }

    // ---- arguments, in the reference's order and words ----------------------------------------

    private static byte[] data(Args a, String fn) {
        Object v = a.get(0, "data");
        if (v == null || v == duso.lang.values.Nil.NIL) {
            throw error(fn, "requires a data argument");
        }
        byte[] bytes = DataArgs.bytes(v);
        if (bytes.length == 0) {
            throw error(fn, "requires non-empty data");
        }
        return bytes;
    }

    private static String signatureText(Args a, String fn) {
        String s = a.get(1, "signature") instanceof String t ? t : "";
        if (s.isEmpty()) {
            throw error(fn, "requires a signature string argument");
        }
        return s;
    }

    private static String keyText(Args a, int index, String name, String fn) {
        String s = a.get(index, name) instanceof String t ? t : "";
        if (s.isEmpty()) {
            throw error(fn, "requires a " + name + " string argument");
        }
        return s;
    }

    private static byte[] pemBlock(String text, String fn) {
        byte[] der = GoPem.decode(text);
        if (der == null) {
            throw error(fn, "failed to parse PEM block");
        }
        return der;
    }

    /**
     * verify_ec and verify_ed25519 also take a certificate or key as bare base64 DER (Apple's
     * x5c, Discord's keys): standard base64 first, then unpadded base64url.
     */
    private static byte[] derOf(String text, String what, String fn) {
        if (text.contains("-----BEGIN")) {
            return pemBlock(text, fn);
        }
        try {
            return GoBase64.decode(text);
        } catch (GoBase64.DecodeException std) {
            try {
                return GoBase64.decodeRawUrl(text);
            } catch (GoBase64.DecodeException e) {
                throw error(fn, "failed to decode " + what + ": " + e.getMessage());
            }
        }
    }

    /** A certificate's key, else a PKIX public key, which must be of the wanted algorithm. */
    private static PublicKey publicKey(byte[] der, String algorithm, String kind, String fn) {
        ParsedPublicKey fromCert = GoX509.certificateKey(der);
        if (fromCert != null) {
            return expect(fromCert, algorithm, "certificate public key is not " + kind, fn);
        }
        try {
            return expect(GoX509.parsePkixPublicKey(der), algorithm, "public key is not " + kind, fn);
        } catch (KeyException e) {
            throw error(fn, "failed to parse public key: " + e.getMessage());
        }
    }

    private static PublicKey expect(ParsedPublicKey parsed, String algorithm, String otherwise, String fn) {
        if (!parsed.algorithm().equals(algorithm)) {
            throw error(fn, otherwise);
        }
        return parsed.key();
    }

    /** Base64url, then standard base64, then hex; the hex error is the one reported. */
    private static byte[] ed25519Signature(String text, String fn) {
        try {
            return GoBase64.decodeRawUrl(text);
        } catch (GoBase64.DecodeException notUrl) {
            try {
                return GoBase64.decode(text);
            } catch (GoBase64.DecodeException notStd) {
                try {
                    return GoHex.decode(text);
                } catch (IllegalArgumentException e) {
                    throw error(fn, "failed to decode signature: " + e.getMessage());
                }
            }
        }
    }

    private static boolean verify(String algorithm, PublicKey key, byte[] data, byte[] signature) {
        try {
            Signature s = Signature.getInstance(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false; // a malformed signature is just not a valid one
        }
    }

    static DusoError error(String fn, String message) {
        return Args.error(fn + "() " + message);
    }
}

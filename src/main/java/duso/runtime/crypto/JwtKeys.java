package duso.runtime.crypto;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAKey;

/**
 * The RSA keys of the server's RS256 tokens, read as the reference's http_server reads them:
 * the first PEM block (Go's pem.Decode), a private key as PKCS#1 or else PKCS#8, a public key
 * as PKIX, with Go's x509 messages.
 */
public final class JwtKeys {
    private JwtKeys() {}

    /** Why a key cannot sign, worded as the reference's sign_jwt. */
    public static final class KeyError extends Exception {
        KeyError(String message) {
            super(message, null, false, false);
        }
    }

    /** An RSA private key fit to sign (Go refuses keys under 1,024 bits when signing). */
    public static PrivateKey rsaSigningKey(String pem) throws KeyError {
        byte[] der = GoPem.decode(pem);
        if (der == null) {
            throw new KeyError("invalid RSA private key format");
        }
        PrivateKey key;
        try {
            key = GoX509.parsePkcs1PrivateKey(der);
        } catch (GoX509.KeyException pkcs1) {
            try {
                key = GoX509.parsePkcs8PrivateKey(der);
            } catch (GoX509.KeyException pkcs8) {
                // the reference reports the PKCS#8 attempt's error
                throw new KeyError("failed to parse private key: " + pkcs8.getMessage());
            }
            if (!key.getAlgorithm().equals("RSA")) {
                throw new KeyError("private key is not an RSA key");
            }
        }
        int bits = ((RSAKey) key).getModulus().bitLength();
        if (bits < 1024) {
            throw new KeyError("failed to sign token: crypto/rsa: " + bits
                    + "-bit keys are insecure (see https://go.dev/pkg/crypto/rsa#hdr-Minimum_key_size)");
        }
        return key;
    }

    /** The RSA public key of the first PEM block, or null where the reference finds none. */
    public static PublicKey rsaPublicKey(String pem) {
        byte[] der = GoPem.decode(pem);
        if (der == null) {
            return null;
        }
        try {
            GoX509.ParsedPublicKey parsed = GoX509.parsePkixPublicKey(der);
            return "RSA".equals(parsed.algorithm()) ? parsed.key() : null;
        } catch (GoX509.KeyException e) {
            return null;
        }
    }
}

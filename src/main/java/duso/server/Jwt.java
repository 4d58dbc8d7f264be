package duso.server;

import duso.lang.values.DusoObject;
import duso.runtime.crypto.JwtKeys;
import duso.runtime.json.Json;
import duso.runtime.json.JsonException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * JSON Web Tokens as the reference signs and checks them: HS256 (HMAC-SHA256 with a
 * secret) and RS256 (RSA PKCS#1 v1.5 with SHA-256, PEM keys), unpadded base64url parts,
 * {@code exp} added on signing and checked on verification. Verification never throws: any
 * defect in the token means "no claims".
 */
final class Jwt {
    private Jwt() {}

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** Signs claims (a copy gains {@code exp = now + expiresIn}); errors carry the reference's messages. */
    static String sign(DusoObject claims, String algorithm, String secret, String privateKeyPem, double expiresIn) {
        DusoObject body = claims.shallowCopy();
        body.put("exp", (double) (System.currentTimeMillis() / 1000) + expiresIn);
        DusoObject header = new DusoObject();
        header.put("alg", algorithm);
        header.put("typ", "JWT");
        String message = b64(Json.format(header)) + "." + b64(Json.format(body));
        byte[] signature;
        switch (algorithm) {
            case "HS256" -> {
                if (secret.isEmpty()) {
                    throw new IllegalArgumentException("HS256 secret not configured");
                }
                signature = hmac(secret, message);
            }
            case "RS256" -> {
                if (privateKeyPem.isEmpty()) {
                    throw new IllegalArgumentException("RS256 private key not configured");
                }
                signature = rsaSign(privateKeyPem, message);
            }
            default -> throw new IllegalArgumentException(
                    "unsupported algorithm: " + algorithm + " (supported: HS256, RS256)");
        }
        return message + "." + B64.encodeToString(signature);
    }

    /** The claims of a valid, unexpired token, or null. */
    static DusoObject verify(String token, String secret, String publicKeyPem) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Object header = Json.parse(new String(decode(parts[0]), StandardCharsets.UTF_8));
            if (!(header instanceof DusoObject h) || !(h.get("alg") instanceof String alg)) {
                return null;
            }
            byte[] signature = decode(parts[2]);
            String message = parts[0] + "." + parts[1];
            boolean valid = switch (alg) {
                case "HS256" -> !secret.isEmpty() && MessageDigest.isEqual(signature, hmac(secret, message));
                case "RS256" -> !publicKeyPem.isEmpty() && rsaVerify(publicKeyPem, message, signature);
                default -> false;
            };
            if (!valid) {
                return null;
            }
            Object claims = Json.parse(new String(decode(parts[1]), StandardCharsets.UTF_8));
            if (!(claims instanceof DusoObject c)) {
                return null;
            }
            if (c.get("exp") instanceof Double exp && System.currentTimeMillis() / 1000 > (long) exp.doubleValue()) {
                return null;
            }
            return c;
        } catch (IllegalArgumentException | JsonException | GeneralSecurityException e) {
            return null;
        }
    }

    /** The token of an {@code Authorization: Bearer …} header, or null. */
    static String bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : null;
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** base64url with or without padding; a length of 4n+1 is invalid, as in the reference. */
    private static byte[] decode(String s) {
        if (s.length() % 4 == 1) {
            throw new IllegalArgumentException("illegal base64url string");
        }
        return Base64.getUrlDecoder().decode(s);
    }

    private static byte[] hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] rsaSign(String pem, String message) {
        PrivateKey key;
        try {
            key = JwtKeys.rsaSigningKey(pem);
        } catch (JwtKeys.KeyError e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        try {
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(key);
            s.update(message.getBytes(StandardCharsets.UTF_8));
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("failed to sign token: " + e.getMessage());
        }
    }

    private static boolean rsaVerify(String pem, String message, byte[] signature) throws GeneralSecurityException {
        PublicKey key = JwtKeys.rsaPublicKey(pem);
        if (key == null) {
            return false;
        }
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(key);
        s.update(message.getBytes(StandardCharsets.UTF_8));
        return s.verify(signature);
    }
}

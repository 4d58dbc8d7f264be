package duso.runtime.formats;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM in Go's {@code cipher.NewGCM} layout, as the reference seals data: a fresh random
 * 12-byte nonce, then the ciphertext with its 16-byte tag appended.
 */
public final class AesGcm {
    public static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Wrong key, or data that was not sealed with it (or was changed since). */
    public static final class OpenException extends Exception {
        OpenException() {
            super(null, null, false, false);
        }
    }

    private AesGcm() {}

    /** nonce ‖ ciphertext ‖ tag. The key must be 16, 24 or 32 bytes. */
    public static byte[] seal(byte[] key, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE_BYTES + c.getOutputSize(plain.length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            c.doFinal(plain, 0, plain.length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** Opens what {@link #seal} produced; sealed must hold at least the nonce. */
    public static byte[] open(byte[] key, byte[] sealed) throws OpenException {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new OpenException();
        }
    }
}

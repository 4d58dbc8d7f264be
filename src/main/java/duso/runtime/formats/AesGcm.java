package duso.runtime.formats;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-GCM in Go's {@code cipher.NewGCM} layout, as the reference seals data: a fresh random
 * 12-byte nonce, then the ciphertext with its 16-byte tag appended. An instance keeps its key
 * and one {@link Cipher} for many calls (a datastore's WAL seals every record); calls on it
 * are serialised.
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

    private final SecretKeySpec key;
    private final Cipher cipher;

    /** The key must be 16, 24 or 32 bytes. */
    public AesGcm(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    public static byte[] seal(byte[] key, byte[] plain) {
        return new AesGcm(key).seal(plain, 0, plain.length);
    }

    public static byte[] open(byte[] key, byte[] sealed) throws OpenException {
        return new AesGcm(key).open(sealed);
    }

    /** nonce ‖ ciphertext ‖ tag. */
    public synchronized byte[] seal(byte[] plain, int off, int len) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE_BYTES + cipher.getOutputSize(len)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            cipher.doFinal(plain, off, len, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens what {@link #seal} produced; sealed must hold at least the nonce. */
    public synchronized byte[] open(byte[] sealed) throws OpenException {
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new OpenException();
        }
    }
}

package duso.store;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM as the reference seals datastore files: a fresh random 12-byte nonce, then the
 * ciphertext with its 16-byte tag appended. Snapshots seal their whole body, the WAL each
 * record's body. One instance per store; calls are serialised by the store's locks.
 */
final class StoreCipher {
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    private final Cipher cipher;

    StoreCipher(byte[] key) {
        this.key = new SecretKeySpec(key, "AES");
        try {
            this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /** nonce ‖ ciphertext ‖ tag. */
    synchronized byte[] seal(byte[] plain, int off, int len) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] out = new byte[NONCE + cipher.getOutputSize(len)];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            cipher.doFinal(plain, off, len, out, NONCE);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** Opens what {@link #seal} produced; a wrong key or damaged bytes give the reference's message. */
    synchronized byte[] open(byte[] sealed) {
        if (sealed.length < NONCE) {
            throw new FormatException("ciphertext too short");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (GeneralSecurityException e) {
            throw new FormatException("decryption failed: authentication tag mismatch or corrupted data");
        }
    }
}

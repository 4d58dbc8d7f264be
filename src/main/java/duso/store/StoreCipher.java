package duso.store;

import duso.runtime.formats.AesGcm;

/**
 * AES-256-GCM as the reference seals datastore files ({@link AesGcm}'s layout). Snapshots seal
 * their whole body, the WAL each record's body; failures to open are format errors worded as
 * the reference words them. One instance per store.
 */
final class StoreCipher {
    private final AesGcm gcm;

    StoreCipher(byte[] key) {
        this.gcm = new AesGcm(key);
    }

    /** nonce ‖ ciphertext ‖ tag. */
    byte[] seal(byte[] plain, int off, int len) {
        return gcm.seal(plain, off, len);
    }

    /** Opens what {@link #seal} produced; a wrong key or damaged bytes give the reference's message. */
    byte[] open(byte[] sealed) {
        if (sealed.length < AesGcm.NONCE_BYTES) {
            throw new FormatException("ciphertext too short");
        }
        try {
            return gcm.open(sealed);
        } catch (AesGcm.OpenException e) {
            throw new FormatException("decryption failed: authentication tag mismatch or corrupted data");
        }
    }
}

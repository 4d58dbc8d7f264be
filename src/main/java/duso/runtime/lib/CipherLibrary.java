package duso.runtime.lib;

import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.formats.AesGcm;
import duso.runtime.formats.GoBase64;
import duso.runtime.formats.GobReader;
import duso.runtime.formats.GobWriter;

/**
 * encrypt(data, key) and decrypt(text, key): AES-256-GCM over the value's Go gob encoding, with
 * a base64 key and base64 output, byte-compatible with the reference (so either runtime opens
 * what the other sealed). Any value round-trips as the reference's does: types are kept, but
 * functions, errors, regexes and code become their tostring() text and binary values come
 * back as nil.
 */
public final class CipherLibrary implements Library {
    private static final int KEY_BYTES = 32;

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("encrypt", CipherLibrary::encrypt);
        r.add("decrypt", CipherLibrary::decrypt);
    }

    private static Object encrypt(Args a) {
        Object data = a.get(0, "data");
        if (data == null || data == Nil.NIL) {
            throw Args.error("encrypt() requires a data argument");
        }
        byte[] plain = GobWriter.encryptedValue(data);
        byte[] key = key(a, "encrypt");
        return GoBase64.encode(AesGcm.seal(key, plain));
    }

    private static Object decrypt(Args a) {
        Object data = a.get(0, "encrypted_data");
        if (data == null || data == Nil.NIL) {
            throw Args.error("decrypt() requires an encrypted_data argument");
        }
        String text = data instanceof String s ? s : Render.goFormat(data);
        if (text.isEmpty()) {
            throw Args.error("decrypt() requires non-empty encrypted_data");
        }
        byte[] sealed;
        try {
            sealed = GoBase64.decode(text);
        } catch (GoBase64.DecodeException e) {
            throw Args.error("decrypt() invalid base64: " + e.getMessage());
        }
        byte[] key = key(a, "decrypt");
        if (sealed.length < AesGcm.NONCE_BYTES) {
            throw Args.error("decrypt() ciphertext too short (expected at least " + AesGcm.NONCE_BYTES
                    + " bytes, got " + sealed.length + ")");
        }
        byte[] plain;
        try {
            plain = AesGcm.open(key, sealed);
        } catch (AesGcm.OpenException e) {
            throw Args.error("decrypt() failed to decrypt: authentication tag mismatch or corrupted data");
        }
        try {
            return GobReader.encryptedValue(plain);
        } catch (GobReader.GobException e) {
            throw Args.error("decrypt() failed to decode data: " + e.getMessage());
        }
    }

    /** The base64 key argument, which must decode to 32 bytes. */
    private static byte[] key(Args a, String fn) {
        Object k = a.get(1, "key");
        if (k == null || k == Nil.NIL) {
            throw Args.error(fn + "() requires a key argument");
        }
        String text = k instanceof String s ? s : Render.goFormat(k);
        byte[] key;
        try {
            key = GoBase64.decode(text);
        } catch (GoBase64.DecodeException e) {
            throw Args.error(fn + "() key must be base64-encoded: " + e.getMessage());
        }
        if (key.length != KEY_BYTES) {
            throw Args.error(fn + "() key must decode to 32 bytes for AES-256 (got " + key.length + ")");
        }
        return key;
    }
}

package duso.runtime.lib;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import java.nio.charset.StandardCharsets;

/**
 * hash_password and verify_password: bcrypt as Go's {@code golang.org/x/crypto/bcrypt} does it,
 * so hashes move between the two runtimes. Hashes are {@code $2a$} with the cost clamped to
 * 4..31 (default 10); passwords longer than 72 bytes cannot be hashed, and verification never
 * throws on a mismatch or a malformed hash, it answers false.
 */
public final class PasswordLibrary implements Library {
    private static final int MAX_PASSWORD_BYTES = 72;

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("hash_password", PasswordLibrary::hash);
        r.add("verify_password", PasswordLibrary::verify);
    }

    private static Object hash(Args a) {
        String password = a.get(0, "password") instanceof String s ? s : "";
        if (password.isEmpty()) {
            throw Args.error("hash_password() requires a password string argument");
        }
        int cost = 10;
        if (a.get(1, "cost") instanceof Double d) {
            long c = (long) d.doubleValue(); // toward zero, as Go's int(); NaN is 0
            cost = (int) Math.max(4, Math.min(31, c));
        }
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_PASSWORD_BYTES) {
            throw Args.error("hash_password() failed: bcrypt: password length exceeds 72 bytes");
        }
        byte[] hash = BCrypt.with(BCrypt.Version.VERSION_2A, LongPasswordStrategies.none()).hash(cost, bytes);
        return new String(hash, StandardCharsets.US_ASCII);
    }

    private static Object verify(Args a) {
        String password = a.get(0, "password") instanceof String s ? s : "";
        if (password.isEmpty()) {
            throw Args.error("verify_password() requires password string argument");
        }
        String hash = a.get(1, "hash") instanceof String s ? s : "";
        if (hash.isEmpty()) {
            throw Args.error("verify_password() requires hash string argument");
        }
        try {
            return BCrypt.verifyer(BCrypt.Version.VERSION_2A, LongPasswordStrategies.none())
                    .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8))
                    .verified;
        } catch (RuntimeException malformed) {
            return false;
        }
    }
}

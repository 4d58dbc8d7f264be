package duso.runtime.lib;

import duso.lang.nodes.CallArgs;
import duso.lang.values.BinaryValue;
import duso.lang.values.Nil;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * hash (sha256, sha512, sha1, md5 digests as lowercase hex or a binary value) and hmac
 * (lowercase hex MAC). Data and keys may be strings or binary values. The two builtins check
 * their arguments differently, as the reference's do: hash lower-cases the algorithm name and
 * refuses empty data, hmac takes the name as written and accepts empty data and keys.
 */
public final class HashLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("hash", HashLibrary::hash);
        r.add("hmac", HashLibrary::hmac);
    }

    private static Object hash(Args a) {
        String algo = a.get(0, "algo") instanceof String s ? s : "";
        if (algo.isEmpty()) {
            throw Args.error("hash() requires an algorithm string argument");
        }
        Object data = a.get(1, "data");
        if (data == null || data == Nil.NIL) {
            throw Args.error("hash() requires a data argument (string or binary)");
        }
        byte[] bytes = DataArgs.bytes(data);
        if (bytes.length == 0) {
            throw Args.error("hash() requires a non-empty data argument");
        }
        algo = algo.toLowerCase(Locale.ROOT);
        String jdkName = switch (algo) {
            case "sha256" -> "SHA-256";
            case "sha512" -> "SHA-512";
            case "sha1" -> "SHA-1";
            case "md5" -> "MD5";
            default -> throw Args.error("hash() unsupported algorithm: " + algo
                    + " (supported: sha256, sha512, sha1, md5)");
        };
        byte[] digest;
        try {
            digest = MessageDigest.getInstance(jdkName).digest(bytes);
        } catch (GeneralSecurityException e) {
            throw Args.error("hash() " + algo + " is not available: " + e.getMessage());
        }
        CallArgs raw = a.raw();
        String type = Base64Library.resultType(raw, 2);
        return switch (type) {
            case "binary" -> new BinaryValue(digest);
            case "string" -> HexFormat.of().formatHex(digest);
            default -> throw Args.error("hash() type parameter must be 'string' or 'binary', got '" + type + "'");
        };
    }

    private static Object hmac(Args a) {
        String algo = a.get(0, "algo") instanceof String s ? s : "";
        if (algo.isEmpty()) {
            throw Args.error("hmac() requires an algo argument (sha256, sha512, sha1, or md5)");
        }
        String jdkName = switch (algo) {
            case "sha256" -> "HmacSHA256";
            case "sha512" -> "HmacSHA512";
            case "sha1" -> "HmacSHA1";
            case "md5" -> "HmacMD5";
            default -> throw Args.error("hmac() unsupported algorithm: " + algo
                    + " (use sha256, sha512, sha1, or md5)");
        };
        Object data = a.get(1, "data");
        if (data == null || data == Nil.NIL) {
            throw Args.error("hmac() requires a data argument");
        }
        Object key = a.get(2, "key");
        if (key == null || key == Nil.NIL) {
            throw Args.error("hmac() requires a key argument");
        }
        byte[] keyBytes = DataArgs.bytes(key);
        if (keyBytes.length == 0) {
            // The JDK refuses an empty key. HMAC zero-pads short keys to the block size, so a
            // single zero byte is the same key and gives the same MAC.
            keyBytes = new byte[1];
        }
        try {
            Mac mac = Mac.getInstance(jdkName);
            mac.init(new SecretKeySpec(keyBytes, jdkName));
            return HexFormat.of().formatHex(mac.doFinal(DataArgs.bytes(data)));
        } catch (GeneralSecurityException e) {
            throw Args.error("hmac() " + algo + " is not available: " + e.getMessage());
        }
    }
}

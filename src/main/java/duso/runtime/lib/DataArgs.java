package duso.runtime.lib;

import duso.lang.values.BinaryValue;
import duso.lang.values.Render;
import java.nio.charset.StandardCharsets;

/**
 * The reference's rule for "data" arguments of the encoding and crypto builtins (base64, hash,
 * hmac, encrypt keys): a binary value gives its bytes, a string its UTF-8 bytes, and any other
 * value the UTF-8 bytes of its Go {@code %v} text ({@code 42}, {@code true}, {@code map[a:1]}).
 */
public final class DataArgs {
    private DataArgs() {}

    public static byte[] bytes(Object v) {
        if (v instanceof BinaryValue b) {
            return b.data();
        }
        String text = v instanceof String s ? s : Render.goFormat(v);
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

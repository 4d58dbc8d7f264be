package duso.runtime.lib;

import duso.lang.nodes.CallArgs;
import duso.lang.values.BinaryValue;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.formats.GoBase64;
import java.nio.charset.StandardCharsets;

/**
 * encode_base64 and decode_base64 (standard alphabet, padded). Decoding returns text by
 * default and a binary value with {@code type = "binary"}, given by name or as the second
 * argument; the data argument is positional only, as in the reference.
 */
public final class Base64Library implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("encode_base64", Base64Library::encode);
        r.add("decode_base64", Base64Library::decode);
    }

    private static Object encode(Args a) {
        Object v = a.raw().at(0);
        if (v == null) {
            throw Args.error("encode_base64() requires a string or binary argument");
        }
        return GoBase64.encode(DataArgs.bytes(v));
    }

    private static Object decode(Args a) {
        CallArgs raw = a.raw();
        if (!(raw.at(0) instanceof String text)) {
            throw Args.error("decode_base64() requires a string argument");
        }
        byte[] bytes;
        try {
            bytes = GoBase64.decode(text);
        } catch (GoBase64.DecodeException e) {
            throw Args.error("decode_base64() failed to decode: " + e.getMessage());
        }
        String type = resultType(raw, 1);
        return switch (type) {
            case "binary" -> new BinaryValue(bytes);
            case "string" -> new String(bytes, StandardCharsets.UTF_8);
            default -> throw Args.error("decode_base64() type parameter must be 'string' or 'binary', got '"
                    + type + "'");
        };
    }

    /**
     * The {@code type} argument of decode_base64 and hash: the named one when given (a
     * non-string there means the default), else the positional one, else "string".
     */
    static String resultType(CallArgs raw, int position) {
        Object t = raw.named("type");
        if (t == null) {
            t = raw.at(position);
        }
        return t instanceof String s ? s : "string";
    }
}

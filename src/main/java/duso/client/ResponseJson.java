package duso.client;

import duso.runtime.Args;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * A fetch response's json(): the runtime's JSON reader with the reference's message prefix.
 * The reader (duso.runtime.json.Json) is being written on another branch; until it is merged
 * it is looked up by name, so this is the one place that changes when it lands.
 */
final class ResponseJson {
    private ResponseJson() {}

    private static final MethodHandle PARSE = find();

    private static MethodHandle find() {
        try {
            Class<?> json = Class.forName("duso.runtime.json.Json");
            return MethodHandles.publicLookup().findStatic(json, "parse", MethodType.methodType(Object.class, String.class));
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    static Object parse(String body) {
        if (PARSE == null) {
            throw Args.error("failed to parse JSON: JSON support is not available in this build");
        }
        try {
            return (Object) PARSE.invokeExact(body);
        } catch (RuntimeException e) {
            if (e.getClass().getSimpleName().equals("JsonException")) {
                throw Args.error("failed to parse JSON: " + e.getMessage());
            }
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}

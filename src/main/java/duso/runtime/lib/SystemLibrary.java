package duso.runtime.lib;

import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Library;
import duso.runtime.Registry;
import duso.runtime.crypto.SystemRandom;

/**
 * The host process as scripts see it: {@code env(name)} reads an environment variable ("" when
 * unset), {@code uuid()} makes a version 7 UUID (millisecond timestamp, then random bits, so
 * ids sort by creation time). ({@code shutdown()} is with the other process builtins in
 * ConcurrencyLibrary.)
 */
public final class SystemLibrary implements Library {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("env", a -> {
            Object name = a.raw().at(0);
            if (!(name instanceof String)) {
                name = a.raw().named("varname");
                if (name == null) {
                    throw Args.error("env() requires a variable name argument");
                }
            }
            String value = System.getenv(name instanceof String s ? s : Render.goFormat(name));
            return value == null ? "" : value;
        });
        r.add("uuid", a -> newUuid());
    }

    /** A fresh uuid(), for builtins that name things (schedule's job ids). */
    static String newUuid() {
        byte[] random = new byte[10];
        SystemRandom.nextBytes(random);
        return uuid7(System.currentTimeMillis(), random);
    }

    /** RFC 9562 version 7: 48-bit Unix milliseconds, version 7, 12+62 of the ten random bytes' bits, variant 10. */
    static String uuid7(long millis, byte[] tail) {
        byte[] b = new byte[16];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) (millis >>> (8 * (5 - i)));
        }
        System.arraycopy(tail, 0, b, 6, 10);
        b[6] = (byte) ((b[6] & 0x0f) | 0x70);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        StringBuilder s = new StringBuilder(36);
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                s.append('-');
            }
            s.append(HEX[(b[i] >> 4) & 0xf]).append(HEX[b[i] & 0xf]);
        }
        return s.toString();
    }
}

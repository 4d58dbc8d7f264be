package duso.runtime.crypto;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Random bytes from the kernel, as Go's {@code crypto/rand} reads them: {@code /dev/urandom},
 * read directly. A {@code SecureRandom} reads the same device but first loads the security
 * providers (about 70 classes and their property files: 4 MB and 40 ms of a cold process that
 * only wanted a uuid()). Where the device cannot be read, SecureRandom is used after all.
 */
public final class SystemRandom {
    private static final String DEVICE = "/dev/urandom";
    private static final byte[] BUFFER = new byte[256];
    /** Where the bytes not yet handed out begin; BUFFER.length when it is used up. */
    private static int next = BUFFER.length;
    private static InputStream device;
    private static boolean deviceFailed;

    private SystemRandom() {}

    /** Fills {@code out} with random bytes. */
    public static synchronized void nextBytes(byte[] out) {
        if (!deviceFailed) {
            try {
                fromDevice(out);
                return;
            } catch (IOException e) {
                deviceFailed = true;
            }
        }
        Fallback.SOURCE.nextBytes(out);
    }

    private static void fromDevice(byte[] out) throws IOException {
        int filled = 0;
        while (filled < out.length) {
            if (next == BUFFER.length) {
                refill();
            }
            int n = Math.min(BUFFER.length - next, out.length - filled);
            System.arraycopy(BUFFER, next, out, filled, n);
            // Bytes handed out are not kept in memory longer than needed.
            Arrays.fill(BUFFER, next, next + n, (byte) 0);
            next += n;
            filled += n;
        }
    }

    private static void refill() throws IOException {
        if (device == null) {
            device = new FileInputStream(DEVICE);
        }
        int read = 0;
        while (read < BUFFER.length) {
            int n = device.read(BUFFER, read, BUFFER.length - read);
            if (n < 0) {
                throw new IOException(DEVICE + " ended");
            }
            read += n;
        }
        next = 0;
    }

    /** Created only if the device cannot be read. */
    private static final class Fallback {
        static final SecureRandom SOURCE = new SecureRandom();
    }
}

package duso.client;

/**
 * A process-wide pool of the 1 KiB buffers connections read response heads into. A buffer is
 * only needed between a response's first byte and the end of its head, so few are in use at
 * once even with thousands of open connections; reusing them saves allocating (and collecting)
 * one per request.
 */
final class ReadBuffers {
    private ReadBuffers() {}

    static final int SIZE = 1024;
    private static final byte[][] FREE = new byte[256][];
    private static int count;

    static byte[] take() {
        synchronized (FREE) {
            if (count > 0) {
                byte[] b = FREE[--count];
                FREE[count] = null;
                return b;
            }
        }
        return new byte[SIZE];
    }

    /** Returns a buffer its owner no longer reads into (grown buffers are left to the GC). */
    static void give(byte[] b) {
        if (b.length != SIZE) {
            return;
        }
        synchronized (FREE) {
            if (count < FREE.length) {
                FREE[count++] = b;
            }
        }
    }
}

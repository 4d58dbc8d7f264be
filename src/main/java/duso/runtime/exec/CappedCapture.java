package duso.runtime.exec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains one of a child's output pipes on its own virtual thread, keeping the first
 * {@code max} bytes and throwing the rest away, so a chatty child never blocks on a full pipe
 * and never fills our memory either.
 */
final class CappedCapture {
    private final InputStream in;
    private final int max;
    private final ByteArrayOutputStream kept;
    private boolean truncated;
    private final Thread reader;

    CappedCapture(InputStream in, int max) {
        this.in = in;
        this.max = max;
        this.kept = new ByteArrayOutputStream(Math.min(max, 8192));
        this.reader = Thread.ofVirtual().name("exec-capture").start(this::drain);
    }

    private void drain() {
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) >= 0) {
                int room = max - kept.size();
                if (n > room) {
                    truncated = true;
                }
                if (room > 0) {
                    kept.write(buf, 0, Math.min(n, room));
                }
            }
        } catch (IOException e) {
            // the pipe went away (child killed): what was read so far is the capture
        }
    }

    /** Waits until the pipe's writers have all closed it. */
    void await() throws InterruptedException {
        reader.join();
    }

    /** The capture as text; only after {@link #await}, which orders the reader's writes before it. */
    String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }

    boolean truncated() {
        return truncated;
    }
}

package duso.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The process's standard streams as scripts use them. Standard output is buffered (scripts
 * that print in loops stay fast) and flushed within a few milliseconds by a background
 * flusher, before anything is written to standard error, before reading input and at exit,
 * so interleaving looks as it would unbuffered. Writes from concurrent scripts never tear
 * a line: each call writes under one lock.
 *
 * <p>The flusher is a small platform thread that parks between looks: a virtual thread would
 * start the virtual-thread scheduler, and {@code Thread.sleep} would load a JFR event class
 * from the module image, in every script that prints (about 5 ms of a hello-world's start).
 */
public final class Console {
    private static final int BUFFER = 1 << 16;
    private static final long FLUSH_NANOS = 15_000_000L;

    private final OutputStream out;
    private final OutputStream err;
    private final InputStream in;
    private final ReentrantLock lock = new ReentrantLock();
    private final byte[] buffer = new byte[BUFFER];
    private int used;
    private boolean flusherStarted;
    private BufferedReader reader;

    public Console(OutputStream out, OutputStream err, InputStream in) {
        this.out = out;
        this.err = err;
        this.in = in;
    }

    public void out(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            if (used + bytes.length > BUFFER) {
                drain();
            }
            if (bytes.length > BUFFER) {
                out.write(bytes);
            } else {
                System.arraycopy(bytes, 0, buffer, used, bytes.length);
                used += bytes.length;
            }
            if (!flusherStarted) {
                flusherStarted = true;
                Thread.ofPlatform().daemon().name("duso-stdout-flusher").stackSize(64 * 1024).start(this::flushLoop);
            }
        } catch (IOException e) {
            // A closed pipe (e.g. `duso x.du | head`) must not turn into a script error.
            used = 0;
        } finally {
            lock.unlock();
        }
    }

    public void err(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            drain();
            err.write(bytes);
            err.flush();
        } catch (IOException e) {
            // ignore: nothing useful to do when stderr is gone
        } finally {
            lock.unlock();
        }
    }

    public void flush() {
        lock.lock();
        try {
            drain();
        } catch (IOException e) {
            used = 0;
        } finally {
            lock.unlock();
        }
    }

    private void drain() throws IOException {
        if (used > 0) {
            int n = used;
            used = 0;
            out.write(buffer, 0, n);
        }
        out.flush();
    }

    private void flushLoop() {
        while (true) {
            LockSupport.parkNanos(FLUSH_NANOS);
            if (Thread.interrupted()) {
                return;
            }
            if (used > 0 && lock.tryLock()) {
                try {
                    drain();
                } catch (IOException e) {
                    used = 0;
                } finally {
                    lock.unlock();
                }
            }
        }
    }

    /** Reads one line from standard input without its line ending; null at end of input. */
    public String readLine() {
        flush();
        synchronized (this) {
            try {
                if (reader == null) {
                    reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                return reader.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

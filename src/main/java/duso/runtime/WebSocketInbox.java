package duso.runtime;

import duso.lang.nodes.Interp;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The read side of a WebSocket connection, server or client: a bounded queue of the text
 * messages that arrived and {@code conn.read()} drains. Bounded so that a script that reads
 * slowly holds back the socket (the connection stops reading and TCP pushes back) instead of
 * growing memory. Once the connection has ended, reads drain what is left and then return nil.
 */
public final class WebSocketInbox {
    /** Queued after the last message once the connection has ended; never shown to a script. */
    private static final String END = new String("end");

    private final BlockingQueue<String> queue;
    private volatile boolean ended;

    public WebSocketInbox(int capacity) {
        this.queue = new ArrayBlockingQueue<>(Math.max(1, capacity));
    }

    /** Adds a message that arrived; false when the queue is full. */
    public boolean offer(String message) {
        return queue.offer(message);
    }

    /** Adds a message, waiting up to the timeout for room; false when there was none. */
    public boolean offer(String message, long timeout, TimeUnit unit) throws InterruptedException {
        return queue.offer(message, timeout, unit);
    }

    public boolean isFull() {
        return queue.remainingCapacity() == 0;
    }

    /** No more messages will arrive: a read blocked now, or made once the queue is empty, returns nil. */
    public void end() {
        ended = true;
        queue.offer(END); // when the queue is full, readers find it empty later and see `ended`
    }

    /**
     * The next message; "" when the timeout (if positive) passes first, which is what the
     * reference's code returns, whatever its docs say; null once the connection has ended and
     * every message that arrived before has been read, or when the reading instance is
     * interrupted (kill, timeout, shutdown). {@code interp} is null for a read from Java code
     * that no script instance can interrupt.
     */
    public String read(Interp interp, long timeoutNanos) {
        Thread self = Thread.currentThread();
        Runnable previous = interp == null ? null : interp.setInterruptWaker(self::interrupt);
        try {
            if (interp != null && interp.interruptReason() != null) {
                return null;
            }
            String m = queue.poll();
            if (m == null) {
                if (ended) {
                    return null;
                }
                m = timeoutNanos > 0 ? queue.poll(timeoutNanos, TimeUnit.NANOSECONDS) : queue.take();
                if (m == null) {
                    return "";
                }
            }
            if (m == END) {
                queue.offer(END); // for the next reader
                return null;
            }
            return m;
        } catch (InterruptedException e) {
            return null;
        } finally {
            if (interp != null) {
                interp.setInterruptWaker(previous);
                Thread.interrupted();
            }
        }
    }
}

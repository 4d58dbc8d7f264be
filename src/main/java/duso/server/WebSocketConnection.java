package duso.server;

import duso.lang.nodes.Interp;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.NativeFunction;
import duso.runtime.WebSocketInbox;
import duso.runtime.WebSockets;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One server-side WebSocket connection as its handler script sees it: a read queue the
 * socket fills and {@code conn.read()} drains, a write queue {@code conn.write()} and
 * {@code send_websocket()} fill and a writer thread drains, both bounded by the
 * {@code websocket} config, so a slow peer makes {@code write} return nil instead of growing
 * memory, and a full read queue stops reading from the socket (TCP back-pressure).
 *
 * <p>The socket side is a {@link Transport}, so this class knows nothing of the HTTP stack.
 */
final class WebSocketConnection implements WebSockets.Connection {
    /** What the connection needs from the socket. */
    interface Transport {
        /** Sends a text message, blocking until written; false when the socket failed. */
        boolean sendText(String message);

        /** Asks for the next incoming message. */
        void demand();

        void close();
    }

    private static final String CLOSED = new String("closed");

    final String id = UUID.randomUUID().toString();
    private final WebSocketInbox inbox;
    private final BlockingQueue<String> writeQueue;
    private final ServerConfig.WebSocketLimits limits;
    private final WebSockets registry;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean demandPending = new AtomicBoolean();
    private volatile Transport transport;
    private double tokens;
    private long lastRefill;

    WebSocketConnection(ServerConfig.WebSocketLimits limits, WebSockets registry) {
        this.limits = limits;
        this.registry = registry;
        this.inbox = new WebSocketInbox(limits.readQueueSize());
        this.writeQueue = new ArrayBlockingQueue<>(Math.max(1, limits.writeQueueSize()));
    }

    /** The socket is open: register, start the writer and ask for the first message. */
    void opened(Transport t) {
        transport = t;
        registry.register(id, this);
        Thread.ofVirtual().name("duso-ws-writer").start(this::writeLoop);
        t.demand();
    }

    /** A message arrived (the socket only delivers one per demand). */
    void received(String message) {
        if (closed.get()) {
            return;
        }
        if (limits.maxMessagesPerSecond() > 0 && overRate()) {
            close();
            return;
        }
        inbox.offer(message);
        if (!inbox.isFull()) {
            transport.demand();
        } else {
            demandPending.set(true);
        }
    }

    /** A ping or pong was handled: ask for more unless a full read queue is holding reads back. */
    void controlFrame() {
        if (!demandPending.get() && !closed.get()) {
            transport.demand();
        }
    }

    /** The socket closed or failed. */
    void disconnected() {
        markClosed();
    }

    /**
     * The next message, "" on timeout, null once closed and drained (see
     * {@link WebSocketInbox#read}); taking a message from a full queue lets the socket read again.
     */
    String read(Interp interp, long timeoutNanos) {
        String m = inbox.read(interp, timeoutNanos);
        if (m != null && demandPending.compareAndSet(true, false) && !closed.get()) {
            transport.demand();
        }
        return m;
    }

    /** Queues a message: its size in bytes, or nil when closed or the queue is full. */
    @Override
    public Object queue(String message) {
        if (closed.get() || !writeQueue.offer(message)) {
            return Nil.NIL;
        }
        return (double) message.getBytes(StandardCharsets.UTF_8).length;
    }

    boolean isConnected() {
        return !closed.get();
    }

    /** Closes after the messages already queued have been sent. */
    @Override
    public void close() {
        markClosed();
    }

    /**
     * Marks closed once: unregisters, wakes a blocked read, and lets the writer send what
     * is queued and then close the socket (at once if the write queue is full).
     */
    private void markClosed() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        registry.unregister(id, this);
        inbox.end();
        if (!writeQueue.offer(CLOSED)) {
            Transport t = transport;
            if (t != null) {
                t.close();
            }
        }
    }

    private void writeLoop() {
        try {
            while (true) {
                String m = writeQueue.take();
                if (m == CLOSED || !transport.sendText(m)) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        transport.close();
    }

    /** The reference's token bucket: the first message over the rate ends the connection. */
    private synchronized boolean overRate() {
        long now = System.nanoTime();
        int rate = limits.maxMessagesPerSecond();
        if (lastRefill == 0) {
            tokens = rate - 1;
            lastRefill = now;
            return false;
        }
        tokens = Math.min(tokens + (now - lastRefill) / 1e9 * rate, rate * 2.0);
        lastRefill = now;
        if (tokens >= 1) {
            tokens -= 1;
            return false;
        }
        return true;
    }

    /** The object {@code context().connection()} returns. */
    DusoObject scriptObject() {
        DusoObject o = new DusoObject(6);
        o.put("id", id);
        o.put("accept", new NativeFunction("accept", a -> {
            if (closed.get()) {
                throw Args.error("connection already closed");
            }
            return Nil.NIL;
        }));
        o.put("read", new NativeFunction("read", a -> {
            Object t = a.raw().at(0) != null ? a.raw().at(0) : a.raw().named("timeout");
            long nanos = t instanceof Double d && d > 0 ? (long) (d * 1e9) : 0;
            String m = read(a.interp(), nanos);
            return m == null ? Nil.NIL : m;
        }));
        o.put("write", new NativeFunction("write", a -> {
            Object m = a.raw().at(0);
            if (m == null) {
                throw Args.error("write() requires a message argument");
            }
            return queue(Render.goFormat(m));
        }));
        o.put("close", new NativeFunction("close", a -> {
            close();
            return Nil.NIL;
        }));
        o.put("is_connected", new NativeFunction("is_connected", a -> isConnected()));
        return o;
    }
}

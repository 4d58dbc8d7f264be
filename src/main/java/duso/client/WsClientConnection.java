package duso.client;

import duso.lang.nodes.Interp;
import duso.lang.values.Nil;
import duso.runtime.WebSocketInbox;
import duso.runtime.WebSockets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An open client WebSocket with the reference's queue model: a reader thread fills a bounded
 * read queue (blocking when it is full, so a slow script slows the peer down through TCP),
 * {@code write} only queues (nil when the queue is full or the connection closed) and a writer
 * thread sends. The config's limits apply as in the reference: a message over
 * {@code max_message_size} closes the connection, messages over {@code max_messages_per_second}
 * are dropped and ten drops in a row close it, and no traffic for {@code idle_timeout} seconds
 * closes it. Registered by id so {@code send_websocket()} can reach it.
 */
final class WsClientConnection implements WebSockets.Connection {
    /** Marks the end of the write queue. */
    private static final String END = new String("end");

    final String id = UUID.randomUUID().toString();
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final WsConfig config;
    private final WebSockets registry;
    private final WebSocketInbox inbox;
    private final BlockingQueue<String> writeQueue;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object sending = new Object();
    private volatile long lastActivity = System.nanoTime();
    private volatile Thread writer;
    private volatile Thread idleWatcher;
    private final RateLimit rate;

    WsClientConnection(WsHandshake.Opened opened, WsConfig config, WebSockets registry) {
        this.socket = opened.socket();
        this.in = opened.in();
        this.out = opened.out();
        this.config = config;
        this.registry = registry;
        this.inbox = new WebSocketInbox(config.readQueueSize());
        this.writeQueue = new ArrayBlockingQueue<>(Math.max(1, config.writeQueueSize()));
        this.rate = config.maxMessagesPerSecond() > 0 ? new RateLimit(config.maxMessagesPerSecond()) : null;
    }

    void start() {
        if (registry != null) {
            registry.register(id, this);
        }
        Thread.ofVirtual().name("duso-ws-reader").start(this::readLoop);
        writer = Thread.ofVirtual().name("duso-ws-writer").start(this::writeLoop);
        if (config.idleTimeoutSeconds() > 0) {
            idleWatcher = Thread.ofVirtual().name("duso-ws-idle").start(this::watchIdle);
        }
    }

    // ---- script side ------------------------------------------------------------------------

    /** The next message, "" on timeout, null once closed and drained (see {@link WebSocketInbox#read}). */
    String read(Interp interp, long timeoutNanos) {
        return inbox.read(interp, timeoutNanos);
    }

    /** Queues a text message: its size in bytes, or nil when closed or the queue is full. */
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

    /**
     * Closes: messages already queued are still sent (for up to two seconds), then a close
     * frame, then the socket.
     */
    @Override
    public void close() {
        if (!markClosed()) {
            return;
        }
        if (!writeQueue.offer(END)) {
            terminate();
            return;
        }
        Thread w = writer;
        if (w != null && w != Thread.currentThread()) {
            try {
                if (!w.join(java.time.Duration.ofSeconds(2))) {
                    terminate();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                terminate();
            }
        }
    }

    // ---- background ---------------------------------------------------------------------------

    /** Marks closed once: unregisters and wakes readers. False if it was already closed. */
    private boolean markClosed() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        if (registry != null) {
            registry.unregister(id, this);
        }
        inbox.end();
        Thread idle = idleWatcher;
        if (idle != null) {
            idle.interrupt();
        }
        return true;
    }

    /** Closes at once, without sending what is queued. */
    private void terminate() {
        markClosed();
        writeQueue.clear();
        writeQueue.offer(END);
        CallControl.closeQuietly(socket);
    }

    private void readLoop() {
        StringBuilder fragments = null;
        try {
            while (!closed.get()) {
                WsFrames.Frame f = WsFrames.read(in);
                lastActivity = System.nanoTime();
                switch (f.opcode()) {
                    case WsFrames.PING -> send(WsFrames.PONG, f.payload());
                    case WsFrames.PONG -> { }
                    case WsFrames.CLOSE -> {
                        send(WsFrames.CLOSE, f.payload().length >= 2 ? java.util.Arrays.copyOf(f.payload(), 2) : new byte[0]);
                        terminate();
                        return;
                    }
                    case WsFrames.TEXT, WsFrames.BINARY, WsFrames.CONTINUATION -> {
                        String text = new String(f.payload(), StandardCharsets.UTF_8);
                        if (!f.fin() || fragments != null) {
                            fragments = fragments == null ? new StringBuilder(text) : fragments.append(text);
                            if (!f.fin()) {
                                continue;
                            }
                            text = fragments.toString();
                            fragments = null;
                        }
                        if (!deliver(text, f.payload().length)) {
                            return;
                        }
                    }
                    default -> {
                        terminate();
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            terminate();
        }
    }

    /** Applies the size and rate limits, then queues; false when the connection ended. */
    private boolean deliver(String message, int bytes) {
        if (config.maxMessageSize() > 0 && bytes > config.maxMessageSize()) {
            terminate();
            return false;
        }
        if (rate != null) {
            RateLimit.Verdict v = rate.admit();
            if (v == RateLimit.Verdict.CLOSE) {
                terminate();
                return false;
            }
            if (v == RateLimit.Verdict.DROP) {
                return true;
            }
        }
        try {
            while (!closed.get()) {
                if (inbox.offer(message, 200, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private void writeLoop() {
        try {
            while (true) {
                String m = writeQueue.take();
                if (m == END) {
                    send(WsFrames.CLOSE, new byte[] {0x03, (byte) 0xe8});
                    break;
                }
                send(WsFrames.TEXT, m.getBytes(StandardCharsets.UTF_8));
                lastActivity = System.nanoTime();
            }
        } catch (IOException | InterruptedException e) {
            // the socket failed or closed: nothing more can be sent
        }
        terminate();
    }

    private void send(int opcode, byte[] payload) throws IOException {
        synchronized (sending) {
            WsFrames.write(out, opcode, payload);
        }
    }

    /** Sleeps until the idle deadline, then closes unless there was traffic meanwhile. */
    private void watchIdle() {
        long idle = TimeUnit.SECONDS.toNanos(config.idleTimeoutSeconds());
        try {
            while (!closed.get()) {
                long quiet = System.nanoTime() - lastActivity;
                if (quiet >= idle) {
                    terminate();
                    return;
                }
                Thread.sleep(java.time.Duration.ofNanos(idle - quiet));
            }
        } catch (InterruptedException e) {
            // closed meanwhile
        }
    }
}

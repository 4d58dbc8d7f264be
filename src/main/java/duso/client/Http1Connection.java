package duso.client;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One plain-TCP HTTP/1.1 connection: a blocking socket (cheap on a virtual thread, which parks
 * instead of holding a carrier) with a small read buffer, borrowed from {@link ReadBuffers} only
 * from a response's first byte to the end of its head, so thousands of waiting or idle
 * connections cost a socket each and no buffers.
 *
 * <p>Every blocking read is given the calling fetch's remaining time, and an interrupt of the
 * calling script closes the socket (see {@link CallControl}); both surface as Go's errors.
 */
final class Http1Connection implements Closeable {
    private static final int DIAL_TIMEOUT_MILLIS = 30_000;
    private static final byte[] NO_BUFFER = new byte[0];
    /** The largest single read or write (see {@link #read}). */
    private static final int MAX_READ = 32 * 1024;

    final String poolKey;
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;
    private final SocketAddress local;
    private final SocketAddress remote;
    /** Read buffer; bytes pos..lim are unread. */
    byte[] buf = NO_BUFFER;
    int pos;
    int lim;
    /** When it went back to the pool (System.nanoTime), for the idle timeout. */
    long idleSince;
    /** Exchanges completed on it: a connection that served one may have been closed by the peer. */
    int served;

    private Http1Connection(String poolKey, SocketChannel channel) throws IOException {
        this.poolKey = poolKey;
        this.channel = channel;
        this.in = channel.socket().getInputStream();
        this.out = channel.socket().getOutputStream();
        this.local = channel.getLocalAddress();
        this.remote = channel.getRemoteAddress();
    }

    /**
     * Connects to the host, trying each of its addresses in turn; the error of the first is the
     * one reported, as Go's serial dialer does.
     */
    static Http1Connection open(String poolKey, String host, int port, CallControl ctl) throws FetchFailure {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            ctl.checkInterrupt();
            throw new FetchFailure(NetErrors.lookup(host));
        }
        FetchFailure first = null;
        for (InetAddress address : addresses) {
            InetSocketAddress target = new InetSocketAddress(address, port);
            SocketChannel ch = null;
            try {
                ch = SocketChannel.open();
                ctl.attach(ch);
                ctl.checkInterrupt();
                ch.socket().setTcpNoDelay(true);
                ch.socket().setKeepAlive(true);
                long left = ctl.remainingNanos() / 1_000_000;
                if (left <= 0) {
                    throw new FetchFailure(CallControl.DEADLINE_EXCEEDED);
                }
                ch.socket().connect(target, (int) Math.min(DIAL_TIMEOUT_MILLIS, Math.max(1, left)));
                return new Http1Connection(poolKey, ch);
            } catch (IOException e) {
                if (ch != null) {
                    CallControl.closeQuietly(ch);
                }
                FetchFailure f = ctl.explain(new FetchFailure(NetErrors.dial(target, e)));
                if (f.getMessage().equals(CallControl.DEADLINE_EXCEEDED)) {
                    throw f;
                }
                if (first == null) {
                    first = f;
                }
            } finally {
                ctl.detach();
            }
        }
        throw first != null ? first : new FetchFailure(NetErrors.lookup(host));
    }

    /**
     * Whether a pooled connection still looks usable: the peer has not closed it and sent
     * nothing unasked. One non-blocking read, so a request is never written into a socket the
     * server already gave up on (which would fail a POST that cannot be retried).
     */
    boolean stillOpen() {
        try {
            channel.configureBlocking(false);
            try {
                return channel.read(ByteBuffer.allocate(1)) == 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Writes the request; a small body goes out with the head in one write. */
    void write(byte[] head, byte[] body, CallControl ctl) throws FetchFailure {
        try {
            if (body != null && body.length > 0 && body.length <= 8192) {
                byte[] both = new byte[head.length + body.length];
                System.arraycopy(head, 0, both, 0, head.length);
                System.arraycopy(body, 0, both, head.length, body.length);
                out.write(both);
            } else {
                out.write(head);
                for (int off = 0; body != null && off < body.length; off += MAX_READ) {
                    out.write(body, off, Math.min(MAX_READ, body.length - off));
                }
            }
        } catch (IOException e) {
            throw ctl.explain(new FetchFailure(NetErrors.write(local, remote, e)));
        }
    }

    /** Starts reading a response: a small buffer, grown only for large heads. */
    void beginRead() {
        if (buf.length == 0) {
            buf = ReadBuffers.take();
        }
        pos = 0;
        lim = 0;
    }

    /** Gives the read buffer back (the connection goes idle); only the reading thread calls this. */
    void endRead() {
        ReadBuffers.give(buf);
        buf = NO_BUFFER;
        pos = 0;
        lim = 0;
    }

    /** Reads more bytes into the buffer (compacting or growing it); -1 at end of stream. */
    int fill(CallControl ctl, int maxBuffer) throws FetchFailure {
        if (pos > 0 && lim == buf.length) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        if (lim == buf.length) {
            if (buf.length >= maxBuffer) {
                return -2;
            }
            buf = java.util.Arrays.copyOf(buf, Math.min(maxBuffer, buf.length * 2));
        }
        int n = read(buf, lim, buf.length - lim, ctl);
        if (n > 0) {
            lim += n;
        }
        return n;
    }

    /**
     * Waits for the first byte of a response while holding no read buffer: thousands of
     * fetches parked on slow servers then cost a socket and a frozen stack each, nothing more.
     * Returns false at end of stream (the server closed without answering).
     */
    boolean awaitFirstByte(CallControl ctl) throws FetchFailure {
        byte[] one = new byte[1];
        int n;
        do {
            n = read(one, 0, 1, ctl);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        beginRead();
        buf[0] = one[0];
        lim = 1;
        return true;
    }

    /** Where the line after the one {@link #bufferLine} found starts. */
    private int lineNext;

    /**
     * Makes sure the next CRLF- or LF-terminated line is buffered, starting at {@link #pos};
     * returns its length without the terminator, or -1 at end of stream (an unfinished line
     * stays buffered: see {@link #hasBuffered}). Parse it from {@link #buf}, then
     * {@link #consumeLine}.
     *
     * @param tooLong the error when the line would need more than {@code maxBuffer} bytes
     */
    int bufferLine(CallControl ctl, int maxBuffer, String tooLong) throws FetchFailure {
        if (buf.length == 0) {
            beginRead();
        }
        int scanned = 0;
        while (true) {
            for (int i = pos + scanned; i < lim; i++) {
                if (buf[i] == '\n') {
                    lineNext = i + 1;
                    return (i > pos && buf[i - 1] == '\r' ? i - 1 : i) - pos;
                }
            }
            scanned = lim - pos;
            int n = fill(ctl, maxBuffer);
            if (n == -2) {
                throw new FetchFailure(tooLong);
            }
            if (n < 0) {
                return -1;
            }
        }
    }

    void consumeLine() {
        pos = lineNext;
    }

    /** The buffered line as a byte string (for messages). */
    String lineText(int length) {
        return new String(buf, pos, length, StandardCharsets.ISO_8859_1);
    }

    boolean hasBuffered() {
        return lim > pos;
    }

    /**
     * Reads directly into {@code dst} (bodies bypass the buffer); -1 at end of stream. At most
     * {@link #MAX_READ} bytes per call: the JDK copies through a temporary direct buffer as
     * large as the read, which it keeps per carrier thread.
     */
    int read(byte[] dst, int off, int len, CallControl ctl) throws FetchFailure {
        try {
            channel.socket().setSoTimeout(ctl.readTimeoutMillis());
            return in.read(dst, off, Math.min(len, MAX_READ));
        } catch (SocketTimeoutException e) {
            ctl.checkInterrupt();
            throw new FetchFailure(CallControl.DEADLINE_EXCEEDED);
        } catch (IOException e) {
            throw ctl.explain(new FetchFailure(NetErrors.read(local, remote, e)));
        }
    }

    @Override
    public void close() {
        CallControl.closeQuietly(channel);
    }
}

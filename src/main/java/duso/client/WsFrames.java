package duso.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ThreadLocalRandom;

/**
 * WebSocket frames (RFC 6455 §5) from the client's side: frames it sends are masked, frames it
 * receives must not be. Messages are reassembled from continuation frames; a frame larger than
 * the reference library's 32 MiB payload limit ends the connection.
 */
final class WsFrames {
    private WsFrames() {}

    static final int CONTINUATION = 0;
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    /** golang.org/x/net/websocket's DefaultMaxPayloadBytes. */
    static final long MAX_FRAME = 32L << 20;

    /** One received frame. */
    record Frame(boolean fin, int opcode, byte[] payload) {}

    static Frame read(InputStream in) throws IOException {
        int b0 = readByte(in);
        int b1 = readByte(in);
        boolean fin = (b0 & 0x80) != 0;
        int opcode = b0 & 0x0f;
        boolean masked = (b1 & 0x80) != 0;
        long length = b1 & 0x7f;
        if (length == 126) {
            length = (long) readByte(in) << 8 | readByte(in);
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = length << 8 | readByte(in);
            }
        }
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("websocket: frame payload size exceeds limit");
        }
        byte[] mask = null;
        if (masked) {
            mask = new byte[4];
            readFully(in, mask);
        }
        byte[] payload = new byte[(int) length];
        readFully(in, payload);
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame(fin, opcode, payload);
    }

    /** Writes one complete, masked frame; the caller serialises writers. */
    static void write(OutputStream out, int opcode, byte[] payload) throws IOException {
        int n = payload.length;
        int headerLength = 2 + (n < 126 ? 0 : n < 65536 ? 2 : 8) + 4;
        byte[] frame = new byte[headerLength + n];
        int p = 0;
        frame[p++] = (byte) (0x80 | opcode);
        if (n < 126) {
            frame[p++] = (byte) (0x80 | n);
        } else if (n < 65536) {
            frame[p++] = (byte) (0x80 | 126);
            frame[p++] = (byte) (n >>> 8);
            frame[p++] = (byte) n;
        } else {
            frame[p++] = (byte) (0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame[p++] = (byte) ((long) n >>> shift);
            }
        }
        int mask = ThreadLocalRandom.current().nextInt();
        for (int i = 0; i < 4; i++) {
            frame[p++] = (byte) (mask >>> (24 - 8 * i));
        }
        for (int i = 0; i < n; i++) {
            frame[p + i] = (byte) (payload[i] ^ frame[p - 4 + (i & 3)]);
        }
        out.write(frame);
        out.flush();
    }

    private static int readByte(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static void readFully(InputStream in, byte[] dst) throws IOException {
        int off = 0;
        while (off < dst.length) {
            int n = in.read(dst, off, dst.length - off);
            if (n < 0) {
                throw new EOFException();
            }
            off += n;
        }
    }
}

package duso.client;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A minimal WebSocket server for the client tests: completes the handshake (or refuses it with
 * 404 on /refuse), then echoes text messages (on /sink it only records them), with a few commands: {@code close} (the server
 * closes), {@code big N} (sends N bytes), {@code burst N} (sends N messages at once).
 * Records handshake heads and received messages.
 */
final class WsTestServer implements AutoCloseable {
    final List<String> heads = new CopyOnWriteArrayList<>();
    final List<String> received = new CopyOnWriteArrayList<>();
    private final ServerSocket server;

    WsTestServer() throws IOException {
        this(null);
    }

    /** With a TLS context, a wss:// server. */
    WsTestServer(javax.net.ssl.SSLContext tls) throws IOException {
        server = tls == null ? new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
                : tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    Thread.ofVirtual().start(() -> serve(s));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    String url(String path) {
        return "ws://127.0.0.1:" + server.getLocalPort() + path;
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            String head = head(in);
            heads.add(head);
            if (head.startsWith("GET /refuse")) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            String key = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                    key = line.substring(18).trim();
                }
            }
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: " + WsHandshake.expectedAccept(key) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            boolean sink = head.startsWith("GET /sink");
            while (true) {
                WsFrames.Frame f = WsFrames.read(in);
                if (f.opcode() == WsFrames.CLOSE) {
                    send(out, WsFrames.CLOSE, f.payload());
                    return;
                }
                String m = new String(f.payload(), StandardCharsets.UTF_8);
                received.add(m);
                if (sink) {
                    continue;
                }
                if (m.equals("close")) {
                    send(out, WsFrames.CLOSE, new byte[] {0x03, (byte) 0xe8});
                    return;
                } else if (m.startsWith("big ")) {
                    send(out, WsFrames.TEXT, "x".repeat(Integer.parseInt(m.substring(4))).getBytes(StandardCharsets.UTF_8));
                } else if (m.equals("frag")) {
                    sendFrame(out, false, WsFrames.TEXT, "hel".getBytes(StandardCharsets.UTF_8));
                    sendFrame(out, true, WsFrames.CONTINUATION, "lo".getBytes(StandardCharsets.UTF_8));
                } else if (m.startsWith("burst ")) {
                    for (int i = 1; i <= Integer.parseInt(m.substring(6)); i++) {
                        send(out, WsFrames.TEXT, ("m" + i).getBytes(StandardCharsets.UTF_8));
                    }
                } else {
                    send(out, WsFrames.TEXT, f.payload());
                }
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static void send(OutputStream out, int opcode, byte[] payload) throws IOException {
        sendFrame(out, true, opcode, payload);
    }

    /** Server frames are not masked. */
    private static synchronized void sendFrame(OutputStream out, boolean fin, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write((fin ? 0x80 : 0) | opcode);
        if (payload.length < 126) {
            b.write(payload.length);
        } else if (payload.length < 65536) {
            b.write(126);
            b.write(payload.length >>> 8);
            b.write(payload.length & 0xff);
        } else {
            b.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                b.write((int) ((long) payload.length >>> shift) & 0xff);
            }
        }
        b.write(payload);
        out.write(b.toByteArray());
        out.flush();
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("eof");
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

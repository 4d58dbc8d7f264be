package duso.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A loopback server that answers each request with whatever bytes a test scripts, for the
 * wire cases a real HTTP server will not produce (malformed heads, early closes, folded
 * headers, HTTP/1.0 bodies until close). Records every request head it read.
 */
final class RawServer implements AutoCloseable {
    /** Answers one request head; returns the bytes to send, and whether to close afterwards. */
    interface Responder {
        Reply reply(String requestHead, Socket socket) throws IOException;
    }

    record Reply(byte[] bytes, boolean close) {
        static Reply of(String text, boolean close) {
            return new Reply(text.getBytes(StandardCharsets.ISO_8859_1), close);
        }
    }

    final List<String> heads = new CopyOnWriteArrayList<>();
    final List<Integer> clientPorts = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final Responder responder;

    RawServer(Responder responder) throws IOException {
        this.responder = responder;
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                clientPorts.add(s.getPort());
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                int length = contentLength(head);
                byte[] body = in.readNBytes(length);
                heads.add(head + new String(body, StandardCharsets.UTF_8));
                Reply r = responder.reply(head, s);
                if (r == null) {
                    return;
                }
                s.getOutputStream().write(r.bytes());
                s.getOutputStream().flush();
                if (r.close()) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) || (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

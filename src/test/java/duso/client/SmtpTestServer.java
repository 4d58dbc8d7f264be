package duso.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A small SMTP relay on 127.0.0.1 for tests: it speaks enough of RFC 5321 (EHLO/HELO,
 * STARTTLS, AUTH PLAIN/LOGIN/CRAM-MD5, MAIL/RCPT/DATA, QUIT) to accept one message per
 * connection, and records what the client sent exactly as it came over the wire: every
 * command line, and the DATA section before and after undoing the dot-stuffing.
 */
final class SmtpTestServer implements AutoCloseable {
    /** One connection as the server saw it. */
    record Session(List<String> commands, String wireData, String message, boolean tls) {}

    private final ServerSocket listener;
    private final SSLContext tls;
    private final boolean implicitTls;
    private final List<String> extensions;
    /** Replies that replace the normal one for a command starting with the key (upper case). */
    final Map<String, String> overrides = new ConcurrentHashMap<>();
    private final LinkedBlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
    private final Thread acceptor;

    /**
     * @param tls the server's TLS context: offered as STARTTLS, or used at once when implicitTls
     * @param extensions EHLO lines after the greeting line (e.g. "AUTH PLAIN LOGIN", "8BITMIME")
     */
    SmtpTestServer(SSLContext tls, boolean implicitTls, String... extensions) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.tls = tls;
        this.implicitTls = implicitTls;
        this.extensions = List.of(extensions);
        this.acceptor = Thread.ofVirtual().start(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The next finished session (one that reached QUIT or hung up). */
    Session next() throws InterruptedException {
        Session s = sessions.poll(20, TimeUnit.SECONDS);
        if (s == null) {
            throw new AssertionError("no SMTP session finished within 20 s");
        }
        return s;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                Thread.ofVirtual().start(() -> serve(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket raw) {
        List<String> commands = new ArrayList<>();
        String[] data = {null, null};
        boolean[] secure = {false};
        try (Socket closing = raw) {
            Conn c = new Conn(raw);
            if (implicitTls) {
                c = c.secure(tls);
                secure[0] = true;
            }
            c.say("220 test.local ESMTP ready");
            while (true) {
                String line = c.readLine();
                if (line == null) {
                    break;
                }
                commands.add(line);
                String verb = line.toUpperCase();
                String override = overrides.entrySet().stream().filter(e -> verb.startsWith(e.getKey()))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                if (override != null) {
                    c.say(override);
                    continue;
                }
                if (verb.startsWith("EHLO")) {
                    List<String> lines = new ArrayList<>();
                    lines.add("test.local greets you");
                    if (tls != null && !secure[0]) {
                        lines.add("STARTTLS");
                    }
                    lines.addAll(extensions);
                    for (int i = 0; i < lines.size(); i++) {
                        c.say("250" + (i == lines.size() - 1 ? " " : "-") + lines.get(i));
                    }
                } else if (verb.startsWith("HELO")) {
                    c.say("250 test.local");
                } else if (verb.equals("STARTTLS")) {
                    c.say("220 2.0.0 ready to start TLS");
                    c = c.secure(tls);
                    secure[0] = true;
                } else if (verb.startsWith("AUTH PLAIN")) {
                    if (line.length() <= "AUTH PLAIN ".length()) {
                        c.say("334 ");
                        commands.add(c.readLine());
                    }
                    c.say("235 2.7.0 authenticated");
                } else if (verb.startsWith("AUTH LOGIN")) {
                    c.say("334 " + b64("Username:"));
                    commands.add(c.readLine());
                    c.say("334 " + b64("Password:"));
                    commands.add(c.readLine());
                    c.say("235 2.7.0 authenticated");
                } else if (verb.startsWith("AUTH CRAM-MD5")) {
                    c.say("334 " + b64("<1896.697170952@test.local>"));
                    commands.add(c.readLine());
                    c.say("235 2.7.0 authenticated");
                } else if (verb.startsWith("MAIL FROM:") || verb.startsWith("RCPT TO:")
                        || verb.equals("RSET") || verb.equals("NOOP")) {
                    c.say("250 2.1.0 ok");
                } else if (verb.equals("DATA")) {
                    c.say("354 end data with <CR><LF>.<CR><LF>");
                    String wire = c.readData();
                    data[0] = wire;
                    data[1] = unstuff(wire);
                    c.say("250 2.0.0 queued as 42");
                } else if (verb.equals("QUIT")) {
                    c.say("221 2.0.0 bye");
                    break;
                } else {
                    c.say("500 5.5.1 unrecognized command");
                }
            }
        } catch (IOException e) {
            commands.add("!" + e.getMessage());
        } finally {
            sessions.add(new Session(commands, data[0], data[1], secure[0]));
        }
    }

    /** DATA as sent, without its closing dot line, with leading dots restored. */
    private static String unstuff(String wire) {
        StringBuilder b = new StringBuilder(wire.length());
        for (String line : wire.split("(?<=\r\n)", -1)) {
            b.append(line.startsWith(".") ? line.substring(1) : line);
        }
        return b.toString();
    }

    static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        listener.close();
        acceptor.interrupt();
    }

    /** Line-oriented I/O on one socket. */
    private static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;

        Conn(Socket s) throws IOException {
            socket = s;
            s.setSoTimeout(20_000);
            in = s.getInputStream();
            out = s.getOutputStream();
        }

        Conn secure(SSLContext ctx) throws IOException {
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(socket, null, socket.getPort(), true);
            s.setUseClientMode(false);
            s.startHandshake();
            return new Conn(s);
        }

        void say(String line) throws IOException {
            out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One CRLF-terminated line without its CRLF, or null at end of stream. */
        String readLine() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int prev = -1;
            while (true) {
                int c = in.read();
                if (c < 0) {
                    return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
                }
                if (c == '\n' && prev == '\r') {
                    byte[] bytes = b.toByteArray();
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                }
                b.write(c);
                prev = c;
            }
        }

        /** Everything up to the CRLF "." CRLF that ends DATA, the final CRLF included. */
        String readData() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            long last = 0; // the last five bytes, newest lowest
            int n = 0;
            while (true) {
                int c = in.read();
                if (c < 0) {
                    throw new IOException("EOF in DATA");
                }
                b.write(c);
                n++;
                last = (last << 8 | c) & 0xFF_FFFF_FFFFL;
                boolean dotLine = (last & 0xFF_FFFF) == ('.' << 16 | '\r' << 8 | '\n');
                if (dotLine && (n == 3 || n >= 5 && (last >> 24) == ('\r' << 8 | '\n'))) {
                    byte[] all = b.toByteArray();
                    return new String(all, 0, n - 3, StandardCharsets.UTF_8);
                }
            }
        }
    }
}

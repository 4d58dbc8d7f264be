package duso.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The byte level of an SMTP conversation: command lines out, replies in (single or
 * multi-line, checked against the expected code as Go's textproto does), and the DATA
 * section dot-stuffed. The whole send shares one deadline: each read waits only for the time
 * left, and a guard closes the socket when it runs out so a write the relay never drains ends
 * too; both surface as Go's {@code read tcp a->b: i/o timeout}.
 */
final class SmtpWire implements AutoCloseable {
    private static final int MAX_LINE = 1 << 20;

    record Reply(int code, String message) {}

    private final CallControl ctl;
    private final Thread deadlineGuard;
    /** The endpoints, kept from the start: a closed socket no longer reports its own. */
    private final SocketAddress local;
    private final SocketAddress remote;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buf = new byte[4096];
    private int pos;
    private int lim;

    SmtpWire(Socket plain, CallControl ctl) throws IOException {
        this.ctl = ctl;
        this.local = plain.getLocalSocketAddress();
        this.remote = plain.getRemoteSocketAddress();
        use(plain);
        this.deadlineGuard = ctl.timed() ? Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(Duration.ofNanos(ctl.remainingNanos()));
                CallControl.closeQuietly(plain);
            } catch (InterruptedException finished) {
                // the session ended first
            }
        }) : null;
    }

    /** Carries on over {@code s} (the TLS layer over the same connection); unread input is dropped. */
    void use(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = 0;
        lim = 0;
        ctl.attach(s);
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() {
        if (deadlineGuard != null) {
            deadlineGuard.interrupt();
        }
        ctl.detach();
        CallControl.closeQuietly(socket);
    }

    Reply command(int expect, String line) throws SmtpFailure {
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return readReply(expect);
    }

    void write(byte[] bytes) throws SmtpFailure {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            ctl.checkInterrupt();
            if (ctl.expired()) {
                throw new SmtpFailure("write tcp " + NetErrors.address(local()) + "->" + NetErrors.address(remote())
                        + ": i/o timeout");
            }
            throw new SmtpFailure(NetErrors.write(local(), remote(), e));
        }
    }

    /**
     * One reply, single or multi-line, as textproto.ReadResponse reads it: the code must be
     * {@code expect} (a one- or two-digit expect matches a code class; 0 accepts any), and a
     * mismatching multi-line reply reports all of its lines.
     */
    Reply readReply(int expect) throws SmtpFailure {
        String line = readLine();
        ParsedLine first = parse(line, expect);
        int code = first.code;
        StringBuilder message = new StringBuilder(first.message);
        boolean multi = first.continued;
        boolean continued = first.continued;
        while (continued) {
            String next = readLine();
            ParsedLine more = parse(next, 0);
            if (more.error != null || more.code != code) {
                message.append('\n').append(next);
                continued = true;
                continue;
            }
            message.append('\n').append(more.message);
            continued = more.continued;
        }
        if (first.error != null) {
            if (multi && !message.isEmpty()) {
                throw new SmtpFailure(errorText(code, message.toString()));
            }
            throw new SmtpFailure(first.error);
        }
        return new Reply(code, message.toString());
    }

    private record ParsedLine(int code, boolean continued, String message, String error) {}

    private static ParsedLine parse(String line, int expect) {
        if (line.length() < 4 || line.charAt(3) != ' ' && line.charAt(3) != '-') {
            return new ParsedLine(0, false, "", "short response: " + line);
        }
        boolean continued = line.charAt(3) == '-';
        int code = 0;
        for (int i = 0; i < 3; i++) {
            char c = line.charAt(i);
            if (c < '0' || c > '9') {
                return new ParsedLine(0, continued, "", "invalid response code: " + line);
            }
            code = code * 10 + (c - '0');
        }
        if (code < 100) {
            return new ParsedLine(0, continued, "", "invalid response code: " + line);
        }
        String message = line.substring(4);
        boolean wrong = expect >= 1 && expect < 10 && code / 100 != expect
                || expect >= 10 && expect < 100 && code / 10 != expect
                || expect >= 100 && expect < 1000 && code != expect;
        return new ParsedLine(code, continued, message, wrong ? errorText(code, message) : null);
    }

    /**
     * The message as DATA carries it (textproto's DotWriter): a dot opening a line doubled, a
     * bare LF sent as CRLF, a final CRLF added when missing, then the closing dot line.
     */
    static byte[] dotStuffed(byte[] message) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(message.length + message.length / 64 + 8);
        final int lineStart = 0;
        final int data = 1;
        final int afterCr = 2;
        int state = lineStart;
        boolean empty = true;
        for (byte c : message) {
            empty = false;
            if (state == lineStart) {
                state = data;
                if (c == '.') {
                    o.write('.');
                }
            } else if (state == afterCr) {
                state = c == '\n' ? lineStart : data;
                o.write(c);
                continue;
            }
            if (c == '\r') {
                state = afterCr;
            } else if (c == '\n') {
                o.write('\r');
                state = lineStart;
            }
            o.write(c);
        }
        if (empty || state == data) {
            o.write('\r');
            o.write('\n');
        } else if (state == afterCr) {
            o.write('\n');
        }
        o.writeBytes(".\r\n".getBytes(StandardCharsets.US_ASCII));
        return o.toByteArray();
    }

    static String errorText(int code, String message) {
        return String.format("%03d %s", code, message);
    }

    /** One line without its CRLF (or bare LF); {@code EOF} when the server hung up first. */
    private String readLine() throws SmtpFailure {
        ByteArrayOutputStream line = null;
        while (true) {
            for (int i = pos; i < lim; i++) {
                if (buf[i] == '\n') {
                    int end = i > pos && buf[i - 1] == '\r' ? i - 1 : i;
                    String s;
                    if (line == null) {
                        s = new String(buf, pos, end - pos, StandardCharsets.UTF_8);
                    } else {
                        line.write(buf, pos, end - pos);
                        s = line.toString(StandardCharsets.UTF_8);
                        if (end == i && s.endsWith("\r")) {
                            s = s.substring(0, s.length() - 1);
                        }
                    }
                    pos = i + 1;
                    return s;
                }
            }
            if (lim > pos) {
                if (line == null) {
                    line = new ByteArrayOutputStream();
                }
                if (line.size() < MAX_LINE) {
                    line.write(buf, pos, lim - pos);
                }
                pos = lim;
            }
            int n = fill();
            if (n < 0) {
                if (line != null && line.size() > 0) {
                    return line.toString(StandardCharsets.UTF_8);
                }
                throw new SmtpFailure("EOF");
            }
        }
    }

    private int fill() throws SmtpFailure {
        try {
            socket.setSoTimeout(readTimeout());
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            lim = Math.max(n, 0);
            return n;
        } catch (IOException e) {
            ctl.checkInterrupt();
            if (e instanceof SocketTimeoutException || ctl.expired()) {
                throw new SmtpFailure(readTimedOut());
            }
            throw new SmtpFailure(readError(e));
        }
    }

    /** What is left of the whole send for one blocking read, in milliseconds (at least 1). */
    int readTimeout() throws SmtpFailure {
        long left = ctl.remainingNanos();
        if (left <= 0) {
            throw new SmtpFailure(readTimedOut());
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }

    String readTimedOut() {
        return "read tcp " + NetErrors.address(local()) + "->" + NetErrors.address(remote()) + ": i/o timeout";
    }

    String readError(IOException e) {
        return NetErrors.read(local(), remote(), e);
    }

    private SocketAddress local() {
        return local;
    }

    private SocketAddress remote() {
        return remote;
    }
}

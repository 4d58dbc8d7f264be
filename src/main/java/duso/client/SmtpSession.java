package duso.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * One SMTP client conversation over a blocking socket (cheap on a virtual thread): greeting,
 * EHLO (HELO when refused), STARTTLS, AUTH, MAIL/RCPT/DATA and QUIT, with the semantics of
 * Go's net/smtp client that the reference drives, so the same relays are accepted and
 * refused and the errors read the same ({@code 535 5.7.8 bad credentials}, {@code EOF},
 * {@code unencrypted connection}, {@code read tcp a->b: i/o timeout}).
 *
 * <p>Every read gets only the time left of the whole send; an interrupt of the calling script
 * closes the socket (see {@link CallControl}) and the interrupt becomes the error.
 */
final class SmtpSession implements AutoCloseable {
    /** The name the client gives itself in EHLO/HELO, as net/smtp does. */
    private static final String LOCAL_NAME = "localhost";
    private static final int MAX_LINE = 1 << 20;

    /** A failed exchange, worded as Go words it. */
    static final class Failure extends Exception {
        Failure(String goMessage) {
            super(goMessage, null, false, false);
        }
    }

    private record Reply(int code, String message) {}

    private final String host;
    private final CallControl ctl;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buf = new byte[4096];
    private int pos;
    private int lim;
    private boolean tls;
    private boolean didHello;
    private Failure helloError;
    /** EHLO keywords and their parameters; null when the server only answered HELO. */
    private Map<String, String> extensions;

    private SmtpSession(String host, Socket socket, CallControl ctl) throws IOException {
        this.host = host;
        this.ctl = ctl;
        use(socket);
    }

    private void use(Socket s) throws IOException {
        socket = s;
        in = s.getInputStream();
        out = s.getOutputStream();
        pos = 0;
        lim = 0;
        ctl.attach(s);
    }

    /** Connects, negotiating TLS at once when {@code implicitTls}, and reads the greeting. */
    static SmtpSession open(String host, long port, boolean implicitTls, MailTls tlsSettings, CallControl ctl)
            throws Failure {
        SmtpSession session;
        try {
            session = new SmtpSession(host, dial(host, port, ctl), ctl);
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        }
        try {
            if (implicitTls) {
                session.upgrade(tlsSettings, (int) port);
            }
            session.readReply(220);
            return session;
        } catch (Failure | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static Socket dial(String host, long port, CallControl ctl) throws Failure {
        if (port < 0 || port > 0xFFFF) {
            throw new Failure("dial tcp: address " + port + ": invalid port");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            ctl.checkInterrupt();
            throw new Failure(NetErrors.lookup(host));
        }
        Failure first = null;
        for (InetAddress address : addresses) {
            InetSocketAddress target = new InetSocketAddress(address, (int) port);
            Socket s = new Socket();
            try {
                ctl.attach(s);
                ctl.checkInterrupt();
                long left = ctl.remainingNanos() / 1_000_000;
                if (left <= 0) {
                    throw new SocketTimeoutException();
                }
                s.setTcpNoDelay(true);
                s.connect(target, (int) Math.min(Integer.MAX_VALUE, left));
                return s;
            } catch (IOException e) {
                CallControl.closeQuietly(s);
                ctl.checkInterrupt();
                Failure f = new Failure(NetErrors.dial(target, e));
                if (ctl.expired()) {
                    throw f;
                }
                if (first == null) {
                    first = f;
                }
            } finally {
                ctl.detach();
            }
        }
        throw first != null ? first : new Failure(NetErrors.lookup(host));
    }

    /** Wraps the connection in TLS and completes the handshake. */
    private void upgrade(MailTls settings, int port) throws Failure {
        try {
            SSLSocket s = (SSLSocket) settings.context().getSocketFactory().createSocket(socket, host, port, true);
            if (!settings.insecure()) {
                SSLParameters params = s.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(params);
            }
            s.setSoTimeout(readTimeout());
            use(s);
            s.startHandshake();
            tls = true;
        } catch (SSLHandshakeException e) {
            ctl.checkInterrupt();
            throw new Failure(JdkTransport.TlsErrors.describe(e, host));
        } catch (SSLException e) {
            ctl.checkInterrupt();
            String m = String.valueOf(e.getMessage());
            throw new Failure(m.contains("Unsupported or unrecognized SSL message")
                    ? "tls: first record does not look like a TLS handshake" : readError(e));
        } catch (IOException e) {
            throw new Failure(readError(e));
        }
    }

    // ---- the conversation ----------------------------------------------------------------

    /** EHLO once, falling back to HELO; a failure of both is remembered and raised by every later step. */
    private void hello() throws Failure {
        if (!didHello) {
            didHello = true;
            try {
                ehlo();
            } catch (Failure refused) {
                extensions = null;
                try {
                    command(250, "HELO " + LOCAL_NAME);
                } catch (Failure f) {
                    helloError = f;
                }
            }
        }
        if (helloError != null) {
            throw helloError;
        }
    }

    private void ehlo() throws Failure {
        Reply r = command(250, "EHLO " + LOCAL_NAME);
        Map<String, String> ext = new HashMap<>();
        String[] lines = r.message().split("\n", -1);
        for (int i = 1; i < lines.length; i++) {
            int sp = lines[i].indexOf(' ');
            ext.put(sp < 0 ? lines[i] : lines[i].substring(0, sp), sp < 0 ? "" : lines[i].substring(sp + 1));
        }
        extensions = ext;
    }

    /** The parameters of an extension the server announced, or null when it did not. */
    String extension(String name) {
        try {
            hello();
        } catch (Failure f) {
            return null;
        }
        return extensions == null ? null : extensions.get(name.toUpperCase(Locale.ROOT));
    }

    void startTls(MailTls settings, int port) throws Failure {
        hello();
        command(220, "STARTTLS");
        upgrade(settings, port);
        ehlo();
    }

    /** AUTH with the first of PLAIN, LOGIN and CRAM-MD5 the server offers. */
    void authenticate(String user, String pass) throws Failure {
        String offered = extension("AUTH");
        if (offered == null) {
            throw new Failure("server does not support authentication");
        }
        String upper = offered.toUpperCase(Locale.ROOT);
        String mechanism = upper.contains("PLAIN") ? "PLAIN" : upper.contains("LOGIN") ? "LOGIN"
                : upper.contains("CRAM-MD5") ? "CRAM-MD5" : null;
        if (mechanism == null) {
            throw new Failure("no supported auth mechanism (server offers: " + offered + ")");
        }
        hello();
        byte[] initial = new byte[0];
        if (!mechanism.equals("CRAM-MD5") && !tls && !isLocalhost(host)) {
            quitQuietly();
            throw new Failure(mechanism.equals("PLAIN") ? "unencrypted connection"
                    : "smtp: refusing to send LOGIN credentials over an unencrypted connection");
        }
        if (mechanism.equals("PLAIN")) {
            initial = ("\0" + user + "\0" + pass).getBytes(StandardCharsets.UTF_8);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        Reply r = command(0, ("AUTH " + mechanism + " " + b64.encodeToString(initial)).strip());
        while (true) {
            byte[] answer;
            try {
                byte[] challenge = switch (r.code()) {
                    case 334 -> decodeChallenge(r.message());
                    case 235 -> r.message().getBytes(StandardCharsets.UTF_8);
                    default -> throw new Failure(errorText(r.code(), r.message()));
                };
                answer = answer(mechanism, challenge, r.code() == 334, user, pass);
            } catch (Failure f) {
                try {
                    command(501, "*");
                } catch (Failure ignored) {
                    // aborting anyway
                }
                quitQuietly();
                throw f;
            }
            if (answer == null) {
                return;
            }
            r = command(0, b64.encodeToString(answer));
        }
    }

    private static byte[] answer(String mechanism, byte[] challenge, boolean more, String user, String pass)
            throws Failure {
        switch (mechanism) {
            case "PLAIN" -> {
                if (more) {
                    throw new Failure("unexpected server challenge");
                }
                return null;
            }
            case "LOGIN" -> {
                if (!more) {
                    return null;
                }
                String prompt = new String(challenge, StandardCharsets.UTF_8).replaceFirst("[: ]+$", "")
                        .toLowerCase(Locale.ROOT);
                if (prompt.equals("username")) {
                    return user.getBytes(StandardCharsets.UTF_8);
                }
                if (prompt.equals("password")) {
                    return pass.getBytes(StandardCharsets.UTF_8);
                }
                throw new Failure("smtp: unexpected LOGIN challenge "
                        + duso.lang.lexer.GoQuote.quote(new String(challenge, StandardCharsets.UTF_8)));
            }
            default -> {
                if (!more) {
                    return null;
                }
                try {
                    Mac mac = Mac.getInstance("HmacMD5");
                    mac.init(new SecretKeySpec(pass.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
                    String digest = HexFormat.of().formatHex(mac.doFinal(challenge));
                    return (user + " " + digest).getBytes(StandardCharsets.UTF_8);
                } catch (java.security.GeneralSecurityException e) {
                    throw new Failure(e.getMessage());
                }
            }
        }
    }

    private static byte[] decodeChallenge(String text) throws Failure {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new Failure("illegal base64 data at input byte 0");
        }
    }

    private static boolean isLocalhost(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    /** MAIL FROM, RCPT TO for each recipient, then the message through DATA. */
    void send(String from, Iterable<String> recipients, byte[] message) throws Failure {
        hello();
        StringBuilder mail = new StringBuilder("MAIL FROM:<").append(from).append('>');
        if (extensions != null) {
            if (extensions.containsKey("8BITMIME")) {
                mail.append(" BODY=8BITMIME");
            }
            if (extensions.containsKey("SMTPUTF8")) {
                mail.append(" SMTPUTF8");
            }
        }
        command(250, mail.toString());
        for (String rcpt : recipients) {
            command(25, "RCPT TO:<" + rcpt + ">");
        }
        command(354, "DATA");
        write(dotStuffed(message));
        readReply(250);
    }

    /** QUIT, waiting for the relay to confirm it queued the message. */
    void quit() throws Failure {
        hello();
        command(221, "QUIT");
    }

    private void quitQuietly() {
        try {
            quit();
        } catch (Failure ignored) {
            // best effort before giving up
        }
    }

    @Override
    public void close() {
        ctl.detach();
        CallControl.closeQuietly(socket);
    }

    // ---- wire ----------------------------------------------------------------------------

    private Reply command(int expect, String line) throws Failure {
        write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        return readReply(expect);
    }

    private void write(byte[] bytes) throws Failure {
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            ctl.checkInterrupt();
            throw new Failure(NetErrors.write(local(), remote(), e));
        }
    }

    /**
     * One reply, single or multi-line, as textproto.ReadResponse reads it: the code must be
     * {@code expect} (a one- or two-digit expect matches a code class; 0 accepts any), and a
     * mismatching multi-line reply reports all of its lines.
     */
    private Reply readReply(int expect) throws Failure {
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
                throw new Failure(errorText(code, message.toString()));
            }
            throw new Failure(first.error);
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
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream(message.length + message.length / 64 + 8);
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

    private static String errorText(int code, String message) {
        return String.format("%03d %s", code, message);
    }

    /** One line without its CRLF (or bare LF); {@code EOF} when the server hung up first. */
    private String readLine() throws Failure {
        java.io.ByteArrayOutputStream line = null;
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
                    line = new java.io.ByteArrayOutputStream();
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
                throw new Failure("EOF");
            }
        }
    }

    private int fill() throws Failure {
        try {
            socket.setSoTimeout(readTimeout());
            int n = in.read(buf, 0, buf.length);
            pos = 0;
            lim = Math.max(n, 0);
            return n;
        } catch (SocketTimeoutException e) {
            ctl.checkInterrupt();
            throw new Failure("read tcp " + NetErrors.address(local()) + "->" + NetErrors.address(remote())
                    + ": i/o timeout");
        } catch (IOException e) {
            ctl.checkInterrupt();
            throw new Failure(readError(e));
        }
    }

    /** What is left of the whole send for one blocking read, in milliseconds (at least 1). */
    private int readTimeout() throws Failure {
        long left = ctl.remainingNanos();
        if (left <= 0) {
            throw new Failure("read tcp " + NetErrors.address(local()) + "->" + NetErrors.address(remote())
                    + ": i/o timeout");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
    }

    private String readError(IOException e) {
        return NetErrors.read(local(), remote(), e);
    }

    private SocketAddress local() {
        return socket.getLocalSocketAddress();
    }

    private SocketAddress remote() {
        return socket.getRemoteSocketAddress();
    }
}

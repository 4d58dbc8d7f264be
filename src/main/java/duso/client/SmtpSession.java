package duso.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
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

    private final String host;
    private final CallControl ctl;
    private final SmtpWire wire;
    private boolean tls;
    private boolean didHello;
    private SmtpFailure helloError;
    /** EHLO keywords and their parameters; null when the server only answered HELO. */
    private Map<String, String> extensions;

    private SmtpSession(String host, Socket socket, CallControl ctl) throws IOException {
        this.host = host;
        this.ctl = ctl;
        this.wire = new SmtpWire(socket, ctl);
    }

    /** Connects, negotiating TLS at once when {@code implicitTls}, and reads the greeting. */
    static SmtpSession open(String host, long port, boolean implicitTls, MailTls tlsSettings, CallControl ctl)
            throws SmtpFailure {
        SmtpSession session;
        try {
            session = new SmtpSession(host, dial(host, port, ctl), ctl);
        } catch (IOException e) {
            throw new SmtpFailure(e.getMessage());
        }
        try {
            if (implicitTls) {
                session.upgrade(tlsSettings, (int) port);
            }
            session.wire.readReply(220);
            return session;
        } catch (SmtpFailure | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static Socket dial(String host, long port, CallControl ctl) throws SmtpFailure {
        if (port < 0 || port > 0xFFFF) {
            throw new SmtpFailure("dial tcp: address " + port + ": invalid port");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            ctl.checkInterrupt();
            throw new SmtpFailure(NetErrors.lookup(host));
        }
        SmtpFailure first = null;
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
                SmtpFailure f = new SmtpFailure(NetErrors.dial(target, e));
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
        throw first != null ? first : new SmtpFailure(NetErrors.lookup(host));
    }

    /** Wraps the connection in TLS and completes the handshake. */
    private void upgrade(MailTls settings, int port) throws SmtpFailure {
        try {
            SSLSocket s = (SSLSocket) settings.context().getSocketFactory().createSocket(wire.socket(), host, port, true);
            if (!settings.insecure()) {
                SSLParameters params = s.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                s.setSSLParameters(params);
            }
            s.setSoTimeout(wire.readTimeout());
            wire.use(s);
            s.startHandshake();
            tls = true;
        } catch (SSLHandshakeException e) {
            ctl.checkInterrupt();
            if (ctl.expired()) {
                throw new SmtpFailure(wire.readTimedOut());
            }
            throw new SmtpFailure(JdkTransport.TlsErrors.describe(e, host));
        } catch (SSLException e) {
            ctl.checkInterrupt();
            String m = String.valueOf(e.getMessage());
            throw new SmtpFailure(m.contains("Unsupported or unrecognized SSL message")
                    ? "tls: first record does not look like a TLS handshake" : wire.readError(e));
        } catch (IOException e) {
            ctl.checkInterrupt();
            throw new SmtpFailure(e instanceof SocketTimeoutException || ctl.expired() ? wire.readTimedOut() : wire.readError(e));
        }
    }

    // ---- the conversation ----------------------------------------------------------------

    /** EHLO once, falling back to HELO; a failure of both is remembered and raised by every later step. */
    private void hello() throws SmtpFailure {
        if (!didHello) {
            didHello = true;
            try {
                ehlo();
            } catch (SmtpFailure refused) {
                extensions = null;
                try {
                    wire.command(250, "HELO " + LOCAL_NAME);
                } catch (SmtpFailure f) {
                    helloError = f;
                }
            }
        }
        if (helloError != null) {
            throw helloError;
        }
    }

    private void ehlo() throws SmtpFailure {
        SmtpWire.Reply r = wire.command(250, "EHLO " + LOCAL_NAME);
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
        } catch (SmtpFailure f) {
            return null;
        }
        return extensions == null ? null : extensions.get(name.toUpperCase(Locale.ROOT));
    }

    void startTls(MailTls settings, int port) throws SmtpFailure {
        hello();
        wire.command(220, "STARTTLS");
        upgrade(settings, port);
        ehlo();
    }

    /** AUTH with the first of PLAIN, LOGIN and CRAM-MD5 the server offers. */
    void authenticate(String user, String pass) throws SmtpFailure {
        String offered = extension("AUTH");
        if (offered == null) {
            throw new SmtpFailure("server does not support authentication");
        }
        String upper = offered.toUpperCase(Locale.ROOT);
        String mechanism = upper.contains("PLAIN") ? "PLAIN" : upper.contains("LOGIN") ? "LOGIN"
                : upper.contains("CRAM-MD5") ? "CRAM-MD5" : null;
        if (mechanism == null) {
            throw new SmtpFailure("no supported auth mechanism (server offers: " + offered + ")");
        }
        hello();
        byte[] initial = new byte[0];
        if (!mechanism.equals("CRAM-MD5") && !tls && !isLocalhost(host)) {
            quitQuietly();
            throw new SmtpFailure(mechanism.equals("PLAIN") ? "unencrypted connection"
                    : "smtp: refusing to send LOGIN credentials over an unencrypted connection");
        }
        if (mechanism.equals("PLAIN")) {
            initial = ("\0" + user + "\0" + pass).getBytes(StandardCharsets.UTF_8);
        }
        Base64.Encoder b64 = Base64.getEncoder();
        SmtpWire.Reply r = wire.command(0, ("AUTH " + mechanism + " " + b64.encodeToString(initial)).strip());
        while (true) {
            byte[] answer;
            try {
                byte[] challenge = switch (r.code()) {
                    case 334 -> decodeChallenge(r.message());
                    case 235 -> r.message().getBytes(StandardCharsets.UTF_8);
                    default -> throw new SmtpFailure(SmtpWire.errorText(r.code(), r.message()));
                };
                answer = answer(mechanism, challenge, r.code() == 334, user, pass);
            } catch (SmtpFailure f) {
                try {
                    wire.command(501, "*");
                } catch (SmtpFailure ignored) {
                    // aborting anyway
                }
                quitQuietly();
                throw f;
            }
            if (answer == null) {
                return;
            }
            r = wire.command(0, b64.encodeToString(answer));
        }
    }

    private static byte[] answer(String mechanism, byte[] challenge, boolean more, String user, String pass)
            throws SmtpFailure {
        switch (mechanism) {
            case "PLAIN" -> {
                if (more) {
                    throw new SmtpFailure("unexpected server challenge");
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
                throw new SmtpFailure("smtp: unexpected LOGIN challenge "
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
                    throw new SmtpFailure(e.getMessage());
                }
            }
        }
    }

    private static byte[] decodeChallenge(String text) throws SmtpFailure {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new SmtpFailure("illegal base64 data at input byte 0");
        }
    }

    private static boolean isLocalhost(String name) {
        return name.equals("localhost") || name.equals("127.0.0.1") || name.equals("::1");
    }

    /** MAIL FROM, RCPT TO for each recipient, then the message through DATA. */
    void send(String from, Iterable<String> recipients, byte[] message) throws SmtpFailure {
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
        wire.command(250, mail.toString());
        for (String rcpt : recipients) {
            wire.command(25, "RCPT TO:<" + rcpt + ">");
        }
        wire.command(354, "DATA");
        wire.write(SmtpWire.dotStuffed(message));
        wire.readReply(250);
    }

    /** QUIT, waiting for the relay to confirm it queued the message. */
    void quit() throws SmtpFailure {
        hello();
        wire.command(221, "QUIT");
    }

    private void quitQuietly() {
        try {
            quit();
        } catch (SmtpFailure ignored) {
            // best effort before giving up
        }
    }

    @Override
    public void close() {
        wire.close();
    }

}

package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * send_mail() against a real SMTP peer on 127.0.0.1 ({@link SmtpTestServer}): the exact
 * commands and message the relay receives for a plain send, STARTTLS and implicit TLS with a
 * certificate made for the test, each AUTH mechanism, and the errors a relay's refusals, an
 * untrusted certificate and a silent server turn into.
 */
class MailIT {
    @TempDir
    static Path dir;
    static SSLContext serverTls;

    static final Pattern DATE = Pattern.compile(
            "\r\nDate: [A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}\r\n");
    static final Pattern MESSAGE_ID = Pattern.compile("\r\nMessage-ID: (<[0-9a-f]{32}@example\\.com>)\r\n");
    static final Pattern BOUNDARY = Pattern.compile("boundary=\"([0-9a-f]{60})\"");

    @BeforeAll
    static void certificate() throws Exception {
        serverTls = LoopbackCertificate.create(dir).server();
    }

    /** A send_mail call to the server with the given extra options, printing ok and message_id. */
    static String send(SmtpTestServer server, String options) {
        return "r = send_mail({host = \"127.0.0.1\", port = " + server.port() + ", from = \"app@example.com\", "
                + options + "})\nprint(r.ok)\nprint(r.message_id)";
    }

    /** The message with its Date, Message-ID and boundary replaced by fixed markers. */
    static String normalized(String message, String printedId) {
        Matcher id = MESSAGE_ID.matcher(message);
        assertTrue(id.find(), message);
        assertEquals(printedId, id.group(1), "message_id is the header's value");
        assertTrue(DATE.matcher(message).find(), message);
        String out = DATE.matcher(message).replaceFirst("\r\nDate: DATE\r\n");
        out = MESSAGE_ID.matcher(out).replaceFirst("\r\nMessage-ID: ID\r\n");
        Matcher b = BOUNDARY.matcher(out);
        return b.find() ? out.replace(b.group(1), "BOUNDARY") : out;
    }

    @Test
    void plainSendIsReceivedExactlyWithDotStuffingAndWithoutBcc() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(null, false, "8BITMIME", "SIZE 10485760")) {
            String out = ScriptRun.eval(send(server, """
                    from = "App <app@example.com>", tls = "none",
                    to = ["a@example.com", " Bob <b@example.com> ", ""], cc = "c@example.com",
                    bcc = "hidden@example.com", subject = "Deploy finished",
                    text = "Line one\\n.hidden dot\\n..two dots\\n.\\nend",
                    headers = {["Reply-To"] = "support@example.com", ["X-Evil"] = "a\\r\\nBcc: x@y.z",
                               Bcc = "leak@example.com", ["content-type"] = "text/evil", ["Bad Name"] = "x"}
                    """)).ok();
            String[] printed = out.split("\n");
            assertEquals("true", printed[0]);
            SmtpTestServer.Session s = server.next();
            assertEquals(List.of("EHLO localhost", "MAIL FROM:<app@example.com> BODY=8BITMIME",
                    "RCPT TO:<a@example.com>", "RCPT TO:<b@example.com>", "RCPT TO:<c@example.com>",
                    "RCPT TO:<hidden@example.com>", "DATA", "QUIT"), s.commands());
            assertEquals("""
                    From: "App" <app@example.com>\r
                    To: a@example.com, "Bob" <b@example.com>\r
                    Cc: c@example.com\r
                    Subject: Deploy finished\r
                    Date: DATE\r
                    Message-ID: ID\r
                    Reply-To: support@example.com\r
                    X-Evil: a  Bcc: x@y.z\r
                    MIME-Version: 1.0\r
                    Content-Type: text/plain; charset=utf-8\r
                    Content-Transfer-Encoding: quoted-printable\r
                    \r
                    Line one\r
                    .hidden dot\r
                    ..two dots\r
                    .\r
                    end\r
                    """, normalized(s.message(), printed[1]));
            assertTrue(s.wireData().endsWith("\r\n..hidden dot\r\n...two dots\r\n..\r\nend\r\n"), s.wireData());
        }
    }

    @Test
    void startTlsThenAuthPlainWithEncodedSubjectAndAlternativeBodies() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(serverTls, false, "AUTH PLAIN LOGIN")) {
            String out = ScriptRun.eval(send(server, """
                    insecure = true, user = "apikey", pass = "s3cret", to = "you@example.com",
                    subject = "Café — résumé", text = "Prix: 5 €\\nMerci",
                    html = "<p class=\\"x\\">Prix: 5 €</p>"
                    """)).ok();
            SmtpTestServer.Session s = server.next();
            assertTrue(s.tls(), "the session was upgraded");
            assertEquals(List.of("EHLO localhost", "STARTTLS", "EHLO localhost",
                    "AUTH PLAIN " + SmtpTestServer.b64("\0apikey\0s3cret"), "MAIL FROM:<app@example.com>",
                    "RCPT TO:<you@example.com>", "DATA", "QUIT"), s.commands());
            assertEquals("""
                    From: app@example.com\r
                    To: you@example.com\r
                    Subject: =?utf-8?q?Caf=C3=A9_=E2=80=94_r=C3=A9sum=C3=A9?=\r
                    Date: DATE\r
                    Message-ID: ID\r
                    MIME-Version: 1.0\r
                    Content-Type: multipart/alternative; boundary="BOUNDARY"\r
                    \r
                    --BOUNDARY\r
                    Content-Transfer-Encoding: quoted-printable\r
                    Content-Type: text/plain; charset=utf-8\r
                    \r
                    Prix: 5 =E2=82=AC\r
                    Merci\r
                    --BOUNDARY\r
                    Content-Transfer-Encoding: quoted-printable\r
                    Content-Type: text/html; charset=utf-8\r
                    \r
                    <p class=3D"x">Prix: 5 =E2=82=AC</p>\r
                    --BOUNDARY--\r
                    """, normalized(s.message(), out.split("\n")[1]));
        }
    }

    @Test
    void implicitTlsWithAuthLoginAndHtmlOnlyBody() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(serverTls, true, "AUTH LOGIN")) {
            ScriptRun.eval(send(server, """
                    tls = "implicit", insecure = true, user = "u@example.com", pass = "pw",
                    to = "Zoë Çelik <z@example.com>", html = "<b>hi</b>"
                    """)).ok();
            SmtpTestServer.Session s = server.next();
            assertTrue(s.tls());
            assertEquals(List.of("EHLO localhost", "AUTH LOGIN", SmtpTestServer.b64("u@example.com"),
                    SmtpTestServer.b64("pw"), "MAIL FROM:<app@example.com>", "RCPT TO:<z@example.com>", "DATA",
                    "QUIT"), s.commands());
            String m = s.message();
            assertTrue(m.contains("\r\nTo: =?utf-8?q?Zo=C3=AB_=C3=87elik?= <z@example.com>\r\n"), m);
            assertTrue(m.endsWith("Content-Type: text/html; charset=utf-8\r\n"
                    + "Content-Transfer-Encoding: quoted-printable\r\n\r\n<b>hi</b>\r\n"), m);
        }
    }

    @Test
    void cramMd5AnswersTheChallenge() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(null, false, "AUTH CRAM-MD5")) {
            ScriptRun.eval(send(server, "tls = \"none\", user = \"tim\", pass = \"tanstaaftanstaaf\", "
                    + "to = \"you@example.com\", text = \"hi\"")).ok();
            Mac mac = Mac.getInstance("HmacMD5");
            mac.init(new SecretKeySpec("tanstaaftanstaaf".getBytes(StandardCharsets.UTF_8), "HmacMD5"));
            String digest = HexFormat.of().formatHex(mac.doFinal(
                    "<1896.697170952@test.local>".getBytes(StandardCharsets.UTF_8)));
            List<String> commands = server.next().commands();
            assertEquals("AUTH CRAM-MD5", commands.get(1));
            assertEquals(SmtpTestServer.b64("tim " + digest), commands.get(2));
        }
    }

    @Test
    void autoModeStaysPlainWhenTheRelayOffersNoStartTls() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(null, false)) {
            ScriptRun.eval(send(server, "to = \"you@example.com\", text = \"hi\"")).ok();
            SmtpTestServer.Session s = server.next();
            assertEquals("MAIL FROM:<app@example.com>", s.commands().get(1));
            assertTrue(!s.tls());
        }
    }

    @Test
    void anUntrustedCertificateFailsTheSend() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(serverTls, false)) {
            ScriptRun r = ScriptRun.eval("try\n" + send(server, "to = \"you@example.com\", text = \"hi\"")
                    + "\ncatch (e)\nprint(e.message)\nend");
            assertEquals("send_mail() failed: tls: failed to verify certificate: x509: certificate signed by "
                    + "unknown authority\n", r.ok());
        }
    }

    @Test
    void relayRefusalsBecomeErrors() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(null, false, "AUTH PLAIN")) {
            server.overrides.put("RCPT TO:<NOBODY", "550 5.1.1 no such user");
            assertEquals("send_mail() failed: 550 5.1.1 no such user\n", failure(server,
                    "tls = \"none\", to = [\"you@example.com\", \"nobody@example.com\"], text = \"hi\""));
            server.next();

            server.overrides.put("AUTH PLAIN", "535 5.7.8 authentication credentials invalid");
            assertEquals("send_mail() failed: 535 5.7.8 authentication credentials invalid\n", failure(server,
                    "tls = \"none\", user = \"u\", pass = \"wrong\", to = \"you@example.com\", text = \"hi\""));
            List<String> commands = server.next().commands();
            assertEquals(List.of("*", "QUIT"), commands.subList(commands.size() - 2, commands.size()),
                    "the failed AUTH is aborted, then the session quit");

            server.overrides.put("MAIL FROM", "451-4.3.0 try again\r\n451 4.3.0 later");
            assertEquals("send_mail() failed: 451 4.3.0 try again\n4.3.0 later\n", failure(server,
                    "tls = \"none\", to = \"you@example.com\", text = \"hi\""));
        }
    }

    @Test
    void authWithoutServerSupportFails() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(null, false)) {
            assertEquals("send_mail() failed: server does not support authentication\n", failure(server,
                    "tls = \"none\", user = \"u\", pass = \"p\", to = \"you@example.com\", text = \"hi\""));
        }
    }

    @Test
    void aSilentRelayTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    s.getInputStream().read();
                } catch (Exception e) {
                    // the client gave up
                }
            });
            long start = System.nanoTime();
            ScriptRun r = ScriptRun.eval("try send_mail({host = \"127.0.0.1\", port = " + silent.getLocalPort()
                    + ", timeout = 0.5, from = \"a@example.com\", to = \"b@example.com\", text = \"x\"}) "
                    + "catch (e) print(e.message) end");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(r.ok().matches("send_mail\\(\\) failed: read tcp 127\\.0\\.0\\.1:\\d+->127\\.0\\.0\\.1:"
                    + silent.getLocalPort() + ": i/o timeout\n"), r.out());
            assertTrue(millis < 5000, "took " + millis + " ms");
            acceptor.join(5000);
        }
    }

    @Test
    void killingTheSenderClosesTheConnectionAtOnce() throws Exception {
        Path accepted = dir.resolve("accepted");
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CountDownLatch hungUp = new java.util.concurrent.CountDownLatch(1);
            Thread.ofVirtual().start(() -> {
                try (Socket s = silent.accept()) {
                    java.nio.file.Files.writeString(accepted, "yes");
                    if (s.getInputStream().read() < 0) {
                        hungUp.countDown();
                    }
                } catch (Exception e) {
                    // not a hang-up
                }
            });
            String sender = "send_mail({host = \\\"127.0.0.1\\\", port = " + silent.getLocalPort()
                    + ", from = \\\"a@example.com\\\", to = \\\"b@example.com\\\", text = \\\"x\\\"})";
            long start = System.nanoTime();
            ScriptRun r = ScriptRun.eval("pid = spawn(parse(\"" + sender + "\"))\n"
                    + "while not file_exists(\"" + accepted + "\") do sleep(0.05) end\n"
                    + "sleep(0.2)\nkill(pid)\nprint(\"killed\")");
            assertEquals("killed\n", r.ok());
            assertTrue(hungUp.await(5, java.util.concurrent.TimeUnit.SECONDS), "the relay saw the client hang up");
            assertTrue(System.nanoTime() - start < 20_000_000_000L, "long before the 30 s timeout");
        }
    }

    @Test
    void parallelSendsEachUseTheirOwnConnection() throws Exception {
        try (SmtpTestServer server = new SmtpTestServer(null, false)) {
            String code = "function mail(n)\n  return function()\n    return send_mail({host = \"127.0.0.1\", port = "
                    + server.port() + ", from = \"a@example.com\", to = \"b@example.com\", text = \"message \" + n})"
                    + ".ok\n  end\nend\nprint(parallel(mail(1), mail(2), mail(3)))";
            assertEquals("[true, true, true]\n", ScriptRun.eval(code).ok());
            java.util.Set<String> bodies = new java.util.TreeSet<>();
            for (int i = 0; i < 3; i++) {
                String m = server.next().message();
                bodies.add(m.substring(m.lastIndexOf("\r\n\r\n") + 4));
            }
            assertEquals(java.util.Set.of("message 1\r\n", "message 2\r\n", "message 3\r\n"), bodies);
        }
    }

    private static String failure(SmtpTestServer server, String options) {
        return ScriptRun.eval("try\n" + send(server, options) + "\ncatch (e)\nprint(e.message)\nend").ok();
    }
}

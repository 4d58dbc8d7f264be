package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import duso.lang.values.DusoObject;
import org.junit.jupiter.api.Test;

/**
 * fetch() from scripts against loopback servers: what it sends, how it reads every framing,
 * status and header shapes, gzip, and Go's error texts.
 */
class FetchTest {
    static String http(int status, String headers, String body) {
        return "HTTP/1.1 " + status + " X\r\n" + headers + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\r\n\r\n" + body;
    }

    static RawServer.Reply reply(int status, String headers, String body) {
        return new RawServer.Reply(http(status, headers, body).getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void statusAndOkForEachClass() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> {
            int status = Integer.parseInt(head.substring(5, 8));
            return reply(status, "", "s" + status);
        })) {
            String out = ScriptRun.eval("""
                    for code in [200, 201, 304, 300, 404, 500, 503] do
                      r = fetch("%s" + code)
                      print(r.status, r.ok, r.body, r.proto)
                    end
                    """.formatted(s.url("/"))).ok();
            assertEquals("""
                    200 true s200 HTTP/1.1
                    201 true s201 HTTP/1.1
                    304 true  HTTP/1.1
                    300 true s300 HTTP/1.1
                    404 false s404 HTTP/1.1
                    500 false s500 HTTP/1.1
                    503 false s503 HTTP/1.1
                    """, out);
        }
    }

    @Test
    void requestIsWrittenAsGoWritesIt() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> reply(200, "", "ok"))) {
            ScriptRun.eval("""
                    fetch("%s", {method = "POST", headers = {["x-test"] = 5, ["content-type"] = "text/plain", Flag = true}, body = "hi"})
                    fetch("%s")
                    fetch("%s", {method = "PUT"})
                    fetch("%s", {method = "DELETE", headers = {["User-Agent"] = "mine", ["Accept-Encoding"] = "identity"}})
                    """.formatted(s.url("/echo?q=1"), s.url(""), s.url("/p"), s.url("/d"))).ok();
            String host = "Host: 127.0.0.1:" + s.port() + "\r\n";
            assertEquals("POST /echo?q=1 HTTP/1.1\r\n" + host + "User-Agent: Go-http-client/1.1\r\nContent-Length: 2\r\n"
                    + "Content-Type: text/plain\r\nFlag: true\r\nX-Test: 5\r\nAccept-Encoding: gzip\r\n\r\nhi", s.heads.get(0));
            assertEquals("GET / HTTP/1.1\r\n" + host + "User-Agent: Go-http-client/1.1\r\nAccept-Encoding: gzip\r\n\r\n",
                    s.heads.get(1));
            assertEquals("PUT /p HTTP/1.1\r\n" + host + "User-Agent: Go-http-client/1.1\r\nContent-Length: 0\r\n"
                    + "Accept-Encoding: gzip\r\n\r\n", s.heads.get(2));
            assertEquals("DELETE /d HTTP/1.1\r\n" + host + "User-Agent: mine\r\nAccept-Encoding: identity\r\n\r\n",
                    s.heads.get(3));
        }
    }

    /** Deliberate: Go writes a space in the query as is, which breaks the request line. */
    @Test
    void aSpaceInTheQueryIsEscaped() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> reply(200, "", "q"))) {
            ScriptRun.eval("fetch(\"" + s.url("/q?a b") + "\")").ok();
            assertTrue(s.heads.get(0).startsWith("GET /q?a%20b HTTP/1.1\r\n"), s.heads.get(0));
        }
    }

    @Test
    void repeatedHeadersBecomeArraysUnderCanonicalNames() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> reply(200,
                "set-cookie: a=1\r\nSet-Cookie: b=2\r\nx-one:   spaced  \r\nX-Folded: first\r\n  second\r\n", "m"))) {
            String out = ScriptRun.eval("""
                    r = fetch("%s")
                    print(r.headers["Set-Cookie"])
                    print(r.headers["X-One"] + "|")
                    print(r.headers["X-Folded"])
                    print(r.headers["Content-Length"])
                    """.formatted(s.url("/"))).ok();
            assertEquals("[\"a=1\", \"b=2\"]\nspaced|\nfirst second\n1\n", out);
        }
    }

    @Test
    void redirectsAreFollowedWithGoRules() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> {
            String path = head.substring(head.indexOf(' ') + 1, head.indexOf(" HTTP/"));
            return switch (path) {
                case "/a" -> reply(301, "Location: /b\r\n", "moved");
                case "/b" -> reply(302, "Location: c?x=1\r\n", "");
                case "/see" -> reply(303, "Location: /c\r\n", "");
                case "/temp" -> reply(307, "Location: /c\r\n", "");
                default -> reply(200, "", head.substring(0, head.indexOf(' ')) + " " + path);
            };
        })) {
            String out = ScriptRun.eval("""
                    print(fetch("%1$s/a").body)
                    print(fetch("%1$s/see", {method = "POST", body = "data"}).body)
                    print(fetch("%1$s/temp", {method = "POST", body = "data"}).body)
                    """.formatted(s.url(""))).ok();
            assertEquals("GET /c?x=1\nGET /c\nPOST /c\n", out);
            String viaB = s.heads.get(2);
            assertTrue(viaB.contains("Referer: " + s.url("/b") + "\r\n"), viaB);
            assertTrue(s.heads.get(4).startsWith("GET /c HTTP/1.1") && s.heads.get(4).endsWith("\r\n\r\n"), s.heads.get(4));
            assertTrue(s.heads.get(6).startsWith("POST /c HTTP/1.1") && s.heads.get(6).endsWith("data"), s.heads.get(6));
        }
    }

    @Test
    void tenRedirectsAreTooMany() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> {
            int n = Integer.parseInt(head.substring(head.indexOf("/r") + 2, head.indexOf(" HTTP/")));
            return n == 0 ? reply(200, "", "done") : reply(302, "Location: /r" + (n - 1) + "\r\n", "");
        })) {
            assertEquals("done\n", ScriptRun.eval("print(fetch(\"" + s.url("/r9") + "\").body)").ok());
            ScriptRun r = ScriptRun.eval("fetch(\"" + s.url("/r10") + "\")");
            assertEquals("Error: <inline>:1:6: fetch() failed: Get \"/r0\": stopped after 10 redirects\n", r.err());
        }
    }

    @Test
    void gzipIsDecodedOnlyWhenTheClientAskedForIt() throws IOException {
        byte[] gz = gzip("hello gzip ".repeat(200));
        try (RawServer s = new RawServer((head, sock) -> {
            String h = "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + gz.length + "\r\n\r\n";
            byte[] all = new byte[h.length() + gz.length];
            System.arraycopy(h.getBytes(StandardCharsets.ISO_8859_1), 0, all, 0, h.length());
            System.arraycopy(gz, 0, all, h.length(), gz.length);
            return new RawServer.Reply(all, false);
        })) {
            String out = ScriptRun.eval("""
                    r = fetch("%1$s")
                    print(len(r.body), r.body == "%3$s", r.headers["Content-Encoding"], r.headers["Content-Length"])
                    plain = fetch("%1$s", {headers = {["Accept-Encoding"] = "gzip"}})
                    print(plain.headers["Content-Encoding"], plain.headers["Content-Length"] == "%2$d")
                    """.formatted(s.url("/"), gz.length, "hello gzip ".repeat(200))).ok();
            assertEquals("2200 true nil nil\ngzip true\n", out);
        }
    }

    @Test
    void chunkedAndUntilCloseBodiesAreRead() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> head.startsWith("GET /old")
                ? RawServer.Reply.of("HTTP/1.0 200 OK\r\nX-A: 1\r\n\r\nold body", true)
                : RawServer.Reply.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "5;ext=1\r\nhello\r\n1\r\n \r\n6\r\nworld!\r\n0\r\nTrailer-X: t\r\n\r\n", false))) {
            String out = ScriptRun.eval("""
                    c = fetch("%1$s/chunked")
                    print(c.body, c.headers["Transfer-Encoding"], c.headers["Trailer-X"])
                    o = fetch("%1$s/old")
                    print(o.body, o.proto)
                    """.formatted(s.url(""))).ok();
            assertEquals("hello world! nil nil\nold body HTTP/1.0\n", out);
        }
    }

    @Test
    void largeBodiesArriveWhole() throws IOException {
        String big = "0123456789".repeat(500_000);
        try (RawServer s = new RawServer((head, sock) -> head.startsWith("GET /chunked")
                ? RawServer.Reply.of("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n"
                        + Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n", false)
                : reply(200, "", big))) {
            String out = ScriptRun.eval("""
                    print(len(fetch("%1$s/plain").body), len(fetch("%1$s/chunked").body))
                    """.formatted(s.url(""))).ok();
            assertEquals("5000000 10000000\n", out);
        }
    }

    @Test
    void largeRequestBodiesAreSentWhole() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> reply(200, "", "got"))) {
            String out = ScriptRun.eval("""
                    print(fetch("%s", {method = "POST", body = repeat("abcdefghij", 100000)}).body)
                    """.formatted(s.url("/up"))).ok();
            assertEquals("got\n", out);
            String request = s.heads.get(0);
            assertTrue(request.contains("Content-Length: 1000000\r\n"), request.substring(0, 200));
            assertTrue(request.endsWith("\r\n\r\n" + "abcdefghij".repeat(100000)));
        }
    }

    @Test
    void keepAliveConnectionsAreReused() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> reply(200, "", "k"))) {
            ScriptRun.eval("""
                    for i = 1, 5 do
                      fetch("%s")
                    end
                    fetch("%s", {method = "POST", body = "x"})
                    """.formatted(s.url("/"), s.url("/"))).ok();
            assertEquals(6, s.heads.size());
            assertEquals(1, s.clientPorts.size(), "connections: " + s.clientPorts);
        }
    }

    @Test
    void connectionsTheServerClosedAreNotReused() throws Exception {
        try (RawServer s = new RawServer((head, sock) -> new RawServer.Reply(http(200, "", "c").getBytes(StandardCharsets.UTF_8), true));
                ClientFixture client = new ClientFixture()) {
            assertEquals("c", client.fetch(s.url("/")).get("body"));
            Thread.sleep(100);
            DusoObject post = client.fetch(client.interp(), s.url("/"), ClientFixture.options("method", "POST", "body", "once"));
            assertEquals("c", post.get("body"));
            assertEquals("c", client.fetch(s.url("/")).get("body"));
            assertEquals(3, s.heads.size());
            assertEquals(3, s.clientPorts.size());
        }
    }

    @Test
    void interimResponsesAndHeadBodiesAreSkipped() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> head.startsWith("HEAD")
                ? RawServer.Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n", false)
                : RawServer.Reply.of("HTTP/1.1 100 Continue\r\n\r\n" + http(200, "", "after"), false))) {
            String out = ScriptRun.eval("""
                    print(fetch("%1$s").body)
                    h = fetch("%1$s", {method = "HEAD"})
                    print(h.status, "[" + h.body + "]", h.headers["Content-Length"])
                    print(fetch("%1$s").body)
                    """.formatted(s.url("/"))).ok();
            assertEquals("after\n200 [] 50\nafter\n", out);
        }
    }

    @Test
    void transportFailuresUseGoWording() throws IOException {
        int closedPort;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = ss.getLocalPort();
        }
        ScriptRun refused = ScriptRun.eval("fetch(\"http://127.0.0.1:" + closedPort + "/x\")");
        assertEquals("Error: <inline>:1:6: fetch() failed: Get \"http://127.0.0.1:" + closedPort
                + "/x\": dial tcp 127.0.0.1:" + closedPort + ": connect: connection refused\n", refused.err());
        try (RawServer s = new RawServer((head, sock) -> head.startsWith("GET /garbage")
                ? RawServer.Reply.of("garbage\r\n\r\n", true)
                : head.startsWith("GET /short") ? RawServer.Reply.of("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", true)
                : null)) {
            assertEquals("Error: <inline>:1:6: fetch() failed: Get \"" + s.url("/garbage")
                    + "\": malformed HTTP response \"garbage\"\n", ScriptRun.eval("fetch(\"" + s.url("/garbage") + "\")").err());
            assertEquals("Error: <inline>:1:6: fetch() failed: Post \"" + s.url("/eof") + "\": EOF\n",
                    ScriptRun.eval("fetch(\"" + s.url("/eof") + "\", {method = \"POST\"})").err());
            assertEquals("Error: <inline>:1:6: fetch() failed to read response: unexpected EOF\n",
                    ScriptRun.eval("fetch(\"" + s.url("/short") + "\")").err());
        }
    }

    @Test
    void requestErrorsAreReportedBeforeSending() {
        assertEquals("Error: <inline>:1:6: fetch() requires a URL\n", ScriptRun.eval("fetch()").err());
        assertEquals("Error: <inline>:1:6: fetch() failed: Get \"ftp://h/x\": unsupported protocol scheme \"ftp\"\n",
                ScriptRun.eval("fetch(\"ftp://h/x\")").err());
        assertEquals("Error: <inline>:1:6: fetch() invalid request: parse \"http://a b/\": invalid character \" \" in host name\n",
                ScriptRun.eval("fetch(\"http://a b/\")").err());
        assertEquals("Error: <inline>:1:6: fetch() invalid request: net/http: invalid method \"GE T\"\n",
                ScriptRun.eval("fetch(\"http://h/\", {method = \"GE T\"})").err());
        assertEquals("Error: <inline>:1:6: fetch() failed: Get \"http:\": http: no Host in request URL\n",
                ScriptRun.eval("fetch(\"http://\")").err());
        assertEquals("Error: <inline>:1:6: fetch() failed: Get \"http://127.0.0.1:1/\": net/http: invalid header field name \"a b\"\n",
                ScriptRun.eval("fetch(\"http://127.0.0.1:1/\", {headers = {[\"a b\"] = 1}})").err());
    }

    @Test
    void urlCredentialsBecomeBasicAuth() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> reply(200, "", "a"))) {
            ScriptRun.eval("fetch(\"http://user:p%40ss@127.0.0.1:" + s.port() + "/\")").ok();
            assertTrue(s.heads.get(0).contains("Authorization: Basic dXNlcjpwQHNz\r\n"), s.heads.get(0));
        }
    }

    /** Deliberate: the reference sends Go's %v of a binary value (&{…}) instead of its bytes. */
    @Test
    void aBinaryBodyIsSentAsItsBytes() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> reply(200, "", "b"));
                ClientFixture client = new ClientFixture()) {
            byte[] data = {'a', 0, (byte) 0xff, 'z'};
            client.fetch(client.interp(), s.url("/up"), ClientFixture.options("method", "PUT",
                    "body", new duso.lang.values.BinaryValue(data)));
            String head = s.heads.get(0);
            assertTrue(head.startsWith("PUT /up HTTP/1.1\r\n") && head.contains("Content-Length: 4\r\n"), head);
        }
    }

    @Test
    void textAndJsonReadTheBody() throws IOException {
        try (RawServer s = new RawServer((head, sock) -> head.startsWith("GET /bad")
                ? reply(200, "", "{\"a\": ")
                : reply(200, "Content-Type: application/json\r\n", "{\"a\": [1, 2], \"b\": \"x\"}"))) {
            String out = ScriptRun.eval("""
                    r = fetch("%1$s/good")
                    print(r.text() == r.body)
                    print(r.json().a[1], r.json().b)
                    try
                      fetch("%1$s/bad").json()
                    catch (e)
                      print(e.message)
                    end
                    """.formatted(s.url(""))).ok();
            assertEquals("true\n2 x\nfailed to parse JSON: unexpected end of input at offset 6\n", out);
        }
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(b)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return b.toByteArray();
    }
}

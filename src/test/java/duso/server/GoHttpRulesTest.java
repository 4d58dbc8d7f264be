package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.runtime.GoHeaderNames;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small Go rules the server reproduces: paths, header names, query and cookie parsing, sniffing, log lines. */
class GoHttpRulesTest {
    @Test
    void pathCleaningAsGo() {
        assertEquals("/a/c", GoPaths.clean("/a/b/../c"));
        assertEquals("/", GoPaths.clean("/../.."));
        assertEquals("../x", GoPaths.clean("a/../../x"));
        assertEquals(".", GoPaths.clean(""));
        assertEquals("a/b", GoPaths.clean("a//b/./"));
        assertEquals("/etc/passwd", GoPaths.cleanRequestPath("//etc/passwd"));
        assertEquals("/a/", GoPaths.cleanRequestPath("/a/b/../"));
        assertEquals("/", GoPaths.cleanRequestPath(""));
        assertEquals("h/x.du", GoPaths.join(".", "h/x.du"));
        assertEquals("x.du", GoPaths.join("app", "../x.du"));
        assertEquals(".", GoPaths.dir("main.du"));
        assertEquals("app/h", GoPaths.dir("app/h/x.du"));
    }

    @Test
    void cleanPathFastCheckAgreesWithCleaning() {
        java.util.Random rnd = new java.util.Random(7);
        String[] parts = {"/", "a", ".", "..", "b.", ".c", "//"};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder p = new StringBuilder(rnd.nextBoolean() ? "/" : "");
            for (int j = rnd.nextInt(6); j > 0; j--) {
                p.append(parts[rnd.nextInt(parts.length)]);
            }
            String path = p.toString();
            assertEquals(GoPaths.cleanRequestPath(path).equals(path), GoPaths.isCleanRequestPath(path), path);
        }
    }

    @Test
    void pathEscapes() {
        assertEquals("/../x", GoPaths.unescapePath("/%2e%2e/x"));
        assertEquals("/a+b c", GoPaths.unescapePath("/a+b%20c"));
        assertNull(GoPaths.unescapePath("/a%zz"));
        assertNull(GoPaths.unescapePath("/a%2"));
        assertEquals("/a%20b/%3F/%C3%A9", GoPaths.escapePath("/a b/?/é"));
    }

    @Test
    void canonicalHeaderNames() {
        assertEquals("Content-Type", GoHeaderNames.canonical("content-type"));
        assertEquals("X-Custom-Thing", GoHeaderNames.canonical("X-CUSTOM-thing"));
        assertEquals("Www-Authenticate", GoHeaderNames.canonical("www-authenticate"));
        assertEquals("bad header", GoHeaderNames.canonical("bad header"));
    }

    @Test
    void queryParsingAsGo() {
        FormValues v = new FormValues().parse("a=1&a=2&b=x+y%21&c&&bad=%zz&semi=1;2&=empty");
        assertEquals("{=\"empty\", a=[\"1\", \"2\"], b=\"x y!\", c=\"\"}", duso.lang.values.Render.syntax(v.toObject()));
        assertTrue(v.malformed());
    }

    @Test
    void cookiesAsGo() {
        FormValues c = Cookies.parse(List.of("a=1; b=\"q\"; c=x=y; bad name=1; d=\\x; e", "a=2"));
        assertEquals("{a=[\"1\", \"2\"], b=\"q\", c=\"x=y\", e=\"\"}", duso.lang.values.Render.syntax(c.toObject()));
    }

    @Test
    void sniffing() {
        assertEquals("text/html; charset=utf-8", sniff("  <!doctype html><p>"));
        assertEquals("text/html; charset=utf-8", sniff("<P>x"));
        assertEquals("text/plain; charset=utf-8", sniff("<Pre>x"));
        assertEquals("text/xml; charset=utf-8", sniff("<?xml version=\"1.0\"?>"));
        assertEquals("application/pdf", sniff("%PDF-1.4"));
        assertEquals("image/png", sniff("\u0089PNG\r\n\u001A\nrest"));
        assertEquals("application/x-gzip", sniff("\u001F\u008B\u0008rest"));
        assertEquals("text/plain; charset=utf-8", sniff("map[a:1]"));
        assertEquals("application/octet-stream", sniff("ab\u0001cd"));
        assertEquals("application/json", MediaTypes.byExtension("a.json"));
        assertEquals("text/plain; charset=utf-8", MediaTypes.forServedFile("README"));
        assertEquals("text/x-duso; charset=utf-8", MediaTypes.forServedFile("x.DU"));
    }

    private static String sniff(String latin1) {
        byte[] b = latin1.getBytes(StandardCharsets.ISO_8859_1);
        return ContentSniffer.detect(b, b.length);
    }

    @Test
    void accessLogLine() {
        ZonedDateTime t = ZonedDateTime.of(2026, 11, 26, 15, 28, 21, 0, ZoneOffset.UTC);
        assertEquals("127.0.0.1 - - [26/Nov/2026 15:28:21 +0000] \"GET /a HTTP/1.1\" 201 2 \"-\" \"curl/7.88.1\"\n",
                AccessLog.line("127.0.0.1", "GET", "/a", "HTTP/1.1", 201, 2, null, "curl/7.88.1", t));
        String long1 = AccessLog.line("::1", "GET", "/" + "x".repeat(5000), "HTTP/1.1", 200, 0, "r", "u", t);
        assertEquals(4097, long1.length());
        assertTrue(long1.contains("...\" 200 0 \"r\" \"u\"\n"), long1);
    }

    @Test
    void ipv6AsGoPrintsIt() throws Exception {
        assertEquals("::1", JettyHandler.ipText(java.net.InetAddress.getByName("::1")));
        assertEquals("2001:db8::1:0:0:1", JettyHandler.ipText(java.net.InetAddress.getByName("2001:db8:0:0:1:0:0:1")));
        assertEquals("fe80::", JettyHandler.ipText(java.net.InetAddress.getByName("fe80::")));
        assertEquals("203.0.113.7", JettyHandler.ipText(java.net.InetAddress.getByName("203.0.113.7")));
    }
}

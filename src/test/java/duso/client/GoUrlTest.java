package duso.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.runtime.GoHeaderNames;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;

/** URLs, header names and addresses as Go's net/url, net/http and net print and reject them. */
class GoUrlTest {
    static GoUrl url(String s) throws UrlCodec.UrlException {
        return GoUrl.parse(s);
    }

    static String error(String s) {
        return assertThrows(UrlCodec.UrlException.class, () -> GoUrl.parse(s)).getMessage();
    }

    @Test
    void rejectsWhatGoRejects() {
        assertEquals("parse \"http://a b/\": invalid character \" \" in host name", error("http://a b/"));
        assertEquals("parse \"::\": missing protocol scheme", error("::"));
        assertEquals("parse \"http://h:abc/\": invalid port \":abc\" after host", error("http://h:abc/"));
        assertEquals("parse \"http://[::1/\": missing ']' in host", error("http://[::1/"));
        assertEquals("parse \"http://h/%zz\": invalid URL escape \"%zz\"", error("http://h/%zz"));
        assertEquals("parse \"http://h/%4\": invalid URL escape \"%4\"", error("http://h/%4"));
        assertEquals("parse \"http://h/\\x01\": net/url: invalid control character in URL", error("http://h/\u0001"));
        assertEquals("parse \"1a:b\": first path segment in URL cannot contain colon", error("1a:b"));
    }

    @Test
    void printsAndTargetsAsGo() throws Exception {
        GoUrl u = url("http://h/a b?x=1#frag");
        assertEquals("http://h/a%20b?x=1#frag", u.toString());
        assertEquals("/a%20b?x=1", u.requestUri());
        assertEquals("/a%2Fb", url("http://h/a%2Fb").requestUri());
        assertEquals("/", url("http://h").requestUri());
        assertEquals("/?q", url("http://h?q").requestUri());
        assertEquals("/p?", url("http://h/p?").requestUri());
        assertEquals("http:", url("http://").toString());
        assertEquals("http://u:***@h/", url("http://u:secret@h/").redacted());
        assertEquals("http://h/caf%C3%A9", url("http://h/café").toString());
        assertEquals("http://X/", url("HTTP://X/").toString());
    }

    @Test
    void hostAndPort() throws Exception {
        assertEquals(80, url("http://h/").port());
        assertEquals(443, url("https://h/").port());
        assertEquals(8080, url("http://h:8080/").port());
        GoUrl v6 = url("http://[::1]:9/");
        assertEquals("::1", v6.hostname());
        assertEquals(9, v6.port());
        GoUrl empty = url("http://h:/x");
        empty.dropEmptyPort();
        assertEquals("http://h/x", empty.toString());
    }

    @Test
    void resolvesLocationsAsGo() throws Exception {
        GoUrl base = url("http://h/a/b/c?q=1");
        assertEquals("http://h/a/d", base.resolve("../d").toString());
        assertEquals("http://h/x", base.resolve("/x").toString());
        assertEquals("http://o/y", base.resolve("//o/y").toString());
        assertEquals("http://h/a/b/c?z", base.resolve("?z").toString());
        assertEquals("http://h/a/b/c?q=1", base.resolve("").toString());
        assertEquals("https://s/t", base.resolve("https://s/t").toString());
        assertEquals("http://h/a/b/", base.resolve("./").toString());
        assertEquals("http://h/", base.resolve("../../../../").toString());
        assertEquals("http://h/a/b/g#f", base.resolve("g#f").toString());
        assertEquals("/a/", GoUrl.resolvePath("/a/b/..", ""));
        assertEquals("/a//", GoUrl.resolvePath("/a//.", ""));
        assertEquals("/", GoUrl.resolvePath("/..", ""));
    }

    @Test
    void headerNamesAreCanonicalised() {
        assertEquals("Content-Type", GoHeaderNames.canonical("content-type"));
        assertEquals("X-Abc-Def", GoHeaderNames.canonical("x-abc-DEF"));
        assertEquals("Www-Authenticate", GoHeaderNames.canonical("WWW-Authenticate"));
        assertEquals("a b", GoHeaderNames.canonical("a b"));
        assertEquals("Etag", GoHeaderNames.canonical("ETag"));
    }

    @Test
    void addressesPrintAsGo() throws Exception {
        assertEquals("::1", NetErrors.ip(InetAddress.getByName("::1")));
        assertEquals("2001:db8::1", NetErrors.ip(InetAddress.getByName("2001:db8:0:0:0:0:0:1")));
        assertEquals("1:0:0:1::1", NetErrors.ip(InetAddress.getByName("1:0:0:1:0:0:0:1")));
        assertEquals("1:0:1:0:1:0:1:0", NetErrors.ip(InetAddress.getByName("1:0:1:0:1:0:1:0")));
        assertEquals("127.0.0.1", NetErrors.ip(InetAddress.getByName("127.0.0.1")));
    }
}

package duso.runtime.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's net/url query rules: QueryEscape, QueryUnescape, ParseQuery and Values.Encode. */
class UrlQueryTest {

    @Test
    void escape() {
        assertEquals("a+b%2Bc%26d%3De%3F%2F%3A%40%23%25", UrlQuery.escape("a b+c&d=e?/:@#%"));
        assertEquals("-_.~AZaz09", UrlQuery.escape("-_.~AZaz09"));
        assertEquals("%C3%A9%E2%98%83%F0%9F%98%80", UrlQuery.escape("é☃😀"));
        String plain = "nothing-to-escape";
        assertSame(plain, UrlQuery.escape(plain));
    }

    @Test
    void unescape() {
        assertEquals("a b+c", UrlQuery.unescape("a+b%2bc"));
        assertEquals("日", UrlQuery.unescape("%E6%97%A5"));
        assertEquals("invalid URL escape \"%zz\"", assertThrows(UrlQuery.EscapeException.class,
                () -> UrlQuery.unescape("a%zzb")).getMessage());
        assertEquals("invalid URL escape \"%4\"", assertThrows(UrlQuery.EscapeException.class,
                () -> UrlQuery.unescape("%4")).getMessage());
        assertEquals("invalid URL escape \"%\"", assertThrows(UrlQuery.EscapeException.class,
                () -> UrlQuery.unescape("x%")).getMessage());
        // The reported text is at most three bytes, cut inside a character if need be.
        assertEquals("invalid URL escape \"%1\\xc3\"", assertThrows(UrlQuery.EscapeException.class,
                () -> UrlQuery.unescape("%1é")).getMessage());
        assertEquals("invalid URL escape \"%é\"", assertThrows(UrlQuery.EscapeException.class,
                () -> UrlQuery.unescape("%é")).getMessage());
    }

    @Test
    void parseKeepsFirstErrorAndTheGoodPairs() {
        UrlQuery.Parsed p = UrlQuery.parse("a=1&b=%zz&c=3;x&a=2&d=%q");
        assertEquals(Map.of("a", List.of("1", "2")), p.values());
        assertEquals("invalid semicolon separator in query", p.error());
        UrlQuery.Parsed q = UrlQuery.parse("b=%zz&d=%q");
        assertEquals("invalid URL escape \"%zz\"", q.error());
    }

    @Test
    void parseShapes() {
        UrlQuery.Parsed p = UrlQuery.parse("&&k&v=&=x&k=2");
        assertNull(p.error());
        assertEquals(List.of("", "2"), p.values().get("k"));
        assertEquals(List.of(""), p.values().get("v"));
        assertEquals(List.of("x"), p.values().get(""));
    }

    @Test
    void parseRefusesTooManyParameters() {
        assertNull(UrlQuery.parse("a=1&".repeat(9_999) + "a=1").error());
        assertEquals("number of URL query parameters exceeded limit", UrlQuery.parse("&".repeat(10_000)).error());
    }

    @Test
    void encodeSortsKeysAndRepeatsThem() {
        Map<String, List<String>> v = new LinkedHashMap<>();
        v.put("z", List.of("1"));
        v.put("a b", List.of("x", "y"));
        v.put("é", List.of(""));
        assertEquals("a+b=x&a+b=y&z=1&%C3%A9=", UrlQuery.encode(v));
        assertEquals("", UrlQuery.encode(Map.of()));
    }
}

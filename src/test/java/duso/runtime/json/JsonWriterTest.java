package duso.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.values.BinaryValue;
import duso.lang.values.CodeValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.Nil;
import duso.lang.values.NumberFormat;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go encoding/json's output for every kind of value, at the edges that differ from Java's. */
class JsonWriterTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "-0.0, -0",
        "1, 1",
        "-1, -1",
        "999999999999999, 999999999999999",
        "-999999999999999, -999999999999999",
        "1e15, 1000000000000000",
        "-1e15, -1000000000000000",
        "1000000000000001, 1000000000000001",
        "9007199254740993, 9007199254740992",
        "1e20, 100000000000000000000",
        "9.99999999999999e20, 999999999999999000000",
        "1e21, 1e+21",
        "-1e21, -1e+21",
        "1.5e300, 1.5e+300",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "0.5, 0.5",
        "0.001, 0.001",
        "0.0009999, 0.0009999",
        "1e-6, 0.000001",
        "1.5e-6, 0.0000015",
        "9.99999e-7, 9.99999e-7",
        "1e-7, 1e-7",
        "-1e-7, -1e-7",
        "1.2345e-9, 1.2345e-9",
        "1e-10, 1e-10",
        "1e-100, 1e-100",
        "5e-324, 5e-324",
        "0.1, 0.1",
        "0.30000000000000004, 0.30000000000000004",
        "1234567.5, 1234567.5",
        "9999999.5, 9999999.5",
        "10000000.5, 10000000.5",
        "123456789012.5, 123456789012.5",
        "1e15 , 1000000000000000",
        "1.0e15, 1000000000000000",
    })
    void numbers(double value, String expected) {
        assertEquals(expected, Json.format(value));
    }

    @Test
    void fractionsInThePlainRangeMatchGoShortestDecimal() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            double d = Math.pow(10, -3 + r.nextDouble() * 10) * (r.nextBoolean() ? 1 : -1);
            if (d == Math.rint(d)) {
                continue;
            }
            double abs = Math.abs(d);
            String expected = abs >= 1e-6 && abs < 1e21 ? NumberFormat.formatF(d) : null;
            if (expected != null) {
                assertEquals(expected, Json.format(d), "for " + d);
            }
        }
    }

    @Test
    void shortDecimalsMatchGoShortestDecimal() {
        Random r = new Random(11);
        for (int i = 0; i < 50_000; i++) {
            int places = 1 + r.nextInt(8);
            double d = (r.nextLong() % 100_000_000_000L) / Math.pow(10, places);
            if (d != Math.rint(d) && Math.abs(d) < 1e21 && Math.abs(d) >= 1e-6) {
                assertEquals(NumberFormat.formatF(d), Json.format(d), "for " + d);
            }
        }
        assertEquals("[0.005,-0.05,1.5,-2.25,0.001,9999999.999999]", Json.format(
                duso.lang.values.DusoArray.of(0.005, -0.05, 1.5, -2.25, 0.001, 9999999.999999)));
    }

    @Test
    void nanAndInfinitiesAreErrors() {
        assertEquals("unsupported number value: NaN",
                assertThrows(JsonException.class, () -> Json.format(Double.NaN)).getMessage());
        assertEquals("unsupported number value: +Inf",
                assertThrows(JsonException.class, () -> Json.format(DusoArray.of(Double.POSITIVE_INFINITY))).getMessage());
        assertEquals("unsupported number value: -Inf",
                assertThrows(JsonException.class, () -> Json.format(Double.NEGATIVE_INFINITY)).getMessage());
    }

    @Test
    void stringEscapes() {
        assertEquals("\"\\\"\\\\/\\n\\r\\t\\b\\f\"", Json.format("\"\\/\n\r\t\b\f"));
        assertEquals("\"\\u0000\\u0001\\u001f \\u007f\"".replace("\\u007f", "\u007f"), Json.format("\u0000\u0001\u001f \u007f"));
        assertEquals("\"\\u003c\\u003e\\u0026\"", Json.format("<>&"));
        assertEquals("\"\\u2028\\u2029\"", Json.format("\u2028\u2029"));
        assertEquals("\"é日😀\uFFFD\"", Json.format("é日😀\uFFFD"));
        assertEquals("\"plain text\"", Json.format("plain text"));
        assertEquals("\"\"", Json.format(""));
    }

    @Test
    void loneSurrogatesBecomeReplacementCharacters() {
        assertEquals("\"a\uFFFDb\uFFFD\"", Json.format("a\uD800b\uDC00"));
        assertEquals("\"\uFFFD\uD83D\uDE00\"", Json.format("\uDE00\uD83D\uDE00"));
    }

    @Test
    void longStringsWithEscapesLate() {
        String s = "x".repeat(5000) + "<" + "y".repeat(100);
        assertEquals("\"" + "x".repeat(5000) + "\\u003c" + "y".repeat(100) + "\"", Json.format(s));
    }

    @Test
    void keysAreSortedByUtf8ByteOrder() {
        DusoObject o = new DusoObject();
        for (String k : new String[] {"b", "a", "B", "\uFFFF", "😀", "é", "", "aa"}) {
            o.put(k, 1.0);
        }
        // U+FFFF (EF BF BF) sorts before U+1F600 (F0 9F 98 80) in UTF-8, unlike in UTF-16.
        assertEquals("{\"\":1,\"B\":1,\"a\":1,\"aa\":1,\"b\":1,\"é\":1,\"\uFFFF\":1,\"😀\":1}", Json.format(o));
    }

    @Test
    void manyKeysAreSortedToo() {
        DusoObject o = new DusoObject();
        StringBuilder expected = new StringBuilder("{");
        for (int i = 99; i >= 0; i--) {
            o.put(String.format("k%02d", i), (double) i);
        }
        for (int i = 0; i < 100; i++) {
            expected.append(i == 0 ? "" : ",").append(String.format("\"k%02d\":%d", i, i));
        }
        assertEquals(expected.append('}').toString(), Json.format(o));
    }

    @Test
    void objectsWithTheSameKeysInAnotherOrderAreSortedAgain() {
        DusoObject first = new DusoObject();
        first.put("b", 1.0);
        first.put("a", 2.0);
        DusoObject second = new DusoObject();
        second.put("a", 3.0);
        second.put("b", 4.0);
        DusoObject third = new DusoObject();
        third.put("b", 5.0);
        third.put("c", 6.0);
        assertEquals("[{\"a\":2,\"b\":1},{\"a\":3,\"b\":4},{\"b\":5,\"c\":6}]",
                Json.format(DusoArray.of(first, second, third)));
    }

    @Test
    void indentation() {
        DusoObject o = new DusoObject();
        o.put("list", DusoArray.of(1.0, new DusoArray()));
        o.put("empty", new DusoObject());
        assertEquals("{\n\t\"empty\": {},\n\t\"list\": [\n\t\t1,\n\t\t[]\n\t]\n}", Json.format(o, "\t"));
        assertEquals("[]", Json.format(new DusoArray(), "  "));
        assertEquals("\"x\"", Json.format("x", "  "));
    }

    @Test
    void valuesWithoutAJsonForm() {
        BinaryValue named = new BinaryValue(new byte[3]);
        named.metadata().put("filename", "a.png");
        assertEquals("[\"\\u003cbinary: 2 bytes\\u003e\",\"\\u003cbinary: a.png (3 bytes)\\u003e\"]",
                Json.format(DusoArray.of(new BinaryValue(new byte[2]), named)));
        assertEquals("\"\\u003cerror: boom\\u003e\"", Json.format(new ErrorValue("boom", "")));
        assertEquals("\"\\u003cerror\\u003e\"", Json.format(new ErrorValue(1.0, "")));
        assertEquals("null", Json.format(Nil.NIL));
        assertEquals("\"print(\\\"\\u003c\\u003e\\\")\"", Json.format(new CodeValue("print(\"<>\")", null, null)));
    }

    @Test
    void nestingIsBoundedAt512Levels() {
        Object v = 1.0;
        for (int i = 0; i < 512; i++) {
            v = DusoArray.of(v);
        }
        assertEquals(1025, Json.format(v).length());
        Object deeper = DusoArray.of(v);
        JsonException e = assertThrows(JsonException.class, () -> Json.format(deeper));
        assertEquals("value nested more than 512 levels deep (circular reference?)", e.getMessage());
    }

    @Test
    void aValueContainingItselfIsAnError() {
        DusoArray a = new DusoArray();
        a.add(a);
        assertThrows(JsonException.class, () -> Json.format(a));
    }

    @Test
    void largeDocumentsRoundTrip() {
        Object[] records = new Object[2000];
        for (int i = 0; i < records.length; i++) {
            DusoObject o = new DusoObject();
            o.put("id", (double) i);
            o.put("name", "user-" + i + (i % 7 == 0 ? " \"q\" <x>" : ""));
            o.put("score", i * 1.5);
            o.put("tags", DusoArray.of("a", "b"));
            records[i] = o;
        }
        String text = Json.format(DusoArray.wrap(records));
        assertEquals(text, Json.format(Json.parse(text)));
        assertEquals(text.getBytes(StandardCharsets.UTF_8).length, text.length());
    }
}

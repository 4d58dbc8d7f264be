package duso.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference decoder's acceptance, values and error messages (offsets in UTF-8 bytes). */
class JsonReaderTest {

    private static String error(String text) {
        return assertThrows(JsonException.class, () -> Json.parse(text)).getMessage();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                  | unexpected end of input at offset 0",
        "`   `               | unexpected end of input at offset 3",
        "{                   | expected object key at offset 1",
        "[                   | unexpected end of input at offset 1",
        "}                   | unexpected character '}' at offset 0",
        "[1,]                | unexpected character ']' at offset 3",
        "{\"a\":}            | unexpected character '}' at offset 5",
        "{\"a\" 1}           | expected ':' after object key at offset 5",
        "{a:1}               | expected object key at offset 1",
        "{\"a\":1,}          | expected object key at offset 7",
        "{\"a\":1              | unexpected end of input in object at offset 6",
        "[1                  | unexpected end of input in array at offset 2",
        "[1 2]               | expected ',' or ']' in array at offset 3",
        "{\"a\":1 2}         | expected ',' or '}' in object at offset 7",
        "tru                 | invalid literal, expected \"true\" at offset 0",
        "nul                 | invalid literal, expected \"null\" at offset 0",
        "NaN                 | unexpected character 'N' at offset 0",
        "Infinity            | unexpected character 'I' at offset 0",
        "01                  | invalid number: leading zero at offset 2",
        "-                   | invalid number at offset 1",
        "1.                  | invalid number: no digits after decimal point at offset 2",
        ".5                  | unexpected character '.' at offset 0",
        "1e                  | invalid number: no digits in exponent at offset 2",
        "1e400               | invalid number \"1e400\" at offset 5",
        "-1e400              | invalid number \"-1e400\" at offset 6",
        "\"unterminated      | unterminated string at offset 13",
        "[1,2] extra         | unexpected trailing data at offset 6",
        "{\"a\":1} {\"b\":2} | unexpected trailing data at offset 8",
        "'single'            | unexpected character '\\'' at offset 0",
        "\"\\q\"             | invalid escape character 'q' at offset 2",
        "\"\\u00\"           | incomplete \\u escape at offset 2",
        "\"\\u00x0\"         | invalid hex digit 'x' in \\u escape at offset 2",
        "\"a\\               | unterminated escape sequence at offset 3",
    })
    void errors(String text, String message) {
        assertEquals(message, error(text));
    }

    @Test
    void offsetsCountUtf8Bytes() {
        assertEquals("expected ',' or ']' in array at offset 10", error("[\"日本\" 1]"));
        assertEquals("unexpected trailing data at offset 7", error("\"😀\" x"));
        assertEquals("unexpected character 'Ã' at offset 0", error("é"));
        assertEquals("invalid escape character 'â' at offset 2", error("\"\\☃\""));
    }

    @Test
    void controlCharactersInStrings() {
        assertEquals("invalid control character in string at offset 2", error("\"a\nb\""));
        assertEquals("invalid control character in string at offset 3", error("\"\\n\u0001\""));
        assertEquals("unexpected character '\\x00' at offset 0", error("\u0000"));
    }

    @Test
    void nestingIsBoundedAt512Levels() {
        String ok = "[".repeat(513) + "]".repeat(513);
        assertInstanceOf(DusoArray.class, Json.parse(ok));
        String deep = "[".repeat(514) + "]".repeat(514);
        assertEquals("exceeded maximum nesting depth of 512 at offset 513", error(deep));
        String objects = "{\"a\":".repeat(514) + "1" + "}".repeat(514);
        assertEquals("exceeded maximum nesting depth of 512 at offset 2565", error(objects));
    }

    @Test
    void values() {
        DusoObject o = (DusoObject) Json.parse("{\"s\":\"x\",\"n\":2,\"t\":true,\"f\":false,\"z\":null,\"a\":[],\"o\":{}}");
        assertEquals("x", o.get("s"));
        assertEquals(2.0, o.get("n"));
        assertEquals(Boolean.TRUE, o.get("t"));
        assertEquals(Boolean.FALSE, o.get("f"));
        assertSame(Nil.NIL, o.getOrNull("z"));
        assertEquals(0, ((DusoArray) o.get("a")).size());
        assertEquals(0, ((DusoObject) o.get("o")).size());
    }

    @Test
    void duplicateKeysKeepTheLastValue() {
        DusoObject o = (DusoObject) Json.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertEquals(2, o.size());
        assertEquals(3.0, o.get("a"));
    }

    @Test
    void repeatedKeysAreShared() {
        DusoArray a = (DusoArray) Json.parse("[{\"key\":1},{\"key\":2}]");
        String k1 = ((DusoObject) a.get(0)).keys().iterator().next();
        String k2 = ((DusoObject) a.get(1)).keys().iterator().next();
        assertSame(k1, k2);
    }

    @Test
    void escapesAndSurrogates() {
        assertEquals("\"\\/\b\f\n\r\tAé", Json.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0041\\u00E9\""));
        assertEquals("😀", Json.parse("\"\\ud83d\\ude00\""));
        assertEquals("\uFFFD", Json.parse("\"\\ud83d\""));
        assertEquals("\uFFFDA", Json.parse("\"\\ud83d\\u0041\""));
        assertEquals("\uFFFD\uFFFD", Json.parse("\"\\ude00\\ud83d\""));
        assertEquals("invalid hex digit 'z' in \\u escape at offset 8", error("\"\\ud83d\\uzzzz\""));
        assertEquals("é and 日本", Json.parse("\"é and 日本\""));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0, 0.0",
        "-0, -0.0",
        "-0.0, -0.0",
        "0e5, 0.0",
        "1e3, 1000.0",
        "1E+3, 1000.0",
        "25e-1, 2.5",
        "123456789012345, 123456789012345.0",
        "1234567890123456, 1234567890123456.0",
        "9007199254740993, 9007199254740992.0",
        "12345678901234567890, 12345678901234567890.0",
        "0.1, 0.1",
        "1.7976931348623157e308, 1.7976931348623157e308",
        "4.9e-324, 4.9e-324",
        "1e-400, 0.0",
        "2.2250738585072011e-308, 2.2250738585072011e-308",
        "0.000000000000000000000000000000000000001, 1e-39",
        "100000000000000000000000, 1e23",
        "1e22, 1e22",
        "1e23, 1e23",
        "123.456e-5, 0.00123456",
    })
    void numbers(String text, double expected) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits((Double) Json.parse(text)));
    }

    @Test
    void numbersAreCorrectlyRounded() {
        Random r = new Random(42);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            if (r.nextBoolean()) {
                s.append('-');
            }
            int intDigits = 1 + r.nextInt(12);
            s.append(1 + r.nextInt(9));
            for (int k = 1; k < intDigits; k++) {
                s.append(r.nextInt(10));
            }
            if (r.nextBoolean()) {
                s.append('.');
                int frac = 1 + r.nextInt(10);
                for (int k = 0; k < frac; k++) {
                    s.append(r.nextInt(10));
                }
            }
            if (r.nextInt(3) == 0) {
                s.append('e').append(r.nextInt(60) - 30);
            }
            String text = s.toString();
            double expected = Double.parseDouble(text);
            assertEquals(Double.doubleToRawLongBits(expected),
                    Double.doubleToRawLongBits((Double) Json.parse(text)), text);
        }
    }

    @Test
    void everyDoubleRoundTrips() {
        Random r = new Random(1);
        for (int i = 0; i < 50_000; i++) {
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) Json.parse(Json.format(d))));
        }
    }
}

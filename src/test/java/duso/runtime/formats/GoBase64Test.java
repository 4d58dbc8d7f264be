package duso.runtime.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's StdEncoding.DecodeString: what it accepts and which byte it blames. */
class GoBase64Test {

    @ParameterizedTest(name = "\"{0}\" fails at {1}")
    @CsvSource(quoteCharacter = '`', value = {
        "a, 0",
        "abc, 0",
        "abcde, 4",
        "ab=, 3",
        "ab=c, 2",
        "ab==x, 4",
        "abc=d, 4",
        "abc==, 4",
        "=abc, 0",
        "a=bc, 1",
        "abcd====, 4",
        "ab!d, 2",
        "`ab cd`, 2",
        "abcd-, 4",
    })
    void errorOffsets(String text, int offset) {
        GoBase64.DecodeException e = assertThrows(GoBase64.DecodeException.class, () -> GoBase64.decode(text));
        assertEquals("illegal base64 data at input byte " + offset, e.getMessage());
    }

    @Test
    void offsetsAreUtf8Bytes() {
        assertEquals("illegal base64 data at input byte 4",
                assertThrows(GoBase64.DecodeException.class, () -> GoBase64.decode("abcdé")).getMessage());
    }

    @Test
    void lineBreaksAreSkippedAnywhere() {
        assertArrayEquals("hello".getBytes(StandardCharsets.UTF_8), GoBase64.decode("\r\naG\nVs\r\nbG8\n=\n"));
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), GoBase64.decode("aGk=\n\n"));
        assertEquals("illegal base64 data at input byte 5",
                assertThrows(GoBase64.DecodeException.class, () -> GoBase64.decode("aG\n\n=")).getMessage());
    }

    @Test
    void leftoverBitsAreIgnored() {
        // "aGl=" has non-zero bits after "hi"; Go's StdEncoding is not strict about them.
        assertArrayEquals("hi".getBytes(StandardCharsets.UTF_8), GoBase64.decode("aGl="));
    }

    @Test
    void emptyInput() {
        assertEquals(0, GoBase64.decode("").length);
        assertEquals(0, GoBase64.decode("\n").length);
    }

    @Test
    void agreesWithTheJdkOnValidInput() {
        Random r = new Random(3);
        for (int n = 0; n < 200; n++) {
            byte[] data = new byte[n];
            r.nextBytes(data);
            String text = GoBase64.encode(data);
            assertEquals(Base64.getEncoder().encodeToString(data), text);
            assertArrayEquals(data, GoBase64.decode(text));
        }
    }
}

package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Multipart parsing (including garbage) and how exit() objects become responses. */
class BodiesTest {
    private static Multipart.Result parse(String body, String boundary) {
        return Multipart.parse(body.getBytes(StandardCharsets.ISO_8859_1), boundary, 1000);
    }

    @Test
    void multipartValuesAndFiles() {
        Multipart.Result r = parse("preamble\r\n--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nv1\r\n"
                + "--b\r\ncontent-disposition: form-data; name=\"f\"; filename=\"../../etc/x.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nline1\r\nline2\r\n--b\r\nContent-Disposition: attachment; name=\"n\"\r\n\r\nz\r\n"
                + "--b\r\n\r\nno headers\r\n--b--\r\nepilogue", "b");
        assertEquals(false, r.failed());
        assertEquals(Map.of("t", List.of("v1")), r.values().asMap());
        assertEquals(1, r.files().size());
        assertEquals("x.txt", r.files().get(0).filename());
        assertEquals("line1\r\nline2", new String(r.files().get(0).data(), StandardCharsets.UTF_8));
    }

    @Test
    void malformedMultipartNeverThrows() {
        Random rnd = new Random(42);
        byte[] alphabet = "--b\r\n:=\"; name".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[rnd.nextInt(200)];
            for (int j = 0; j < b.length; j++) {
                b[j] = alphabet[rnd.nextInt(alphabet.length)];
            }
            Multipart.parse(b, "b", 1000);
        }
        assertTrue(parse("--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\nunterminated", "b").failed());
        assertEquals("B", RequestForms.boundary("multipart/form-data; boundary=\"B\""));
    }

    @Test
    void exitObjects() {
        DusoObject data = new DusoObject();
        data.put("status", 201.0);
        DusoObject headers = new DusoObject();
        headers.put("x-one", 1.5);
        headers.put("Set-Cookie", DusoArray.of("a=1", 2.0));
        headers.put("X-Bad", "a\r\nInjected: yes");
        data.put("headers", headers);
        data.put("body", Nil.NIL);
        ResponseSpec r = ExitResponse.from(data, null);
        assertEquals(201, r.status);
        assertEquals(List.of("1.5"), r.headers.get("X-One"));
        assertEquals(List.of("a=1", "2"), r.headers.get("Set-Cookie"));
        assertEquals(List.of("a  Injected: yes"), r.headers.get("X-Bad"));
        assertEquals("<nil>", new String(r.body, StandardCharsets.UTF_8));
        DusoObject bin = new DusoObject();
        bin.put("binary_data", new BinaryValue(new byte[] {1, 2, 3}));
        bin.put("body", "ignored");
        assertEquals(3, ExitResponse.from(bin, null).body.length);
    }
}

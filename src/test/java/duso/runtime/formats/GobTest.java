package duso.runtime.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The gob stream of encrypt()'s EncryptedValue, written here and as Go's encoder lays it out. */
class GobTest {
    private static final String STRUCT_DEF = "ff81 03 01 01" + str("EncryptedValue") + "01 ff82 00 01 01 01" + str("Data")
            + "01 10 00 00 00";

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** A message: its length, then the payload. */
    private static String msg(String payloadHex) {
        byte[] p = hex(payloadHex);
        GobWriter.Buffer b = new GobWriter.Buffer();
        b.uint(p.length);
        return HexFormat.of().formatHex(b.toByteArray()) + payloadHex.replace(" ", "");
    }

    private static String str(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return String.format("%02x", b.length) + HexFormat.of().formatHex(b);
    }

    @Test
    void writesTheStructDefinitionThenTheValue() {
        String expected = msg(STRUCT_DEF) + msg("ff82 01" + str("string") + "0c 04 00" + str("hi") + "00");
        assertEquals(expected, HexFormat.of().formatHex(GobWriter.encryptedValue("hi")));
    }

    @Test
    void aNilValueIsAnOmittedField() {
        byte[] gob = GobWriter.encryptedValue(Nil.NIL);
        assertEquals(msg("ff82 00"), HexFormat.of().formatHex(gob).substring(msg(STRUCT_DEF).length()));
        assertSame(Nil.NIL, GobReader.encryptedValue(gob));
    }

    @Test
    void floatsAreByteReversed() {
        // 1.0 is 3ff0000000000000, reversed f03f: two bytes after the negated count.
        String value = HexFormat.of().formatHex(GobWriter.encryptedValue(1.0));
        assertEquals(true, value.endsWith(msg("ff82 01" + str("float64") + "08 04 00 fef03f 00")));
    }

    @Test
    void readsGoInterleavedTypeDefinitions() {
        // Go's encoder for EncryptedValue{Data: []any{map[string]any{"a": 1.0}}}: the slice type is
        // defined inside the value's first message, the map type inside the slice, followed by
        // a count the decoder skips.
        String d2 = "00 01" + str("a") + str("float64") + "08 04 00fef03f";
        String x = "00 01" + str("map[string]interface {}") + "ff85 04 01 01" + str("map[string]interface {}")
                + "01 ff86 00 01 0c 01 10 00 00";
        String y = "ff86" + count(d2) + d2;
        byte[] stream = hex(msg(STRUCT_DEF)
                + msg("ff82 01" + str("[]interface {}") + "ff83 02 01 01" + str("[]interface {}") + "01 ff84 00 01 10 00 00")
                + msg("ff84" + count(x) + x + count(y) + y + "00"));
        Object v = GobReader.encryptedValue(stream);
        assertEquals("[{a=1}]", Render.syntax(v));
    }

    private static String count(String hexPayload) {
        GobWriter.Buffer b = new GobWriter.Buffer();
        b.uint(hex(hexPayload).length);
        return HexFormat.of().formatHex(b.toByteArray());
    }

    @Test
    void readsTheGobDocumentationExample() {
        // type Point struct {X, Y int}; Point{22, 33}: a struct without a Data field.
        byte[] point = hex("1f ff 81 03 01 01 05 50 6f 69 6e 74 01 ff 82 00 01 02 01 01 58 01 04 00 01 01 59 01 04 00 00 00"
                + "07 ff 82 01 2c 01 42 00");
        assertSame(Nil.NIL, GobReader.encryptedValue(point));
    }

    @Test
    void roundTrips() {
        DusoObject o = new DusoObject();
        o.put("n", -2.5);
        o.put("s", "é日😀");
        o.put("list", DusoArray.of(1.0, Nil.NIL, true, DusoArray.of(), new DusoObject()));
        o.put("none", Nil.NIL);
        o.put("big", 1e300);
        o.put("int", 300.0);
        for (Object v : new Object[] {o, 0.0, -0.0, "", false, DusoArray.of("x")}) {
            assertEquals(Render.syntax(v), Render.syntax(GobReader.encryptedValue(GobWriter.encryptedValue(v))));
        }
    }

    @Test
    void binaryValuesComeBackAsNil() {
        byte[] gob = GobWriter.encryptedValue(new BinaryValue(new byte[] {1, 2}));
        assertSame(Nil.NIL, GobReader.encryptedValue(gob));
    }

    @Test
    void malformedStreams() {
        assertEquals("EOF", assertThrows(GobReader.GobException.class, () -> GobReader.encryptedValue(new byte[0])).getMessage());
        byte[] gob = GobWriter.encryptedValue("hello");
        byte[] cut = new byte[gob.length - 3];
        System.arraycopy(gob, 0, cut, 0, cut.length);
        assertThrows(GobReader.GobException.class, () -> GobReader.encryptedValue(cut));
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.writeBytes(hex(msg(STRUCT_DEF)));
        twice.writeBytes(hex(msg(STRUCT_DEF)));
        assertEquals("gob: duplicate type received",
                assertThrows(GobReader.GobException.class, () -> GobReader.encryptedValue(twice.toByteArray())).getMessage());
        byte[] unknown = hex(msg(STRUCT_DEF) + msg("ff82 01" + str("main.T") + "0c 04 00" + str("hi") + "00"));
        assertEquals("gob: name not registered for interface: \"main.T\"",
                assertThrows(GobReader.GobException.class, () -> GobReader.encryptedValue(unknown)).getMessage());
    }

    @Test
    void integers() {
        GobWriter.Buffer b = new GobWriter.Buffer();
        b.uint(0).uint(7).uint(256).integer(-129).integer(-1).uint(-1L);
        assertArrayEquals(hex("00 07 fe0100 fe0101 01 f8ffffffffffffffff"), b.toByteArray());
    }
}

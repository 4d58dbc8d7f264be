package duso.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.BinaryValue;
import duso.lang.values.CodeValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.RegexValue;
import duso.lang.values.Render;
import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;

/** The value codec against hand-assembled bytes of the reference's format (tag table in Codec). */
class CodecTest {
    static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    static byte[] encode(Object v) {
        ByteWriter w = new ByteWriter(16);
        Codec.encode(w, v);
        return w.toByteArray();
    }

    static Object decode(byte[] b) {
        ByteReader r = new ByteReader(b);
        Object v = Codec.decode(r);
        assertEquals(0, r.remaining(), "decode left bytes behind");
        return v;
    }

    static final FunctionValue FN = new FunctionValue() {
        @Override
        public String name() {
            return "f";
        }
    };

    @Test
    void scalars() {
        assertArrayEquals(bytes(0x00), encode(Nil.NIL));
        assertArrayEquals(bytes(0x01), encode(false));
        assertArrayEquals(bytes(0x02), encode(true));
        assertArrayEquals(bytes(0x05, 0x02, 'h', 'i'), encode("hi"));
        assertArrayEquals(bytes(0x05, 0x02, 0xC3, 0xA9), encode("é"), "lengths count UTF-8 bytes");
        assertArrayEquals(bytes(0x05, 0x00), encode(""));
    }

    @Test
    void integralNumbersAreZigZagVarints() {
        assertArrayEquals(bytes(0x04, 0x00), encode(0.0));
        assertArrayEquals(bytes(0x04, 0x02), encode(1.0));
        assertArrayEquals(bytes(0x04, 0x01), encode(-1.0));
        assertArrayEquals(bytes(0x04, 0xD8, 0x04), encode(300.0));
        assertArrayEquals(bytes(0x04, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20), encode(0x1p53));
        assertArrayEquals(bytes(0x04, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F), encode(-0x1p53));
    }

    @Test
    void otherNumbersAreLittleEndianFloats() {
        assertArrayEquals(bytes(0x03, 0, 0, 0, 0, 0, 0, 0xE0, 0x3F), encode(0.5));
        assertArrayEquals(bytes(0x03, 0, 0, 0, 0, 0, 0, 0, 0x80), encode(-0.0), "-0 keeps its sign");
        assertArrayEquals(bytes(0x03, 0x01, 0, 0, 0, 0, 0, 0x40, 0x43), encode(0x1p53 + 2), "beyond 2^53");
        assertArrayEquals(bytes(0x03, 0, 0, 0, 0, 0, 0, 0xF0, 0x7F), encode(Double.POSITIVE_INFINITY));
        assertEquals(-0.0, (double) (Double) decode(encode(-0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) decode(encode(-0.0))));
    }

    @Test
    void containers() {
        assertArrayEquals(bytes(0x10, 0x02, 0x04, 0x02, 0x05, 0x01, 'a'), encode(DusoArray.of(1.0, "a")));
        DusoObject o = new DusoObject();
        o.put("b", 1.0);
        o.put("a", true);
        assertArrayEquals(bytes(0x11, 0x02, 0x01, 'a', 0x02, 0x01, 'b', 0x04, 0x02), encode(o), "keys sorted");
    }

    @Test
    void keysSortInUtf8ByteOrderNotUtf16Order() {
        DusoObject o = new DusoObject();
        o.put("\uD83D\uDE00", 1.0); // U+1F600: F0 9F 98 80 in UTF-8, but a low UTF-16 surrogate
        o.put("\uFF21", 2.0); // U+FF21: EF BC A1
        byte[] b = encode(o);
        assertEquals(0x11, b[0]);
        assertEquals(0x03, b[2], "the 3-byte key first");
        assertEquals((byte) 0xEF, b[3]);
    }

    @Test
    void functionsAreDroppedFromObjectsAndNilInArrays() {
        DusoObject o = new DusoObject();
        o.put("f", FN);
        o.put("x", 1.0);
        assertArrayEquals(bytes(0x11, 0x01, 0x01, 'x', 0x04, 0x02), encode(o));
        assertArrayEquals(bytes(0x10, 0x02, 0x00, 0x04, 0x02), encode(DusoArray.of(FN, 1.0)));
        assertArrayEquals(bytes(0x00), encode(FN));
    }

    @Test
    void runtimeTypes() {
        BinaryValue bin = new BinaryValue(bytes(1, 2));
        assertArrayEquals(bytes(0x20, 0x02, 0x01, 0x02, 0x11, 0x00), encode(bin));
        assertArrayEquals(bytes(0x21, 0x05, 0x04, 'b', 'o', 'o', 'm', 0x01, 's'), encode(new ErrorValue("boom", "s")));
        assertArrayEquals(bytes(0x22, 0x02, 'a', '+'), encode(new RegexValue("a+", Pattern.compile("a+"))));
        CodeValue code = new CodeValue("x = 1", Parser.parse(Source.of("<dynamic>", "x = 1")), new DusoObject());
        assertArrayEquals(bytes(0x23, 0x05, 'x', ' ', '=', ' ', '1', 0x11, 0x00), encode(code));
    }

    @Test
    void runtimeTypesRoundTrip() {
        DusoObject meta = new DusoObject();
        meta.put("filename", "a.bin");
        BinaryValue bin = (BinaryValue) decode(encode(new BinaryValue(bytes(0, 1, 0xFF), meta)));
        assertArrayEquals(bytes(0, 1, 0xFF), bin.data());
        assertEquals("a.bin", bin.metadata().get("filename"));
        ErrorValue err = (ErrorValue) decode(encode(new ErrorValue(DusoArray.of(1.0), "stack text")));
        assertEquals("[1]", Render.syntax(err.message()));
        assertEquals("stack text", err.stack());
        RegexValue re = (RegexValue) decode(encode(new RegexValue("a+b", Pattern.compile("a+b"))));
        assertEquals(true, re.compiled().matcher("xaab").find());
        CodeValue code = (CodeValue) decode(bytes(0x23, 0x05, 'x', ' ', '=', ' ', '1', 0x11, 0x00));
        assertEquals("x = 1", code.source());
    }

    @Test
    void nestedValuesRoundTrip() {
        DusoObject o = new DusoObject();
        o.put("list", DusoArray.of(1.0, -2.5, "three", Nil.NIL, true, DusoArray.of()));
        DusoObject inner = new DusoObject();
        inner.put("deep", 1e300);
        o.put("inner", inner);
        assertEquals(Render.syntax(o), Render.syntax(decode(encode(o))));
    }

    @Test
    void damagedInputIsRejectedWithTheReferenceMessages() {
        assertEquals("truncated value: no tag byte", reason());
        assertEquals("unknown value tag 0x06", reason(0x06));
        assertEquals("unknown value tag 0x80", reason(0x80));
        assertEquals("binary reference values are reserved and not supported by this build", reason(0x30));
        assertEquals("truncated number: want 8 bytes, have 1", reason(0x03, 0x00));
        assertEquals("malformed int varint", reason(0x04, 0x80));
        assertEquals("malformed int varint", reason(0x04, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02));
        assertEquals("truncated value: length 1099511627776 exceeds 0 remaining bytes",
                reason(0x05, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20));
        assertEquals("truncated value: length 3 exceeds 1 remaining bytes", reason(0x10, 0x03, 0x00));
        assertEquals("expected object for metadata, got float64", reason(0x20, 0x00, 0x04, 0x02));
        assertInstanceOf(FormatException.class, assertThrows(FormatException.class, () -> decode(bytes(0x22, 0x01, '('))));
    }

    @Test
    void everyTruncationOfAValueFailsCleanly() {
        DusoObject o = new DusoObject();
        o.put("a", DusoArray.of("a longer string value", 1.5, 7.0));
        byte[] full = encode(o);
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(full, cut);
            assertThrows(FormatException.class, () -> Codec.decode(new ByteReader(part)), "cut at " + cut);
        }
    }

    private static String reason(int... b) {
        return assertThrows(FormatException.class, () -> decode(bytes(b))).getMessage();
    }
}

package duso.lang.nodes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The JIT's class-file writer: its byte buffer writes what {@link DataOutputStream} would, its constant pool shares entries. */
class ClassWriterBytesTest {
    private static byte[] dataOutput(String utf, int u2, int u4, long u8) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeUTF(utf);
        out.writeShort(u2);
        out.writeInt(u4);
        out.writeLong(u8);
        out.writeByte(0x1ff);
        return b.toByteArray();
    }

    private static byte[] bytes(String utf, int u2, int u4, long u8) {
        return new ClassWriter.Bytes(1).utf(utf).u2(u2).u4(u4).u4((int) (u8 >>> 32)).u4((int) u8).u1(0x1ff).toArray();
    }

    @Test
    void writesModifiedUtf8AndBigEndianNumbersAsDataOutputStream() throws IOException {
        for (String s : new String[] {"", "exec", "(Lduso/lang/nodes/Frame;)I", "nul\0in", "caf\u00e9 \u00ff\u0100",
                "\u20ac\u4e2d\uffff", "pair \ud83d\ude00 and lone \ud800", "x".repeat(70_000 / 3)}) {
            assertArrayEquals(dataOutput(s, 0xCAFE, 0xCAFEBABE, Double.doubleToRawLongBits(-0.1)),
                    bytes(s, 0xCAFE, 0xCAFEBABE, Double.doubleToRawLongBits(-0.1)), s.length() > 40 ? "long" : s);
        }
    }

    @Test
    void refusesAConstantLongerThanAClassFileAllows() {
        assertThrows(IllegalStateException.class, () -> new ClassWriter.Bytes(1).utf("\u20ac".repeat(30_000)));
        assertThrows(IllegalStateException.class, () -> new ClassWriter.Bytes(1).utf("x".repeat(70_000)));
    }

    @Test
    void sharesOneConstantPoolEntryPerDistinctValue() {
        ClassWriter cw = new ClassWriter("duso/jit/T", "java/lang/Object");
        int box = cw.methodRef("duso/lang/values/Numbers", "box", "(D)Ljava/lang/Double;");
        assertEquals(box, cw.methodRef("duso/lang/values/" + "Numbers", "box", "(D)Ljava/lang/Double;"));
        assertNotEquals(box, cw.methodRef("duso/lang/values/Numbers", "box", "(J)Ljava/lang/Double;"));
        assertNotEquals(box, cw.fieldRef("duso/lang/values/Numbers", "box", "(D)Ljava/lang/Double;"));
        assertEquals(cw.classRef("java/lang/Object"), cw.classRef("java/lang/Object"));
        assertNotEquals(cw.string("java/lang/Object"), cw.classRef("java/lang/Object"));
        assertEquals(cw.doubleConst(-0.0), cw.doubleConst(-0.0));
        assertNotEquals(cw.doubleConst(0.0), cw.doubleConst(-0.0));
        assertNotEquals(cw.integer(7), cw.doubleConst(7));
    }
}

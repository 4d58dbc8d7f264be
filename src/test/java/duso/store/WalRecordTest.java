package duso.store;

import static duso.store.CodecTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.values.DusoObject;
import duso.lang.values.Render;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** WAL record bodies: the reference's byte layout per opcode, round trips and rejections. */
class WalRecordTest {
    static byte[] body(long seq, int op, String key, String key2, double num, Object value) {
        ByteWriter w = new ByteWriter(16);
        WalRecord.encodeBody(w, seq, op, key, key2, num, value);
        return w.toByteArray();
    }

    @Test
    void goldenBodies() {
        assertArrayEquals(bytes(0x07, 0x32, 0x04, 'j', 'o', 'b', 's'), body(7, WalRecord.SHIFT, "jobs", null, 0, null));
        assertArrayEquals(bytes(0x07, 0x50), body(7, WalRecord.CLEAR, "", null, 0, null));
        assertArrayEquals(bytes(0xAC, 0x02, 0x01, 0x01, 'k', 0x05, 0x01, 'v'), body(300, WalRecord.SET, "k", null, 0, "v"));
        assertArrayEquals(bytes(0x01, 0x06, 0x01, 'k', 0, 0, 0, 0, 0, 0, 0x04, 0xC0),
                body(1, WalRecord.INCR, "k", null, -2.5, null));
        assertArrayEquals(bytes(0x08, 0x07, 0x03, 'o', 'l', 'd', 0x03, 'n', 'e', 'w'),
                body(8, WalRecord.RENAME, "old", "new", 0, null));
        assertArrayEquals(bytes(0x02, 0x08, 0x01, 'k', 0x00, 0x00, 0x80, 0x56, 0xFE, 0xBC, 0x78, 0x42),
                body(2, WalRecord.EXPIRE, "k", null, 1700000000000.0, null));
    }

    @Test
    void everyOpcodeRoundTrips() {
        DusoObject patch = new DusoObject();
        patch.put("patch", 1.0);
        Object[][] cases = {
            {WalRecord.SET, "k", "", 0.0, "v"}, {WalRecord.SET_ONCE, "k", "", 0.0, 1.0},
            {WalRecord.DELETE, "k", "", 0.0, null}, {WalRecord.SWAP, "k", "", 0.0, true},
            {WalRecord.UPDATE, "k", "", 0.0, patch}, {WalRecord.INCR, "k", "", -2.5, null},
            {WalRecord.RENAME, "old", "new", 0.0, null}, {WalRecord.EXPIRE, "k", "", 1.7e12, null},
            {WalRecord.EXPIRED, "k", "", 0.0, null}, {WalRecord.PUSH, "q", "", 0.0, "x"},
            {WalRecord.UNSHIFT, "q", "", 0.0, "x"}, {WalRecord.SHIFT, "q", "", 0.0, null},
            {WalRecord.POP, "q", "", 0.0, null}, {WalRecord.CLEAR, "", "", 0.0, null},
            {WalRecord.SET, "héllo 世界", "", 0.0, "v"},
        };
        long seq = 1L << 40;
        for (Object[] c : cases) {
            int op = (Integer) c[0];
            WalRecord r = WalRecord.decodeBody(body(seq, op, (String) c[1], (String) c[2], (Double) c[3], c[4]));
            assertEquals(seq, r.seq());
            assertEquals(op, r.op());
            assertEquals(c[1], r.key(), WalRecord.name(op));
            assertEquals(c[2], r.key2());
            assertEquals((Double) c[3], r.num());
            assertEquals(c[4] == null ? null : Render.syntax(c[4]), r.value() == null ? null : Render.syntax(r.value()));
        }
    }

    @Test
    void unknownDataOpcodeIsFatalAndControlOpcodesAreSkippable() {
        FormatException e = assertThrows(FormatException.class, () -> WalRecord.decodeBody(bytes(0x01, 0x20)));
        assertEquals("unknown WAL data opcode 0x20 — this file was written by a newer duso", e.getMessage());
        for (int op : new int[] {0x80, 0x90, 0xBF, 0xC0, 0xFF}) {
            WalRecord r = WalRecord.decodeBody(bytes(42, op, 0x01, 0x02, 0x03));
            assertTrue(r.skippable());
            assertEquals(42, r.seq());
        }
    }

    @Test
    void malformedBodiesAreRejected() {
        assertEquals("SET record for key \"k\" has 2 unexpected trailing bytes",
                assertThrows(FormatException.class,
                        () -> WalRecord.decodeBody(bytes(0x01, 0x01, 0x01, 'k', 0x00, 0x00, 0x00))).getMessage());
        assertEquals("record has no opcode",
                assertThrows(FormatException.class, () -> WalRecord.decodeBody(bytes(0x01))).getMessage());
        assertEquals("malformed record sequence number",
                assertThrows(FormatException.class, () -> WalRecord.decodeBody(bytes())).getMessage());
        byte[] full = body(9, WalRecord.SET, "some_key", null, 0, "a longer string value");
        for (int cut = 0; cut < full.length; cut++) {
            byte[] part = Arrays.copyOf(full, cut);
            assertThrows(FormatException.class, () -> WalRecord.decodeBody(part), "cut at " + cut);
        }
    }

    @Test
    void refusesToWriteAnUnknownOpcode() {
        assertThrows(IllegalArgumentException.class, () -> body(1, 0x20, "k", null, 0, null));
    }
}

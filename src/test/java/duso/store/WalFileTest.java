package duso.store;

import static duso.store.CodecTest.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.errors.DusoError;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log on real files: its bytes, recovery after a crash (a fixture dropped
 * without its shutdown flush), and what torn and corrupted logs do.
 */
class WalFileTest {
    @TempDir
    Path dir;

    private Path wal() {
        return dir.resolve("data.duwal");
    }

    /** Writes a, b, c with a WAL-only store and "crashes"; returns the log's bytes. */
    private byte[] threeRecords(Object... extraOptions) throws IOException {
        StoreFixture f = new StoreFixture(dir);
        Object[] options = concat(new Object[] {"wal", "data.duwal"}, extraOptions);
        Store s = f.open("t", options);
        s.set("a", "first");
        s.set("b", "second");
        s.set("c", "third");
        f.crash();
        return Files.readAllBytes(wal());
    }

    private static Object[] concat(Object[] a, Object[] b) {
        Object[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private Store recover(Object... options) {
        return new StoreFixture(dir).open("t", options);
    }

    @Test
    void headerAndFirstFrameAreTheReferenceBytes() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        f.open("t", "wal", "data.duwal").set("k", "v");
        f.crash();
        byte[] expected = bytes('D', 'U', 'S', 'O', 'W', 'A', 'L', 0, 0x01, 0x00, 0x00, 0x00, 0, 0, 0, 0,
                0x07, 0, 0, 0, 0x55, 0xFE, 0xFD, 0x93, 0x01, 0x01, 0x01, 'k', 0x05, 0x01, 'v');
        assertArrayEquals(expected, Files.readAllBytes(wal()));
    }

    @Test
    void everyOperationIsReplayed() {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "wal", "data.duwal");
        s.set("plain", DusoArray.of(1.0, "x"));
        s.setOnce("once", true);
        s.setOnce("once", false);
        s.swap("swapped", 2.0);
        DusoObject patch = new DusoObject();
        patch.put("a", 1.0);
        s.update("obj", patch);
        s.increment("n", 5);
        s.increment("n", -1.5);
        s.push("q", "a", false);
        s.push("q", "b", false);
        s.push("q", "z", true);
        s.take("q", false, "shift");
        s.take("q", true, "pop");
        s.set("gone", 1.0);
        s.delete("gone");
        s.set("old", "moved");
        s.rename("old", "new");
        s.expire("new", 3600);
        String before = dump(s);
        f.crash();
        Store r = recover("wal", "data.duwal");
        assertEquals(before, dump(r));
        assertTrue(r.expiry.deadline("new") != null, "the deadline is replayed");
    }

    @Test
    void clearIsReplayed() {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "wal", "data.duwal");
        s.set("a", 1.0);
        s.clear();
        s.set("b", 2.0);
        f.crash();
        assertEquals("b=2", dump(recover("wal", "data.duwal")));
    }

    @Test
    void aTornTailAtAnyCutKeepsAnIntactPrefix() throws IOException {
        byte[] full = threeRecords();
        for (int cut = WalLog.HEADER; cut <= full.length; cut++) {
            Files.write(wal(), Arrays.copyOf(full, cut));
            Store r = recover("wal", "data.duwal");
            boolean a = r.exists("a");
            boolean b = r.exists("b");
            boolean c = r.exists("c");
            assertFalse(c && !b || b && !a, "cut at " + cut + " recovered a gap");
            if (cut == full.length) {
                assertTrue(c, "an intact log lost its last record");
            }
            assertTrue(Files.size(wal()) <= cut, "the torn tail was cut off the file");
        }
    }

    @Test
    void truncatingInsideARecordDropsOnlyThatRecord() throws IOException {
        byte[] full = threeRecords();
        Files.write(wal(), Arrays.copyOf(full, full.length - 3));
        Store r = recover("wal", "data.duwal");
        assertEquals("a=\"first\" b=\"second\"", dump(r));
        r.set("d", "fourth");
        Store again = new StoreFixture(dir).open("t", "wal", "data.duwal");
        assertEquals("a=\"first\" b=\"second\" d=\"fourth\"", dump(again), "appends after a torn tail are readable");
    }

    @Test
    void aFlippedByteMidLogIsFatal() throws IOException {
        byte[] full = threeRecords();
        full[WalLog.HEADER + WalLog.FRAME_HEADER + 2] ^= (byte) 0xFF;
        Files.write(wal(), full);
        DusoError e = assertThrows(DusoError.class, () -> recover("wal", "data.duwal"));
        String message = e.messageText();
        assertTrue(message.startsWith("datastore(\"t\"): failed to recover from WAL \"" + wal() + "\": WAL record at "
                + "offset 16 failed its checksum (want "), message);
        int firstRecordEnd = WalLog.HEADER + WalLog.FRAME_HEADER + (full[WalLog.HEADER] & 0xff);
        assertTrue(message.endsWith("with " + (full.length - firstRecordEnd) + " bytes of log after it — the log is "
                + "corrupt, not merely truncated"), message);
        assertArrayEquals(full, Files.readAllBytes(wal()), "a corrupt log is left as it is");
    }

    @Test
    void aFlippedByteInTheLastRecordIsATornTail() throws IOException {
        byte[] full = threeRecords();
        full[full.length - 1] ^= (byte) 0xFF;
        Files.write(wal(), full);
        assertEquals("a=\"first\" b=\"second\"", dump(recover("wal", "data.duwal")));
    }

    @Test
    void aRecordThatPassesItsChecksumButDoesNotDecodeIsFatal() throws IOException {
        threeRecords();
        byte[] body = bytes(0x04, 0x20);
        appendFrame(body);
        appendFrame(bytes(0x05, 0x03, 0x01, 'x'));
        DusoError e = assertThrows(DusoError.class, () -> recover("wal", "data.duwal"));
        assertTrue(e.messageText().endsWith("unknown WAL data opcode 0x20 — this file was written by a newer duso"),
                e.messageText());
    }

    @Test
    void controlRecordsAreSkipped() throws IOException {
        threeRecords();
        appendFrame(bytes(0x04, 0x90, 0x01, 0x02));
        appendFrame(bytes(0x05, 0x01, 0x01, 'd', 0x05, 0x01, 'D'));
        assertEquals("a=\"first\" b=\"second\" c=\"third\" d=\"D\"", dump(recover("wal", "data.duwal")));
    }

    @Test
    void recordsAtOrBelowTheSnapshotWatermarkAreNotReplayed() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap", "wal", "data.duwal");
        s.increment("n", 1);
        s.increment("n", 1);
        byte[] walBefore = Files.readAllBytes(wal());
        s.persistence.save(); // snapshot at seq 2, log restarted
        s.increment("n", 1);
        f.crash();
        // Put the two already-snapshotted records back in front, as a log that was never truncated.
        byte[] after = Files.readAllBytes(wal());
        byte[] merged = Arrays.copyOf(walBefore, walBefore.length + after.length - WalLog.HEADER);
        System.arraycopy(after, WalLog.HEADER, merged, walBefore.length, after.length - WalLog.HEADER);
        Files.write(wal(), merged);
        assertEquals("n=3", dump(recover("persist", "data.dusnap", "wal", "data.duwal")));
    }

    @Test
    void aLogHoldingOnlyAHeaderOrPartOfOneIsEmpty() throws IOException {
        threeRecords();
        byte[] header = Arrays.copyOf(Files.readAllBytes(wal()), WalLog.HEADER);
        Files.write(wal(), header);
        assertEquals("", dump(recover("wal", "data.duwal")));
        Files.write(wal(), Arrays.copyOf(header, 5));
        assertEquals("", dump(recover("wal", "data.duwal")));
    }

    @Test
    void readonlyReplaysWithoutTouchingTheFile() throws IOException {
        byte[] full = threeRecords();
        byte[] torn = Arrays.copyOf(full, full.length - 3);
        Files.write(wal(), torn);
        Store r = recover("wal", "data.duwal", "readonly", true);
        assertEquals("a=\"first\" b=\"second\"", dump(r));
        assertArrayEquals(torn, Files.readAllBytes(wal()));
    }

    @Test
    void encryptedLogsSealEachRecordAndTearTheSameWay() throws IOException {
        String key = java.util.Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        byte[] full = threeRecords("encrypt_key", key);
        assertEquals(1, full[10], "header flags: encrypted");
        assertFalse(new String(full, java.nio.charset.StandardCharsets.ISO_8859_1).contains("second"));
        for (int cut = WalLog.HEADER; cut <= full.length; cut++) {
            Files.write(wal(), Arrays.copyOf(full, cut));
            Store r = recover("wal", "data.duwal", "encrypt_key", key);
            if (cut == full.length) {
                assertEquals("a=\"first\" b=\"second\" c=\"third\"", dump(r));
            }
        }
        Files.write(wal(), full);
        DusoError noKey = assertThrows(DusoError.class, () -> recover("wal", "data.duwal"));
        assertTrue(noKey.messageText().endsWith("is encrypted but no encrypt_key is configured"), noKey.messageText());
    }

    @Test
    void aWalOnlyStoreKeepsItsLogAcrossRestarts() {
        StoreFixture first = new StoreFixture(dir);
        first.open("t", "wal", "data.duwal").set("a", 1.0);
        first.shutdown();
        StoreFixture second = new StoreFixture(dir);
        second.open("t", "wal", "data.duwal").set("b", 2.0);
        second.crash();
        assertEquals("a=1 b=2", dump(recover("wal", "data.duwal")));
    }

    @Test
    void syncEveryWriteModeWorks() {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "wal", "data.duwal", "wal_sync_interval", 0);
        for (int i = 0; i < 20; i++) {
            s.increment("n", 1);
        }
        f.crash();
        assertEquals("n=20", dump(recover("wal", "data.duwal")));
    }

    private void appendFrame(byte[] body) throws IOException {
        CRC32C crc = new CRC32C();
        crc.update(body);
        ByteWriter w = new ByteWriter(16);
        w.u32(body.length);
        w.u32(crc.getValue());
        w.bytes(body);
        Files.write(wal(), w.toByteArray(), java.nio.file.StandardOpenOption.APPEND);
    }

    /** The store's keys in order with their values, e.g. {@code a=1 b="x"}. */
    static String dump(Store s) {
        StringBuilder b = new StringBuilder();
        for (Object k : s.keys().toArray()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            Object v = s.get((String) k);
            b.append(k).append('=').append(v == Nil.NIL ? "nil" : Render.syntax(v));
        }
        return b.toString();
    }
}

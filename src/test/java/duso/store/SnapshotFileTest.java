package duso.store;

import static duso.store.CodecTest.bytes;
import static duso.store.WalFileTest.dump;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.errors.DusoError;
import duso.lang.values.BinaryValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Snapshot files: the reference's bytes, atomic replacement, recovery, encryption and damage. */
class SnapshotFileTest {
    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @TempDir
    Path dir;

    private Path snap() {
        return dir.resolve("data.dusnap");
    }

    @Test
    void bytesOfASmallSnapshot() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap");
        s.set("b", true);
        s.set("a", 1.0);
        s.persistence.save();
        byte[] expected = bytes('D', 'U', 'S', 'O', 'S', 'N', 'A', 'P', 0x01, 0x00, 0x00, 0x00, 0, 0, 0, 0,
                0, 0, 0, 0, 0, 0, 0, 0, // no WAL: watermark 0
                0x02, 0, 0, 0, 0x01, 'a', 0x04, 0x02, 0x01, 'b', 0x02, // keys in byte order
                0, 0, 0, 0); // no deadlines
        assertArrayEquals(expected, Files.readAllBytes(snap()));
    }

    @Test
    void theHeaderCarriesTheWalWatermarkAndDeadlinesFollowTheData() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap", "wal", "data.duwal");
        s.set("k", "v");
        s.set("j", "w");
        s.expire("k", 60);
        long deadline = s.expiry.deadline("k");
        s.persistence.save();
        byte[] raw = Files.readAllBytes(snap());
        assertEquals(3, raw[16], "three records logged: the watermark");
        byte[] tail = Arrays.copyOfRange(raw, raw.length - 14, raw.length);
        ByteWriter w = new ByteWriter(16);
        w.u32(1);
        w.rawString("k");
        w.u64(deadline);
        assertArrayEquals(w.toByteArray(), tail);
        assertEquals(WalLog.HEADER, Files.size(dir.resolve("data.duwal")), "the log restarts after a snapshot");
    }

    @Test
    void shutdownWritesASnapshotAndRestartsTheLog() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap", "wal", "data.duwal");
        s.set("a", 1.0);
        s.push("q", "x", false);
        s.expire("a", 3600);
        f.shutdown();
        assertEquals(WalLog.HEADER, Files.size(dir.resolve("data.duwal")));
        Store r = new StoreFixture(dir).open("t", "persist", "data.dusnap", "wal", "data.duwal");
        assertEquals("a=1 q=[\"x\"]", dump(r));
        assertTrue(r.expiry.deadline("a") != null, "deadlines survive");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp files left behind");
        }
    }

    @Test
    void snapshotPlusLogRecoverWritesMadeAfterTheSnapshot() {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap", "wal", "data.duwal");
        s.set("before", 1.0);
        s.persistence.save();
        s.set("after", 2.0);
        s.delete("before");
        f.crash();
        assertEquals("after=2", dump(new StoreFixture(dir).open("t", "persist", "data.dusnap", "wal", "data.duwal")));
    }

    @Test
    void binaryValuesPersist() {
        StoreFixture f = new StoreFixture(dir);
        f.open("t", "persist", "data.dusnap").set("img", new BinaryValue(bytes(0, 1, 2, 0xFF)));
        f.shutdown();
        Store r = new StoreFixture(dir).open("t", "persist", "data.dusnap");
        assertArrayEquals(bytes(0, 1, 2, 0xFF), ((BinaryValue) r.get("img")).data());
    }

    @Test
    void encryptedSnapshotsNeedTheirKey() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        f.open("t", "persist", "data.dusnap", "encrypt_key", KEY).set("secret", "plans");
        f.shutdown();
        byte[] raw = Files.readAllBytes(snap());
        assertEquals(1, raw[10], "flags: encrypted");
        assertFalse(new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).contains("plans"));
        assertEquals("secret=\"plans\"", dump(new StoreFixture(dir).open("t", "persist", "data.dusnap", "encrypt_key", KEY)));
        assertEquals("datastore(\"t\"): snapshot \"" + snap() + "\" is encrypted but no encrypt_key is configured",
                failure("persist", "data.dusnap"));
        String other = Base64.getEncoder().encodeToString("ffffffffffffffffffffffffffffffff".getBytes());
        assertEquals("datastore(\"t\"): decryption failed: authentication tag mismatch or corrupted data",
                failure("persist", "data.dusnap", "encrypt_key", other));
    }

    @Test
    void aPlaintextSnapshotRefusesAKey() {
        StoreFixture f = new StoreFixture(dir);
        f.open("t", "persist", "data.dusnap").set("a", 1.0);
        f.shutdown();
        assertEquals("datastore(\"t\"): snapshot \"" + snap() + "\" is not encrypted but an encrypt_key is configured",
                failure("persist", "data.dusnap", "encrypt_key", KEY));
    }

    @Test
    void damagedSnapshotsFailLoudly() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        f.open("t", "persist", "data.dusnap").set("a", "value");
        f.shutdown();
        byte[] raw = Files.readAllBytes(snap());
        byte[] future = raw.clone();
        future[8] = 2;
        Files.write(snap(), future);
        assertEquals("datastore(\"t\"): snapshot \"" + snap() + "\" was written by a newer duso (format version 2, "
                + "this build understands 1)", failure("persist", "data.dusnap"));
        Files.write(snap(), Arrays.copyOf(raw, 20));
        assertEquals("datastore(\"t\"): truncated snapshot header", failure("persist", "data.dusnap"));
        Files.write(snap(), Arrays.copyOf(raw, 26));
        assertEquals("datastore(\"t\"): truncated snapshot: missing key count", failure("persist", "data.dusnap"));
        Files.write(snap(), Arrays.copyOf(raw, raw.length - 2));
        assertEquals("datastore(\"t\"): truncated snapshot: missing expiry count", failure("persist", "data.dusnap"));
    }

    @Test
    void preVersionOneFilesAreRefusedWithAnExplanation() throws IOException {
        Files.write(snap(), bytes(0x0e, 0xff, 0x81, 0x04, 0x01));
        assertEquals("datastore(\"t\"): snapshot \"" + snap() + "\" is in the pre-1.7 (gob) format, which duso-jvm "
                + "cannot read; open the store once with the reference duso to rewrite it", failure("persist", "data.dusnap"));
    }

    @Test
    void saveFollowsASymlink() throws IOException {
        Path real = Files.createDirectory(dir.resolve("volume")).resolve("real.dusnap");
        Files.createSymbolicLink(snap(), real);
        StoreFixture f = new StoreFixture(dir);
        f.open("t", "persist", "data.dusnap").set("a", 1.0);
        f.shutdown();
        assertTrue(Files.isSymbolicLink(snap()), "the link is kept");
        assertTrue(Files.size(real) > SnapshotFormat.HEADER, "the target is written");
    }

    @Test
    void loadMergesTheFileIntoMemory() {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap");
        s.set("a", 1.0);
        s.persistence.save();
        s.set("a", 2.0);
        s.set("b", 3.0);
        s.persistence.load();
        assertEquals("a=1 b=3", dump(s));
    }

    @Test
    void readonlyStoresNeverWrite() throws IOException {
        StoreFixture f = new StoreFixture(dir);
        f.open("t", "persist", "data.dusnap", "wal", "data.duwal").set("a", 1.0);
        f.crash();
        byte[] wal = Files.readAllBytes(dir.resolve("data.duwal"));
        byte[] snapshot = Files.readAllBytes(snap());
        StoreFixture inspector = new StoreFixture(dir);
        Store r = inspector.open("view", "persist", "data.dusnap", "wal", "data.duwal", "readonly", true);
        assertEquals("a=1", dump(r));
        inspector.shutdown();
        assertArrayEquals(snapshot, Files.readAllBytes(snap()), "snapshot untouched");
        assertArrayEquals(wal, Files.readAllBytes(dir.resolve("data.duwal")), "log untouched");
    }

    private String failure(Object... options) {
        return assertThrows(DusoError.class, () -> new StoreFixture(dir).open("t", options)).messageText();
    }
}

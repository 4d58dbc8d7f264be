package duso.store;

import duso.lang.lexer.GoQuote;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.CRC32C;

/**
 * The open write-ahead log of one store. Each operation becomes a frame - u32 body length,
 * u32 CRC-32C of the body as stored, body (sealed when the store is encrypted) - written to
 * the file before the operation is applied and acknowledged, while the caller holds the
 * store's lock, so log order is memory order and a killed process has lost nothing it
 * acknowledged: the bytes are already the kernel's. Only fsync is batched
 * ({@code wal_sync_interval}); with an interval of 0 every write is fsynced before it returns.
 *
 * <p>While a snapshot is being written outside the store lock, frames are also captured in
 * memory; once the snapshot is in place the log is replaced (atomically) by a header plus the
 * captured frames, so truncation never drops a write the snapshot does not hold.
 */
final class WalLog {
    static final int HEADER = 16;
    static final int FRAME_HEADER = 8;
    static final byte[] MAGIC = {'D', 'U', 'S', 'O', 'W', 'A', 'L', 0};
    static final int VERSION = 1;
    static final int FLAG_ENCRYPTED = 1;

    private final Path path;
    private final StoreCipher cipher;
    private final boolean syncEachWrite;
    private ByteWriter frame = new ByteWriter(256);
    private final CRC32C crc = new CRC32C();
    /**
     * A plain stream, not a FileChannel: a channel is closed for everyone when a thread using
     * it is interrupted, and script threads are interrupted by kill() and shutdown.
     */
    private volatile FileOutputStream out;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private ByteWriter capture;

    private WalLog(Path path, StoreCipher cipher, boolean syncEachWrite, FileOutputStream out) {
        this.path = path;
        this.cipher = cipher;
        this.syncEachWrite = syncEachWrite;
        this.out = out;
    }

    /**
     * Opens the log for appending, creating it (with its header) when missing or empty; an
     * existing file must carry a header this build reads with this store's key.
     */
    static WalLog open(Path path, StoreCipher cipher, boolean syncEachWrite) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        if (Files.exists(path) && Files.size(path) > 0) {
            byte[] hdr = new byte[HEADER];
            int n;
            try (var in = Files.newInputStream(path)) {
                n = in.readNBytes(hdr, 0, HEADER);
            }
            if (n < HEADER && WalReplay.isHeaderPrefix(Arrays.copyOf(hdr, n))) {
                AtomicFiles.write(path, header(cipher != null), HEADER); // a crash while the log was created
            } else {
                checkHeader(hdr, n, path, cipher != null);
            }
        }
        FileOutputStream stream = new FileOutputStream(path.toFile(), true);
        try {
            if (Files.size(path) == 0) {
                stream.write(header(cipher != null));
                stream.getFD().sync();
            }
        } catch (IOException | RuntimeException e) {
            stream.close();
            throw e;
        }
        return new WalLog(path, cipher, syncEachWrite, stream);
    }

    static byte[] header(boolean encrypted) {
        ByteWriter w = new ByteWriter(HEADER);
        w.bytes(MAGIC);
        w.u16(VERSION);
        w.u16(encrypted ? FLAG_ENCRYPTED : 0);
        w.u32(0); // epoch: replication term, 0 for a store that never replicated
        return w.toByteArray();
    }

    /** Validates a header; returns whether record bodies are encrypted. */
    static boolean checkHeader(byte[] hdr, int length, Path path, boolean haveKey) {
        if (length < HEADER || !ByteReader.startsWith(hdr, length, MAGIC)) {
            throw new FormatException("not a duso WAL file");
        }
        int version = (hdr[8] & 0xff) | (hdr[9] & 0xff) << 8;
        if (version != VERSION) {
            throw new FormatException("WAL " + GoQuote.quote(path.toString()) + " was written by a newer duso (format version "
                    + version + ", this build understands " + VERSION + ")");
        }
        boolean encrypted = (hdr[10] & FLAG_ENCRYPTED) != 0;
        if (encrypted && !haveKey) {
            throw new FormatException("WAL " + GoQuote.quote(path.toString()) + " is encrypted but no encrypt_key is configured");
        }
        if (!encrypted && haveKey) {
            throw new FormatException("WAL " + GoQuote.quote(path.toString()) + " is not encrypted but an encrypt_key is configured");
        }
        return encrypted;
    }

    /**
     * Appends one operation. The caller holds the store lock. In batched mode, returns true
     * when this write is the first one not yet fsynced, so the caller schedules a sync.
     */
    boolean append(long seq, int op, String key, String key2, double num, Object value) throws IOException {
        ByteWriter w = frame;
        w.reset();
        w.u32(0);
        w.u32(0);
        WalRecord.encodeBody(w, seq, op, key, key2, num, value);
        if (cipher != null) {
            byte[] sealed = cipher.seal(w.array(), FRAME_HEADER, w.length() - FRAME_HEADER);
            w.truncate(FRAME_HEADER);
            w.bytes(sealed);
        }
        int bodyLength = w.length() - FRAME_HEADER;
        crc.reset();
        crc.update(w.array(), FRAME_HEADER, bodyLength);
        w.putU32At(0, bodyLength);
        w.putU32At(4, crc.getValue());
        FileOutputStream stream = out;
        if (stream == null) {
            throw new IOException("the log is closed");
        }
        stream.write(w.array(), 0, w.length());
        if (capture != null) {
            capture.bytes(w.array(), 0, w.length());
        }
        if (w.array().length > 1 << 20) {
            frame = new ByteWriter(256); // do not keep one huge value's buffer forever
        }
        if (syncEachWrite) {
            stream.getFD().sync();
            return false;
        }
        return !dirty.getAndSet(true);
    }

    /** Fsyncs what has been written. Safe from any thread; a log closed meanwhile is fine. */
    void sync() throws IOException {
        FileOutputStream stream = out;
        if (stream == null || !dirty.getAndSet(false)) {
            return;
        }
        try {
            stream.getFD().sync();
        } catch (IOException e) {
            if (stream == out) {
                throw e;
            }
            // replaced or closed meanwhile: the replacement was fsynced when it was written
        }
    }

    /** Starts keeping a copy of every frame written from now on (store lock held). */
    void beginCapture() {
        capture = new ByteWriter(4096);
    }

    /** Stops capturing without touching the file (the snapshot failed). */
    void endCapture() {
        capture = null;
    }

    /**
     * Replaces the log by a header plus the frames captured since {@link #beginCapture} (none
     * when not capturing), atomically, and continues appending to the new file. Store lock held.
     */
    void restart() throws IOException {
        ByteWriter content = new ByteWriter(HEADER + (capture == null ? 0 : capture.length()));
        content.bytes(header(cipher != null));
        if (capture != null) {
            content.bytes(capture.array(), 0, capture.length());
        }
        capture = null;
        AtomicFiles.write(path, content.array(), content.length());
        FileOutputStream old = out;
        out = new FileOutputStream(AtomicFiles.target(path.toAbsolutePath()).toFile(), true);
        dirty.set(false);
        if (old != null) {
            old.close();
        }
    }

    /** Closes without fsync (a simulated crash: written bytes are already the kernel's). */
    void abandon() {
        FileOutputStream stream = out;
        out = null;
        try {
            if (stream != null) {
                stream.close();
            }
        } catch (IOException e) {
            // nothing to keep
        }
    }

    /** Fsyncs and closes; later appends fail (the store stops logging). */
    void close() throws IOException {
        FileOutputStream stream = out;
        out = null;
        if (stream != null) {
            try {
                stream.getFD().sync();
            } finally {
                stream.close();
            }
        }
    }
}

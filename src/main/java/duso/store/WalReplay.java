package duso.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a write-ahead log back at recovery and hands each record past the snapshot's
 * watermark to the store. The log's framing decides what damage means:
 * <ul>
 *   <li>bytes missing at the end (short frame header, body running past the end of the file),
 *       or a bad checksum / failed decryption on the final record: the process died mid-write,
 *       the write was never acknowledged - a torn tail, dropped (and cut off the file unless
 *       the store is read-only);</li>
 *   <li>a bad checksum with more log after it: corruption inside the log, fatal;</li>
 *   <li>a checksum that passes but a body that does not decode: the writer's own bytes in a
 *       format we do not understand, fatal.</li>
 * </ul>
 */
final class WalReplay {
    /** Applies one record to the store; a FormatException names what was wrong with it. */
    interface Applier {
        void apply(WalRecord record);
    }

    /** What a replay consumed: the highest sequence seen, and where a torn tail began (-1 if none). */
    record Result(long maxSeq, long lastGood, long tornAt, int applied) {}

    private WalReplay() {}

    /**
     * Replays {@code path}. A missing or empty file replays nothing; a file holding only part
     * of a header (a crash while creating it) counts as empty.
     */
    static Result replay(Path path, StoreCipher cipher, long watermark, boolean readonly, Applier applier)
            throws IOException {
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            return new Result(watermark, 0, -1, 0);
        }
        if (size == 0) {
            return new Result(watermark, 0, -1, 0);
        }
        Result result;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
            byte[] hdr = in.readNBytes(WalLog.HEADER);
            if (hdr.length < WalLog.HEADER && isHeaderPrefix(hdr)) {
                return new Result(watermark, 0, -1, 0);
            }
            if (!ByteReader.startsWith(hdr, hdr.length, WalLog.MAGIC)) {
                throw new FormatException("WAL is in the pre-1.7 (gob) format, which duso-jvm cannot read;"
                        + " open the store once with the reference duso to rewrite it");
            }
            boolean encrypted = WalLog.checkHeader(hdr, hdr.length, path, cipher != null);
            result = records(in, size, encrypted ? cipher : null, watermark, applier);
        }
        if (result.tornAt >= 0 && !readonly) {
            try (RandomAccessFile f = new RandomAccessFile(path.toFile(), "rw")) {
                f.setLength(result.lastGood);
                f.getFD().sync();
            } catch (IOException e) {
                throw new IOException("failed to drop torn tail from WAL \"" + path + "\": " + e.getMessage(), e);
            }
        }
        return result;
    }

    /** A file shorter than a header that is the start of one: a crash while the log was created. */
    static boolean isHeaderPrefix(byte[] partial) {
        int n = Math.min(partial.length, WalLog.MAGIC.length);
        return ByteReader.startsWith(WalLog.MAGIC, n, java.util.Arrays.copyOf(partial, n));
    }

    private static Result records(InputStream in, long size, StoreCipher cipher, long watermark, Applier applier)
            throws IOException {
        long maxSeq = watermark;
        long offset = WalLog.HEADER;
        long lastGood = WalLog.HEADER;
        int applied = 0;
        CRC32C crc = new CRC32C();
        byte[] frame = new byte[WalLog.FRAME_HEADER];
        while (true) {
            long start = offset;
            int n = in.readNBytes(frame, 0, frame.length);
            if (n == 0) {
                return new Result(maxSeq, lastGood, -1, applied);
            }
            if (n < frame.length) {
                return new Result(maxSeq, lastGood, start, applied); // incomplete record header
            }
            offset += WalLog.FRAME_HEADER;
            long length = u32(frame, 0);
            long want = u32(frame, 4);
            if (length > size - offset) {
                return new Result(maxSeq, lastGood, start, applied); // body runs past the end
            }
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                return new Result(maxSeq, lastGood, start, applied);
            }
            offset += length;
            boolean last = offset >= size;
            crc.reset();
            crc.update(body, 0, body.length);
            long got = crc.getValue();
            if (got != want) {
                if (last) {
                    return new Result(maxSeq, lastGood, start, applied); // a half-flushed final write
                }
                throw new FormatException(String.format("WAL record at offset %d failed its checksum (want %08x, "
                        + "got %08x) with %d bytes of log after it — the log is corrupt, not merely truncated",
                        start, want, got, size - offset));
            }
            if (cipher != null) {
                try {
                    body = cipher.open(body);
                } catch (FormatException e) {
                    if (last) {
                        return new Result(maxSeq, lastGood, start, applied);
                    }
                    throw new FormatException("failed to decrypt WAL record at offset " + start + ": " + e.getMessage());
                }
            }
            WalRecord rec;
            try {
                rec = WalRecord.decodeBody(body);
            } catch (FormatException e) {
                throw new FormatException("WAL record at offset " + start + ": " + e.getMessage());
            }
            lastGood = offset;
            if (Long.compareUnsigned(rec.seq(), maxSeq) > 0) {
                maxSeq = rec.seq();
            }
            if (rec.skippable() || Long.compareUnsigned(rec.seq(), watermark) <= 0) {
                continue; // a control record, or already in the snapshot
            }
            try {
                applier.apply(rec);
            } catch (FormatException e) {
                throw new FormatException("WAL record at offset " + start + ": " + e.getMessage());
            }
            applied++;
        }
    }

    private static long u32(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16 | (b[off + 3] & 0xffL) << 24;
    }
}

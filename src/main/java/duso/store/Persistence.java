package duso.store;

import duso.lang.lexer.GoQuote;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.runtime.Args;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A store's files: the snapshot ({@code persist}) and the write-ahead log ({@code wal}).
 *
 * <p>Recovery loads the snapshot, replays the WAL records past its watermark, writes a fresh
 * snapshot and restarts the log (a read-only store only reads). Saving encodes the state
 * under the store lock, writes the file outside it (temp file, fsync, rename), then restarts
 * the log with just the records written meanwhile, so a crash at any point leaves a
 * snapshot plus a log that together hold every acknowledged write. A store with a WAL but
 * no snapshot keeps its whole log: truncating it, as the reference does after recovery,
 * would lose everything at the next crash.
 */
final class Persistence {
    private final Store store;
    private final Path persistPath;
    private final Path walPath;
    private final StoreCipher cipher;
    private final boolean readonly;
    private final boolean syncEachWrite;
    private final ReentrantLock fileLock = new ReentrantLock();

    Persistence(Store store, Path persistPath, Path walPath, StoreCipher cipher, boolean readonly, boolean syncEachWrite) {
        this.store = store;
        this.persistPath = persistPath;
        this.walPath = walPath;
        this.cipher = cipher;
        this.readonly = readonly;
        this.syncEachWrite = syncEachWrite;
    }

    boolean hasSnapshot() {
        return persistPath != null;
    }

    private String ns() {
        return GoQuote.quote(store.namespace);
    }

    // ---- recovery ----------------------------------------------------------------------------

    /** Runs at configuration, store lock held. Any failure fails datastore(): better than starting empty. */
    void recover() {
        if (persistPath != null) {
            SnapshotFormat.Contents c;
            try {
                c = readSnapshot();
            } catch (FormatException e) {
                throw Args.error("datastore(" + ns() + "): " + e.getMessage());
            }
            if (c != null) {
                store.data = c.data();
                store.expiry.clear();
                applyExpiry(c.expiry());
                store.seq = c.seq();
            }
        }
        if (walPath != null) {
            try {
                WalReplay.Result r = WalReplay.replay(walPath, cipher, store.seq, readonly, rec -> replay(store, rec));
                store.seq = r.maxSeq();
                if (!readonly && persistPath != null) {
                    writeSnapshot(SnapshotFormat.encode(store.data, store.expiry.all(), store.seq, cipher));
                    AtomicFiles.write(walPath, WalLog.header(cipher != null), WalLog.HEADER);
                }
            } catch (IOException | FormatException e) {
                throw Args.error("datastore(" + ns() + "): failed to recover from WAL " + GoQuote.quote(walPath.toString())
                        + ": " + e.getMessage());
            }
            if (!readonly) {
                try {
                    store.wal = WalLog.open(walPath, cipher, syncEachWrite);
                } catch (IOException | FormatException e) {
                    throw Args.error("datastore(" + ns() + "): failed to open WAL " + GoQuote.quote(walPath.toString())
                            + " for writes: " + e.getMessage());
                }
            }
        }
        if (!store.expiry.isEmpty()) {
            store.scheduleSweep();
        }
    }

    /** The snapshot's contents, or null when there is no file yet. */
    private SnapshotFormat.Contents readSnapshot() {
        byte[] raw;
        try {
            raw = Files.readAllBytes(persistPath);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new FormatException("cannot read " + GoQuote.quote(persistPath.toString()) + ": " + e.getMessage());
        }
        return SnapshotFormat.decode(raw, persistPath, cipher);
    }

    /** Deadlines for keys the data holds; passed ones stay, for the sweep to remove and log. */
    private void applyExpiry(Map<String, Long> deadlines) {
        for (Map.Entry<String, Long> e : deadlines.entrySet()) {
            if (store.data.containsKey(e.getKey())) {
                store.expiry.set(e.getKey(), e.getValue());
            }
        }
    }

    /** Applies one logged operation to memory, bypassing the logging write path. */
    static void replay(Store s, WalRecord rec) {
        String key = rec.key();
        switch (rec.op()) {
            case WalRecord.SET, WalRecord.SET_ONCE, WalRecord.SWAP -> s.data.put(key, rec.value());
            case WalRecord.DELETE, WalRecord.EXPIRED -> {
                s.data.remove(key);
                s.expiry.remove(key);
            }
            case WalRecord.CLEAR -> {
                s.data.clear();
                s.expiry.clear();
            }
            case WalRecord.UPDATE -> {
                if (!(rec.value() instanceof DusoObject patch)) {
                    throw new FormatException("UPDATE record for key " + GoQuote.quote(key) + " carries a non-object patch");
                }
                DusoObject target = s.data.get(key) instanceof DusoObject o ? o : new DusoObject();
                Store.merge(target, patch);
                s.data.put(key, target);
            }
            case WalRecord.INCR -> {
                Object current = s.data.get(key);
                if (current != null && !(current instanceof Double)) {
                    throw new FormatException("INCR record for key " + GoQuote.quote(key) + " applies to a non-numeric value");
                }
                s.data.put(key, (current == null ? 0.0 : (Double) current) + rec.num());
            }
            case WalRecord.RENAME -> {
                if (s.data.containsKey(key)) {
                    s.data.put(rec.key2(), s.data.remove(key));
                    Long deadline = s.expiry.deadline(key);
                    if (deadline != null) {
                        s.expiry.remove(key);
                        s.expiry.set(rec.key2(), deadline);
                    }
                }
            }
            case WalRecord.EXPIRE -> {
                if (s.data.containsKey(key)) {
                    s.expiry.set(key, (long) rec.num());
                }
            }
            case WalRecord.PUSH, WalRecord.UNSHIFT -> {
                DusoArray array = s.data.get(key) instanceof DusoArray a ? a : new DusoArray();
                if (rec.op() == WalRecord.PUSH) {
                    array.add(rec.value());
                } else {
                    array.insertFirst(rec.value());
                }
                s.data.put(key, array);
            }
            case WalRecord.SHIFT, WalRecord.POP -> {
                if (s.data.get(key) instanceof DusoArray a && !a.isEmpty()) {
                    if (rec.op() == WalRecord.SHIFT) {
                        a.removeFirst();
                    } else {
                        a.removeLast();
                    }
                }
            }
            default -> throw new FormatException(String.format("unhandled WAL opcode 0x%02X", rec.op()));
        }
    }

    // ---- save / load / shutdown ----------------------------------------------------------------

    /** save(): snapshot now, then restart the log. */
    void save() {
        if (persistPath == null) {
            throw Args.error("datastore " + ns() + " has no persist path configured");
        }
        fileLock.lock();
        try {
            byte[] snapshot;
            store.lock.lock();
            try {
                snapshot = SnapshotFormat.encode(store.data, store.expiry.all(), store.seq, cipher);
                if (store.wal != null) {
                    store.wal.beginCapture();
                }
            } finally {
                store.lock.unlock();
            }
            try {
                writeSnapshot(snapshot);
            } catch (IOException e) {
                store.lock.lock();
                try {
                    if (store.wal != null) {
                        store.wal.endCapture();
                    }
                } finally {
                    store.lock.unlock();
                }
                throw Args.error("failed to save datastore " + ns() + ": " + e.getMessage());
            }
            store.lock.lock();
            try {
                if (store.wal != null) {
                    store.wal.restart();
                }
            } catch (IOException e) {
                store.registryWarn("warning: failed to truncate WAL for " + ns() + ": " + e.getMessage());
            } finally {
                store.lock.unlock();
            }
        } finally {
            fileLock.unlock();
        }
    }

    private void writeSnapshot(byte[] snapshot) throws IOException {
        AtomicFiles.write(persistPath, snapshot, snapshot.length);
    }

    /** load(): merges the snapshot's keys into memory (keys it does not mention stay). */
    void load() {
        if (persistPath == null) {
            throw Args.error("datastore " + ns() + " has no persist path configured");
        }
        fileLock.lock();
        try {
            SnapshotFormat.Contents c;
            try {
                c = readSnapshot();
            } catch (FormatException e) {
                throw Args.error("datastore(" + ns() + "): " + e.getMessage());
            }
            if (c == null) {
                return;
            }
            store.lock.lock();
            try {
                store.data.putAll(c.data());
                applyExpiry(c.expiry());
                if (Long.compareUnsigned(c.seq(), store.seq) > 0) {
                    store.seq = c.seq();
                }
                store.changedAll();
                store.scheduleSweep();
            } finally {
                store.lock.unlock();
            }
        } finally {
            fileLock.unlock();
        }
    }

    /** At shutdown: a final snapshot (which restarts the log), then the log synced and closed. */
    void shutdown() {
        if (readonly) {
            return;
        }
        RuntimeException failure = null;
        if (persistPath != null) {
            try {
                save();
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        store.lock.lock();
        try {
            WalLog w = store.wal;
            store.wal = null;
            if (w != null) {
                w.close();
            }
        } catch (IOException e) {
            failure = Args.error("failed to close WAL: " + e.getMessage());
        } finally {
            store.lock.unlock();
        }
        if (failure != null) {
            throw failure;
        }
    }
}

package duso.store;

import duso.lang.errors.DusoError;
import duso.lang.lexer.GoQuote;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.Args;
import duso.runtime.ScriptInstance;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One namespace's key/value data, shared by every script that opens it. Every operation runs
 * under the store's lock, so each is atomic; values are deep-copied on the way in and the
 * way out (a value the store has just removed is handed over as is: nothing else holds it).
 * Keys keep insertion order, which is what keys() and select() walk.
 *
 * <p>Writes are logged to the WAL (when there is one) inside the lock and before they are
 * applied, so log order is memory order and a failed log write leaves memory untouched.
 * Blocked waiters park on one condition per key they watch (see {@link Waits}); every change
 * to a key signals that key's condition. A key whose deadline has passed is removed when it
 * is next read, and by the sweep scheduled for its deadline.
 */
public final class Store {
    static final long DEFAULT_MAX_VALUE_SIZE = 64L * 1024 * 1024;

    final String namespace;
    final ReentrantLock lock = new ReentrantLock();
    LinkedHashMap<String, Object> data = new LinkedHashMap<>();
    final Expiry expiry = new Expiry();
    /** Who is parked on which key; every change to a key goes through {@link #changed}. */
    final Waiters waiters;
    private final StoreRegistry registry;
    /** Bumped by every change; a predicate wait re-checks when it moved during the call. */
    long version;
    /** Sequence number of the last WAL record written or recovered (the snapshot watermark). */
    long seq;
    volatile WalLog wal;
    private long walSyncNanos;
    private long sweepAt = Long.MAX_VALUE;

    volatile boolean readonly;
    volatile boolean returnDeletedValue = true;
    volatile long maxValueSize = DEFAULT_MAX_VALUE_SIZE;
    /** Set once configuration (and recovery) has run; see {@link StoreConfig}. */
    boolean configured;
    volatile Persistence persistence;

    Store(String namespace, StoreRegistry registry) {
        this.namespace = namespace;
        this.registry = registry;
        this.waiters = new Waiters(lock);
    }

    public String namespace() {
        return namespace;
    }

    public boolean isReadonly() {
        return readonly;
    }

    private volatile DusoObject methods;

    /**
     * Applies a configuration object (the options of {@code datastore(ns, config)}) and runs
     * recovery; relative paths resolve against the instance's directory. Once per store.
     */
    public Store configure(DusoObject config, ScriptInstance instance) {
        StoreConfig.configure(this, config, instance);
        return this;
    }

    /** A fresh script object whose methods operate on this store (what datastore() returns). */
    public DusoObject handle() {
        DusoObject m = methods;
        if (m == null) {
            m = StoreMethods.build(this);
            methods = m;
        }
        return m.shallowCopy();
    }

    // ---- single-key operations ---------------------------------------------------------------

    public void set(String key, Object value) {
        checkSize("set", key, value);
        Object stored = DeepCopy.copy(value);
        lock.lock();
        try {
            log(WalRecord.SET, key, null, 0, stored);
            data.put(key, stored);
            changed(key);
        } finally {
            lock.unlock();
        }
    }

    /** Stores the value only when the key is absent; true when it did. */
    public boolean setOnce(String key, Object value) {
        checkSize("set_once", key, value);
        Object stored = DeepCopy.copy(value);
        lock.lock();
        try {
            expireIfDue(key);
            if (data.containsKey(key)) {
                return false;
            }
            log(WalRecord.SET_ONCE, key, null, 0, stored);
            data.put(key, stored);
            changed(key);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** A copy of the value, or nil when the key is absent (or just expired). */
    public Object get(String key) {
        lock.lock();
        try {
            expireIfDue(key);
            Object v = data.get(key);
            return v == null ? Nil.NIL : DeepCopy.copy(v);
        } finally {
            lock.unlock();
        }
    }

    /** Stores the value and returns the one it replaced (nil when there was none). */
    public Object swap(String key, Object value) {
        checkSize("swap", key, value);
        Object stored = DeepCopy.copy(value);
        lock.lock();
        try {
            log(WalRecord.SWAP, key, null, 0, stored);
            expireIfDue(key);
            Object old = data.put(key, stored);
            changed(key);
            return old == null ? Nil.NIL : old;
        } finally {
            lock.unlock();
        }
    }

    /** Deep-merges the patch into the object at key (nil deletes a field); returns a copy of the result. */
    public Object update(String key, Object patch) {
        checkSize("update", key, patch);
        lock.lock();
        try {
            expireIfDue(key);
            Object current = data.get(key);
            if (current != null && !(current instanceof DusoObject)) {
                throw Args.error("update() cannot operate on non-object value at key " + GoQuote.quote(key));
            }
            if (!(patch instanceof DusoObject p)) {
                throw Args.error("update() updates argument must be an object");
            }
            log(WalRecord.UPDATE, key, null, 0, p);
            DusoObject target = current == null ? new DusoObject() : (DusoObject) current;
            merge(target, p);
            data.put(key, target);
            changed(key);
            return DeepCopy.copy(target);
        } finally {
            lock.unlock();
        }
    }

    /** update()'s merge, also used by replay: nested objects merge, nil deletes, the rest is copied in. */
    static void merge(DusoObject target, DusoObject patch) {
        for (Map.Entry<String, Object> e : patch.entries()) {
            Object v = e.getValue();
            if (v == Nil.NIL) {
                target.remove(e.getKey());
            } else if (v instanceof DusoObject nested && target.getOrNull(e.getKey()) instanceof DusoObject inner) {
                merge(inner, nested);
            } else {
                target.put(e.getKey(), DeepCopy.copy(v));
            }
        }
    }

    /** Adds delta to the number at key (a missing key counts as 0); returns the new value. */
    public double increment(String key, double delta) {
        lock.lock();
        try {
            expireIfDue(key);
            Object current = data.get(key);
            double base = 0;
            if (current != null) {
                if (!(current instanceof Double d)) {
                    throw Args.error("increment() cannot operate on non-numeric value at key " + GoQuote.quote(key));
                }
                base = d;
            }
            double result = base + delta;
            log(WalRecord.INCR, key, null, delta, null);
            data.put(key, result);
            changed(key);
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Appends (or, with {@code front}, prepends) a copy of item; returns the new length. */
    public double push(String key, Object item, boolean front) {
        String op = front ? "unshift" : "push";
        checkSize(op, key, item);
        Object stored = DeepCopy.copy(item);
        lock.lock();
        try {
            expireIfDue(key);
            Object current = data.get(key);
            if (current != null && !(current instanceof DusoArray)) {
                throw Args.error(op + "() cannot operate on non-array value at key " + GoQuote.quote(key));
            }
            log(front ? WalRecord.UNSHIFT : WalRecord.PUSH, key, null, 0, stored);
            DusoArray array = current == null ? new DusoArray(4) : (DusoArray) current;
            if (front) {
                array.insertFirst(stored);
            } else {
                array.add(stored);
            }
            if (current == null) {
                data.put(key, array);
            }
            changed(key);
            return array.size();
        } finally {
            lock.unlock();
        }
    }

    /** Removes the first (or last) element; nil when the array is empty. {@code op} names errors. */
    public Object take(String key, boolean last, String op) {
        lock.lock();
        try {
            if (expireIfDue(key) || !data.containsKey(key)) {
                throw Args.error(op + "() key " + GoQuote.quote(key) + " does not exist");
            }
            if (!(data.get(key) instanceof DusoArray array)) {
                throw Args.error(op + "() cannot operate on non-array value at key " + GoQuote.quote(key));
            }
            return array.isEmpty() ? Nil.NIL : takeFrom(key, array, last);
        } finally {
            lock.unlock();
        }
    }

    /** Logs and removes an element of a non-empty stored array (lock held). */
    Object takeFrom(String key, DusoArray array, boolean last) {
        log(last ? WalRecord.POP : WalRecord.SHIFT, key, null, 0, null);
        Object item = last ? array.removeLast() : array.removeFirst();
        changed(key);
        return item;
    }

    /** Removes the key; returns its value, or nil when absent or return_deleted_value is off. */
    public Object delete(String key) {
        lock.lock();
        try {
            log(WalRecord.DELETE, key, null, 0, null);
            Object old = data.remove(key);
            expiry.remove(key);
            changed(key);
            return old == null || !returnDeletedValue ? Nil.NIL : old;
        } finally {
            lock.unlock();
        }
    }

    public void clear() {
        lock.lock();
        try {
            log(WalRecord.CLEAR, "", null, 0, null);
            data = new LinkedHashMap<>();
            expiry.clear();
            changedAll();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the key is present. Like the reference, a passed deadline is left to the sweep. */
    public boolean exists(String key) {
        lock.lock();
        try {
            return data.containsKey(key);
        } finally {
            lock.unlock();
        }
    }

    /** Moves a value (and its deadline) to a new key; the old must exist, the new must not. */
    public void rename(String oldKey, String newKey) {
        lock.lock();
        try {
            if (expireIfDue(oldKey) || !data.containsKey(oldKey)) {
                throw Args.error("rename() old key " + GoQuote.quote(oldKey) + " does not exist");
            }
            expireIfDue(newKey);
            if (data.containsKey(newKey)) {
                throw Args.error("rename() new key " + GoQuote.quote(newKey) + " already exists");
            }
            log(WalRecord.RENAME, oldKey, newKey, 0, null);
            data.put(newKey, data.remove(oldKey));
            Long deadline = expiry.deadline(oldKey);
            if (deadline != null) {
                expiry.remove(oldKey);
                expiry.set(newKey, deadline);
            }
            changed(oldKey);
            changed(newKey);
        } finally {
            lock.unlock();
        }
    }

    /** Gives an existing key a time to live in seconds (fractions honoured), replacing any earlier one. */
    public void expire(String key, double ttlSeconds) {
        lock.lock();
        try {
            if (expireIfDue(key) || !data.containsKey(key)) {
                throw Args.error("expire() key " + GoQuote.quote(key) + " does not exist");
            }
            double millis = Math.ceil(ttlSeconds * 1000);
            long deadline = System.currentTimeMillis() + (long) Math.max(-1e15, Math.min(1e15, millis));
            log(WalRecord.EXPIRE, key, null, deadline, null);
            expiry.set(key, deadline);
            scheduleSweep();
        } finally {
            lock.unlock();
        }
    }

    public DusoArray keys() {
        lock.lock();
        try {
            return DusoArray.copyOf(data.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** The keys as they are now, for scans that then visit each key under a short lock. */
    List<String> keySnapshot() {
        lock.lock();
        try {
            return new ArrayList<>(data.keySet());
        } finally {
            lock.unlock();
        }
    }

    /** A copy of the value at key, or Java null when the key is gone. */
    Object copyOrNull(String key) {
        lock.lock();
        try {
            Object v = data.get(key);
            return v == null ? null : DeepCopy.copy(v);
        } finally {
            lock.unlock();
        }
    }

    // ---- internals (lock held) ---------------------------------------------------------------

    private void checkSize(String op, String key, Object value) {
        long limit = maxValueSize;
        if (limit <= 0) {
            return;
        }
        long size = ValueSize.of(value, limit);
        if (size > limit) {
            throw Args.error(op + "(" + GoQuote.quote(key) + "): value is " + size + " bytes, over the " + limit
                    + "-byte max_value_size for datastore " + GoQuote.quote(namespace));
        }
    }

    /** Writes the operation to the WAL, if the store has one; a failure leaves memory untouched. */
    void log(int op, String key, String key2, double num, Object value) {
        WalLog w = wal;
        if (w == null) {
            return;
        }
        long next = seq + 1;
        try {
            if (w.append(next, op, key, key2, num, value)) {
                registry.schedule(this::syncWal, walSyncNanos);
            }
        } catch (IOException e) {
            throw Args.error("failed to write WAL record for key " + GoQuote.quote(key) + ": " + e.getMessage());
        }
        seq = next;
    }

    /** Removes the key when its deadline has passed (logged as EXPIRED); true when it did. */
    boolean expireIfDue(String key) {
        if (expiry.isEmpty() || !expiry.isDue(key, System.currentTimeMillis())) {
            return false;
        }
        try {
            log(WalRecord.EXPIRED, key, null, 0, null);
        } catch (DusoError e) {
            return false; // keep the key rather than let memory and log disagree
        }
        data.remove(key);
        expiry.remove(key);
        changed(key);
        return true;
    }

    void changed(String key) {
        version++;
        waiters.signal(key);
    }

    void changedAll() {
        version++;
        waiters.signalAll();
    }

    void registryWarn(String message) {
        registry.warn(message);
    }

    StoreRegistry registry() {
        return registry;
    }

    void setWalSync(long nanos) {
        walSyncNanos = nanos;
    }

    private void syncWal() {
        WalLog w = wal;
        if (w != null) {
            try {
                w.sync();
            } catch (IOException e) {
                registry.warn("datastore " + GoQuote.quote(namespace) + ": failed to sync WAL: " + e.getMessage());
            }
        }
    }

    /** Makes sure a sweep runs at the earliest deadline (lock held). */
    void scheduleSweep() {
        long next = expiry.next();
        if (next < sweepAt) {
            sweepAt = next;
            long delay = Math.max(0, next - System.currentTimeMillis());
            registry.schedule(this::sweep, delay * 1_000_000L);
        }
    }

    /** Removes every key whose deadline has passed, then schedules the next sweep. */
    void sweep() {
        lock.lock();
        try {
            sweepAt = Long.MAX_VALUE;
            long now = System.currentTimeMillis();
            List<String> due = expiry.takeDue(now);
            for (int i = 0; i < due.size(); i++) {
                String key = due.get(i);
                try {
                    log(WalRecord.EXPIRED, key, null, 0, null);
                } catch (DusoError e) {
                    for (int j = i; j < due.size(); j++) {
                        expiry.set(due.get(j), now); // keep them; try again in a second
                    }
                    sweepAt = now + 1000;
                    registry.schedule(this::sweep, 1_000_000_000L);
                    return;
                }
                data.remove(key);
                changed(key);
            }
            if (!expiry.isEmpty()) {
                scheduleSweep();
            }
        } finally {
            lock.unlock();
        }
    }
}

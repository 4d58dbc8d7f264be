package duso.store;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The scripts parked in a store's blocking calls, by key: one condition on the store lock per
 * watched key, made when the first waiter arrives and dropped when the last one leaves, so a
 * write to a key nobody watches costs one empty-map check. Guarded by the store lock.
 */
final class Waiters {
    /** The waiters parked on one key: their condition and how many share it. */
    static final class OnKey {
        final Condition condition;
        int count;

        OnKey(Condition condition) {
            this.condition = condition;
        }
    }

    private final ReentrantLock lock;
    private final Map<String, OnKey> byKey = new HashMap<>();

    Waiters(ReentrantLock lock) {
        this.lock = lock;
    }

    OnKey enter(String key) {
        OnKey w = byKey.computeIfAbsent(key, k -> new OnKey(lock.newCondition()));
        w.count++;
        return w;
    }

    void leave(String key, OnKey w) {
        if (--w.count == 0) {
            byKey.remove(key, w);
        }
    }

    /** How many callers are parked on the key right now. */
    int waiting(String key) {
        OnKey w = byKey.get(key);
        return w == null ? 0 : w.count;
    }

    void signal(String key) {
        if (!byKey.isEmpty()) {
            OnKey w = byKey.get(key);
            if (w != null) {
                w.condition.signalAll();
            }
        }
    }

    void signalAll() {
        for (OnKey w : byKey.values()) {
            w.condition.signalAll();
        }
    }
}

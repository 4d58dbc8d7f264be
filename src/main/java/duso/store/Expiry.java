package duso.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Key deadlines (absolute unix milliseconds, as the snapshot and WAL store them): a map for
 * "does this key expire, and when", and a min-heap for "what expires next". A re-expired or
 * deleted key leaves its old heap entry behind; entries that no longer match the map are
 * skipped when they reach the top. Guarded by the owning store's lock.
 */
final class Expiry {
    private record Entry(String key, long deadline) {}

    private final Map<String, Long> deadlines = new HashMap<>();
    private final PriorityQueue<Entry> heap = new PriorityQueue<>((a, b) -> Long.compare(a.deadline, b.deadline));

    void set(String key, long deadline) {
        deadlines.put(key, deadline);
        heap.add(new Entry(key, deadline));
    }

    /** The key's deadline, or null when it has none. */
    Long deadline(String key) {
        return deadlines.isEmpty() ? null : deadlines.get(key);
    }

    boolean isDue(String key, long now) {
        Long d = deadline(key);
        return d != null && d <= now;
    }

    void remove(String key) {
        if (!deadlines.isEmpty()) {
            deadlines.remove(key);
        }
    }

    void clear() {
        deadlines.clear();
        heap.clear();
    }

    boolean isEmpty() {
        return deadlines.isEmpty();
    }

    /** Every deadline, for snapshots. */
    Map<String, Long> all() {
        return deadlines;
    }

    /** The earliest live deadline, or Long.MAX_VALUE; drops stale heap entries on the way. */
    long next() {
        while (!heap.isEmpty()) {
            Entry top = heap.peek();
            Long live = deadlines.get(top.key);
            if (live != null && live == top.deadline) {
                return top.deadline;
            }
            heap.poll();
        }
        return Long.MAX_VALUE;
    }

    /** Removes and returns the keys whose deadline is at or before {@code now}. */
    List<String> takeDue(long now) {
        List<String> due = new ArrayList<>();
        while (next() <= now) {
            Entry e = heap.poll();
            deadlines.remove(e.key);
            due.add(e.key);
        }
        return due;
    }
}

package duso.store;

import static duso.store.WalFileTest.dump;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.errors.DusoError;
import duso.lang.nodes.Builtin;
import duso.lang.nodes.CallArgs;
import duso.lang.nodes.Interp;
import duso.lang.values.DusoObject;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomicity and blocking across threads, and crash recovery of what concurrent writers did. */
class StoreConcurrencyTest {
    @TempDir
    Path dir;

    private static void runAll(int threads, Runnable body) throws InterruptedException {
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            all.add(Thread.ofVirtual().start(body));
        }
        for (Thread t : all) {
            t.join();
        }
    }

    @Test
    void concurrentIncrementsAreExactAndRecoverExactly() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap", "wal", "data.duwal");
        runAll(8, () -> {
            for (int i = 0; i < 5000; i++) {
                s.increment("n", 1);
            }
        });
        assertEquals(40000.0, s.get("n"));
        f.crash();
        assertEquals("n=40000", dump(new StoreFixture(dir).open("t", "persist", "data.dusnap", "wal", "data.duwal")));
    }

    @Test
    void snapshotsDuringConcurrentWritesLoseNothing() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "persist", "data.dusnap", "wal", "data.duwal");
        Thread saver = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                s.persistence.save();
            }
        });
        runAll(4, () -> {
            for (int i = 0; i < 3000; i++) {
                s.increment("n", 1);
                s.push("q", (double) i, false);
            }
        });
        saver.interrupt();
        saver.join();
        f.crash();
        Store r = new StoreFixture(dir).open("t", "persist", "data.dusnap", "wal", "data.duwal");
        assertEquals(12000.0, r.get("n"));
        assertEquals(12000.0, (double) ((duso.lang.values.DusoArray) r.get("q")).size());
    }

    @Test
    void interruptingAWritingThreadDoesNotBreakTheLogForOthers() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "wal", "data.duwal");
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 20000; i++) {
                s.increment("n", 1);
            }
        });
        for (int i = 0; i < 20; i++) {
            writer.interrupt();
            Thread.sleep(1);
        }
        writer.join();
        s.increment("n", 1);
        f.crash();
        assertEquals("n=20001", dump(new StoreFixture(dir).open("t", "wal", "data.duwal")));
    }

    @Test
    void aThousandWaitersAreReleasedByOneSet() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        int n = 1000;
        CountDownLatch released = new CountDownLatch(n);
        AtomicInteger wrong = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            Thread.ofVirtual().start(() -> {
                Object v = Waits.await(s, f.interp(), "go", true, "now", null, 0);
                if (!"now".equals(v)) {
                    wrong.incrementAndGet();
                }
                released.countDown();
            });
        }
        Thread.sleep(200);
        assertEquals(n, released.getCount(), "nobody is released early");
        s.set("go", "now");
        assertTrue(released.await(10, TimeUnit.SECONDS), "all released");
        assertEquals(0, wrong.get());
    }

    @Test
    void blockingConsumersTakeEveryItemExactlyOnce() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "wal", "data.duwal");
        Set<Object> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        List<Thread> consumers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            consumers.add(Thread.ofVirtual().start(() -> {
                Interp in = f.interp();
                while (true) {
                    Object item = Waits.take(s, in, "jobs", false, "shift_wait", 2_000_000_000L);
                    if (item == Nil.NIL || "stop".equals(item)) {
                        return;
                    }
                    if (!seen.add(item)) {
                        duplicates.incrementAndGet();
                    }
                }
            }));
        }
        runAll(3, () -> {
            for (int i = 0; i < 1000; i++) {
                s.push("jobs", Thread.currentThread().threadId() + ":" + i, false);
            }
        });
        for (int c = 0; c < 4; c++) {
            s.push("jobs", "stop", false);
        }
        for (Thread t : consumers) {
            t.join();
        }
        assertEquals(3000, seen.size());
        assertEquals(0, duplicates.get());
        f.crash();
        assertEquals("jobs=[]", dump(new StoreFixture(dir).open("t", "wal", "data.duwal")), "consumed items stay consumed");
    }

    @Test
    void anInterruptEndsABlockedWaitWithItsReason() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        Interp in = f.interp();
        Object[] outcome = new Object[1];
        Thread waiter = Thread.ofVirtual().start(() -> {
            try {
                Waits.await(s, in, "never", true, "x", null, 0);
            } catch (DusoError e) {
                outcome[0] = e.messageText();
            }
        });
        Thread.sleep(100);
        long start = System.nanoTime();
        in.interrupt("killed");
        waiter.join(5000);
        assertEquals("killed", outcome[0]);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "woken at once, not at a timeout");
        Interp other = new StoreFixture(dir).interp(); // another instance: a stop is per instance
        Thread taker = Thread.ofVirtual().start(() -> {
            try {
                Waits.take(s, other, "q", false, "shift_wait", 0);
            } catch (DusoError e) {
                outcome[0] = "take: " + e.messageText();
            }
        });
        Thread.sleep(100);
        other.interrupt("interrupted");
        taker.join(5000);
        assertEquals("take: interrupted", outcome[0]);
    }

    @Test
    void timeoutsHonourFractionsOfASecond() {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        s.set("k", "a");
        long start = System.nanoTime();
        DusoError e = assertThrows(DusoError.class, () -> Waits.await(s, f.interp(), "k", true, "b", null, 300_000_000L));
        double waited = (System.nanoTime() - start) / 1e9;
        assertEquals("wait() timeout exceeded for key \"k\"", e.messageText());
        assertTrue(waited >= 0.29 && waited < 1.0, "waited " + waited);
        start = System.nanoTime();
        assertEquals(Nil.NIL, Waits.take(s, f.interp(), "q", true, "pop_wait", 150_000_000L));
        waited = (System.nanoTime() - start) / 1e9;
        assertTrue(waited >= 0.14 && waited < 1.0, "waited " + waited);
    }

    @Test
    void theTimeoutIsTotalHoweverOftenTheWaiterWakes() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        Thread writer = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 120 && !Thread.currentThread().isInterrupted(); i++) {
                s.set("k", (double) i);
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long start = System.nanoTime();
        assertThrows(DusoError.class, () -> Waits.await(s, f.interp(), "k", true, "never", null, 300_000_000L));
        double waited = (System.nanoTime() - start) / 1e9;
        writer.interrupt();
        writer.join();
        assertTrue(waited < 1.5, "waited " + waited + " s: the writes went on for 3 s");
    }

    @Test
    void aChangeWhileThePredicateRunsIsNotMissed() {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        s.set("k", 1.0);
        AtomicInteger calls = new AtomicInteger();
        FunctionValue predicate = new Builtin("pred") {
            @Override
            public Object call(Interp interp, CallArgs args) {
                double v = (Double) args.at(0);
                if (calls.incrementAndGet() == 1) {
                    s.set("k", 2.0); // changes the key while the wait is not parked
                }
                return v >= 2;
            }
        };
        long start = System.nanoTime();
        assertEquals(2.0, Waits.await(s, f.interp(), "k", false, null, predicate, 5_000_000_000L));
        assertTrue(System.nanoTime() - start < 3_000_000_000L, "no wait for a signal that already came");
        assertEquals(2, calls.get());
    }

    @Test
    void onlyOneOfRacingConfigurationsRuns() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        runAll(16, () -> {
            try {
                s.configure(StoreFixture.config("wal", "data.duwal"), f.instance);
                ok.incrementAndGet();
            } catch (DusoError e) {
                if (e.messageText().contains("is already configured")) {
                    refused.incrementAndGet();
                }
            }
        });
        assertEquals(1, ok.get());
        assertEquals(15, refused.get());
    }

    @Test
    void theSweepRemovesAKeyAtItsDeadlineWithoutAnyRead() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        s.set("k", 1.0);
        s.set("keep", 1.0);
        s.expire("k", 0.1);
        assertTrue(s.exists("k"));
        Thread.sleep(600);
        assertEquals(false, s.exists("k"));
        assertEquals("keep=1", dump(s));
    }

    @Test
    void expiryIsLoggedAndSurvivesARestart() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "wal", "data.duwal");
        s.set("short", 1.0);
        s.set("long", 2.0);
        s.expire("short", 0.05);
        s.expire("long", 3600);
        Thread.sleep(200);
        f.crash();
        Store r = new StoreFixture(dir).open("t", "wal", "data.duwal");
        assertEquals("long=2", dump(r));
        assertTrue(r.expiry.deadline("long") > System.currentTimeMillis() + 3_000_000);
    }

    @Test
    void waitingForAChangeNoticesAnObjectFieldChange() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        DusoObject cfg = new DusoObject();
        cfg.put("version", "1.0");
        s.set("cfg", cfg);
        Object[] got = new Object[1];
        Thread waiter = Thread.ofVirtual().start(() -> got[0] = Waits.await(s, f.interp(), "cfg", false, null, null,
                5_000_000_000L));
        Thread.sleep(100);
        s.set("cfg", cfg); // the same value again: not a change
        Thread.sleep(100);
        assertTrue(waiter.isAlive(), "re-setting an equal value does not wake");
        DusoObject patch = new DusoObject();
        patch.put("version", "1.1");
        s.update("cfg", patch); // same field count, different value
        waiter.join(2000);
        assertEquals("{version=\"1.1\"}", duso.lang.values.Render.syntax(got[0]));
    }

    @Test
    void deleteAndRenameWakeWaitersWhoThenKeepWaiting() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t");
        s.set("k", 1.0);
        Object[] got = new Object[1];
        Thread waiter = Thread.ofVirtual().start(() -> got[0] = Waits.await(s, f.interp(), "k", true, "ready", null,
                5_000_000_000L));
        Thread.sleep(100);
        s.delete("k");
        s.set("other", 1.0);
        s.rename("other", "k");
        Thread.sleep(100);
        assertTrue(waiter.isAlive());
        s.set("k", "ready");
        waiter.join(2000);
        assertEquals("ready", got[0]);
    }

    @Test
    void aKeyExpiredByAReadAndSetAgainSurvivesARestart() throws InterruptedException {
        StoreFixture f = new StoreFixture(dir);
        Store s = f.open("t", "wal", "data.duwal");
        s.set("k", 1.0);
        s.expire("k", 0.05);
        Thread.sleep(100);
        assertEquals(Nil.NIL, s.get("k"));
        s.set("k", 2.0);
        f.crash();
        Store r = new StoreFixture(dir).open("t", "wal", "data.duwal");
        Thread.sleep(100);
        assertEquals(2.0, r.get("k"), "the old deadline does not come back with the replay");
    }

    @Test
    void handlesOfferEveryReferenceMethod() {
        DusoObject h = new StoreFixture(dir).open("t").handle();
        for (String m : List.of("set", "set_once", "swap", "update", "get", "increment", "decrement", "push", "shift",
                "shift_wait", "pop", "pop_wait", "unshift", "wait", "delete", "clear", "exists", "rename", "expire",
                "select", "count", "save", "load", "replication_status", "keys")) {
            assertTrue(h.get(m) instanceof FunctionValue, m);
        }
        assertEquals(25, h.size());
    }
}

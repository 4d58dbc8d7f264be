package duso.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Lazy libraries: installed once, on first lookup, with the registration order's overrides kept. */
class RegistryTest {
    private static final DusoRuntime RT = new DusoRuntime(
            new Console(new ByteArrayOutputStream(), new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0])),
            Options.DEFAULT, Path.of("."), List.of());

    /** Registers the given names, each returning its tag, and counts its installs. */
    private static final class Counting implements Library {
        final AtomicInteger installs = new AtomicInteger();
        final String tag;
        final String[] names;

        Counting(String tag, String... names) {
            this.tag = tag;
            this.names = names;
        }

        @Override
        public void install(Registry r, DusoRuntime runtime) {
            installs.incrementAndGet();
            for (String n : names) {
                r.add(n, a -> tag);
            }
        }
    }

    @Test
    void installsOnFirstLookupOnly() {
        Counting lib = new Counting("a", "one", "two");
        Registry r = new Registry();
        LazyLibrary.of(lib, "one two").install(r, RT);
        assertEquals(0, lib.installs.get());
        assertEquals(java.util.Set.of("one", "two"), r.names());
        Object one = r.lookup("one");
        assertEquals(1, lib.installs.get());
        assertSame(one, r.lookup("one"));
        r.lookup("two");
        assertNull(r.lookup("three"));
        assertEquals(1, lib.installs.get());
    }

    @Test
    void laterLibrariesStillWinWhicheverIsLazy() {
        Registry r = new Registry();
        Counting early = new Counting("early", "x", "y");
        LazyLibrary.of(early, "x y").install(r, RT);
        Counting eager = new Counting("eager", "y");
        eager.install(r, RT);
        Counting late = new Counting("late", "x");
        LazyLibrary.of(late, "x").install(r, RT);
        assertEquals("late", name(r.lookup("x")));
        assertEquals("eager", name(r.lookup("y")));
        assertEquals(0, early.installs.get());
    }

    private static String name(Object builtin) {
        return (String) ((NativeFunction) builtin).call(null, null);
    }

    @Test
    void concurrentFirstLookupsInstallOnceAndAgree() throws Exception {
        Counting lib = new Counting("c", "shared");
        Registry r = new Registry();
        LazyLibrary.of(lib, "shared").install(r, RT);
        CountDownLatch start = new CountDownLatch(1);
        List<Object> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                seen.add(r.lookup("shared"));
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, lib.installs.get());
        assertEquals(32, seen.size());
        seen.forEach(v -> assertSame(seen.get(0), v));
    }
}

package duso.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.cli.Libraries;
import duso.lang.compiler.CompiledUnit;
import duso.lang.source.Source;
import duso.lang.values.Nil;
import duso.runtime.Console;
import duso.runtime.DusoRuntime;
import duso.runtime.Options;
import duso.runtime.Output;
import duso.runtime.ScriptInstance;
import duso.runtime.ScriptRunner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale, checked from outside the scripts: a thousand spawned scripts really are parked in
 * wait() on one key at the same time (counted on the store), one set() releases every one of
 * them, and the process table empties.
 */
class SpawnedWaitersTest {
    @TempDir
    Path dir;

    @Test
    void oneSetReleasesAThousandParkedScripts() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new ByteArrayOutputStream(), err, new ByteArrayInputStream(new byte[0]));
        DusoRuntime rt = new DusoRuntime(console, Options.DEFAULT, dir, Libraries.ALL);
        ScriptInstance main = new ScriptInstance(rt, "main.du", dir, Nil.NIL, Output.of(console), 0);
        String code = """
                waiter = parse("s = datastore(\\"scale\\")\\nv = s.wait(\\"go\\", 2)\\ns.increment(\\"released\\", v)")
                for i = 1, 1000 do spawn(waiter) end
                """;
        CompiledUnit unit = rt.cache().compile(new Source("main.du", null, code), "main.du");
        ScriptRunner.runScript(unit, main.newInterp(false));

        Store store = StoreRegistry.of(rt).open("scale");
        awaitValue(1000, () -> parkedOn(store, "go"), "scripts parked in wait()");
        assertEquals(1000, rt.processes().count());
        store.set("go", 2.0);
        awaitValue(2000, () -> store.get("released") instanceof Double d ? d.intValue() : 0, "released total");
        awaitValue(0, () -> rt.processes().count(), "live instances");
        assertEquals(0, parkedOn(store, "go"));
        assertEquals("", err.toString(StandardCharsets.UTF_8));
        rt.shutdown();
    }

    private static int parkedOn(Store s, String key) {
        s.lock.lock();
        try {
            return s.waiters.waiting(key);
        } finally {
            s.lock.unlock();
        }
    }

    private static void awaitValue(int expected, IntSupplier actual, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (actual.getAsInt() != expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(actual.getAsInt() == expected, what + ": " + actual.getAsInt() + ", expected " + expected);
    }
}

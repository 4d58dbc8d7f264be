package duso.runtime.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.errors.DusoError;
import duso.lang.nodes.Builtin;
import duso.lang.nodes.CallArgs;
import duso.lang.nodes.Interp;
import duso.runtime.Registry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** sleep() ends as soon as its script instance is interrupted, with the interrupt's reason. */
class SleepTest {
    private static Builtin sleep() {
        Registry r = new Registry();
        new ConcurrencyLibrary().install(r, null);
        return (Builtin) r.lookup("sleep");
    }

    @Test
    void anInterruptWakesASleepingScript() throws Exception {
        Builtin sleep = sleep();
        Interp in = new Interp(new Registry(), false);
        long start = System.nanoTime();
        CompletableFuture<DusoError> result = CompletableFuture.supplyAsync(
                () -> assertThrows(DusoError.class, () -> sleep.call(in, CallArgs.of(30.0))));
        Thread.sleep(100);
        in.interrupt("killed");
        DusoError e = result.get(10, TimeUnit.SECONDS);
        assertEquals("killed", e.value());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    }

    @Test
    void aPendingInterruptStopsSleepAtOnce() {
        Interp in = new Interp(new Registry(), false);
        in.interrupt("interrupted");
        DusoError e = assertThrows(DusoError.class, () -> sleep().call(in, CallArgs.of(30.0)));
        assertEquals("interrupted", e.value());
    }

    @Test
    void hugeOrNaNDurationsDoNotWaitAsInTheReference() {
        Interp in = new Interp(new Registry(), false);
        long start = System.nanoTime();
        sleep().call(in, CallArgs.of(1e300));
        sleep().call(in, CallArgs.of(Double.NaN));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
    }
}

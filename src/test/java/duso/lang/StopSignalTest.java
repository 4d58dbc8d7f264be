package duso.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.nodes.StopSignal;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One stop signal per script instance, obeyed by every Interp that shares it. */
class StopSignalTest {
    private static final StopSignal.Stop TIMEOUT = new StopSignal.Stop("timeout exceeded", "killed");

    @Test
    void everyInterpOfTheInstanceSeesTheStop() {
        StopSignal signal = new StopSignal();
        Interp main = new Interp(name -> null, false, signal);
        Interp branch = new Interp(name -> null, true, signal);
        assertNull(branch.interruptReason());
        main.interrupt("killed");
        assertEquals("killed", branch.interruptReason());
        DusoError e = assertThrows(DusoError.class, () -> branch.checkInterrupt("x.du", 0));
        assertEquals("killed", e.messageText());
    }

    @Test
    void checksAndBlockingCallsGetTheirOwnMessage() {
        StopSignal signal = new StopSignal();
        Interp in = new Interp(name -> null, false, signal);
        signal.raise(TIMEOUT);
        assertEquals("killed", in.interruptReason());
        assertEquals("timeout exceeded", assertThrows(DusoError.class, () -> in.checkInterrupt(null, 0)).messageText());
    }

    @Test
    void theFirstStopWins() {
        StopSignal signal = new StopSignal();
        Interp in = new Interp(name -> null, false, signal);
        signal.raise(TIMEOUT);
        in.interrupt("interrupted");
        assertEquals("killed", in.interruptReason());
    }

    @Test
    void parkedInterpsAreWokenOnlyWhileParked() {
        StopSignal signal = new StopSignal();
        Interp a = new Interp(name -> null, true, signal);
        Interp b = new Interp(name -> null, true, signal);
        AtomicInteger woken = new AtomicInteger();
        a.setInterruptWaker(woken::incrementAndGet);
        Runnable previous = b.setInterruptWaker(woken::incrementAndGet);
        b.setInterruptWaker(previous); // b's blocking call ended
        signal.raise(TIMEOUT);
        assertEquals(1, woken.get());
    }
}

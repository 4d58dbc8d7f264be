package duso.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.lang.compiler.CompiledUnit;
import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.source.Source;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.lib.ConcurrencyLibrary;
import duso.runtime.lib.ConsoleLibrary;
import duso.runtime.lib.TypesLibrary;
import duso.store.DatastoreLibrary;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor without the spawn/run builtins around it: where a child runs, what stops it
 * (kill, run timeouts, the caller being stopped, shutdown) and where its outcome goes.
 */
class SupervisorTest {
    @TempDir
    Path dir;

    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    DusoRuntime rt;
    ScriptInstance main;

    private DusoRuntime runtime() {
        if (rt == null) {
            Console console = new Console(new ByteArrayOutputStream(), err, new ByteArrayInputStream(new byte[0]));
            rt = new DusoRuntime(console, Options.DEFAULT, dir, List.of(new ConsoleLibrary(), new TypesLibrary(), new DatastoreLibrary(), new ConcurrencyLibrary()));
            main = new ScriptInstance(rt, "main.du", dir, Nil.NIL, Output.of(console), 0);
        }
        return rt;
    }

    /** A child instance running {@code code} as file {@code name}, and its body. */
    private record Child(ScriptInstance instance, Supplier<Object> body) {}

    private Child child(String name, String code, Output output) {
        DusoRuntime r = runtime();
        ScriptInstance inst = new ScriptInstance(r, name, dir, Nil.NIL, output, r.nextPid());
        CompiledUnit unit = r.cache().compile(new Source(name, null, code), name);
        return new Child(inst, () -> {
            ScriptRunner.Outcome o = ScriptRunner.runScript(unit, inst.newInterp(false));
            return o.exited() ? o.value() : Nil.NIL;
        });
    }

    private Child child(String name, String code) {
        return child(name, code, Output.of(runtime().console()));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRunTimeoutStopsABusyChildWithTimeoutExceeded() {
        Child c = child("busy.du", "while true do end");
        long start = System.nanoTime();
        DusoError e = assertThrows(DusoError.class,
                () -> Supervisor.of(rt).run(main.newInterp(false), c.instance(), c.body(), 0.2, null));
        assertEquals("timeout exceeded", e.messageText());
        assertTrue(System.nanoTime() - start < 3_000_000_000L);
        assertEquals(0, rt.processes().count(), "the child left the table");
    }

    @Test
    void aRunTimeoutWakesASleepingChildWithKilled() {
        Child c = child("sleepy.du", "sleep(30)");
        DusoError e = assertThrows(DusoError.class,
                () -> Supervisor.of(rt).run(main.newInterp(false), c.instance(), c.body(), 0.2, null));
        assertEquals("killed", e.messageText());
        assertEquals("sleepy.du:1:6: killed", e.render());
    }

    @Test
    void aChildThatEndsInTimeIsNotStopped() {
        Child c = child("quick.du", "exit(42)");
        Object v = Supervisor.of(rt).run(main.newInterp(false), c.instance(), c.body(), 5, null);
        assertEquals(42.0, v);
    }

    @Test
    void stoppingTheCallerStopsTheRunChild() throws Exception {
        Child c = child("sleepy.du", "sleep(30)");
        Interp caller = main.newInterp(false);
        Thread stopper = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            caller.interrupt("killed");
        });
        DusoError e = assertThrows(DusoError.class, () -> Supervisor.of(rt).run(caller, c.instance(), c.body(), 0, null));
        assertEquals("killed", e.messageText());
        stopper.join();
    }

    @Test
    void aStoppedCallerDoesNotStartTheChild() {
        Child c = child("never.du", "exit(1)");
        Interp caller = main.newInterp(false);
        caller.interrupt("killed");
        DusoError e = assertThrows(DusoError.class, () -> Supervisor.of(rt).run(caller, c.instance(), c.body(), 0, null));
        assertEquals("killed", e.messageText());
    }

    @Test
    void killReachesASpawnedChildAndItsErrorIsReported() throws Exception {
        Child c = child("<dynamic>", "sleep(30)");
        Supervisor.of(rt).spawn(c.instance(), c.body(), "spawn", null);
        long pid = c.instance().pid();
        Thread.sleep(100);
        assertTrue(rt.processes().kill(pid));
        waitUntilGone(pid);
        assertEquals("spawn: error in <dynamic>: <dynamic>:1:6: killed\n", stderr());
        assertFalse(rt.processes().kill(pid), "an ended process cannot be killed");
    }

    @Test
    void shutdownStopsSpawnedChildrenQuietly() throws Exception {
        Child c = child("worker.du", "while true do sleep(0.01) end");
        Supervisor.of(rt).spawn(c.instance(), c.body(), "spawn", null);
        Thread.sleep(50);
        rt.shutdown();
        waitUntilGone(c.instance().pid());
        assertEquals("", stderr());
    }

    @Test
    void ioRoutingQueuesOutputErrorsAndTheExitValue() throws Exception {
        runtime();
        IoRoute io = IoRoute.parse(object("datastore", "logs", "queue", "q"));
        long pid = rt.nextPid();
        ScriptInstance probe = new ScriptInstance(rt, "w.du", dir, Nil.NIL, io.output(rt, pid, Output.of(rt.console())), pid);
        CompiledUnit unit = rt.cache().compile(new Source("w.du", null, "print(\"hi\")\nerror(\"oops\")\nexit({n = 1})"), "w.du");
        Supervisor.of(rt).spawn(probe, () -> ScriptRunner.runScript(unit, probe.newInterp(false)).value(), "spawn", io);
        waitUntilGone(pid);
        DusoArray q = (DusoArray) Datastores.of(rt).get("logs", "q");
        assertEquals(3, q.size());
        assertEquals("hi\n", ((DusoObject) q.get(0)).get("out"));
        assertEquals("oops", ((DusoObject) q.get(1)).get("err"));
        assertEquals(1.0, ((DusoObject) ((DusoObject) q.get(2)).get("exit")).get("n"));
        assertEquals((double) pid, ((DusoObject) q.get(2)).get("pid"));
        assertEquals("", stderr());
    }

    @Test
    void routedErrorsGoToTheQueueAndOthersToTheConsole() throws Exception {
        runtime();
        IoRoute io = IoRoute.parse(object("datastore", "logs", "queue", "q", "out", false));
        long pid = rt.nextPid();
        ScriptInstance inst = new ScriptInstance(rt, "w.du", dir, Nil.NIL, io.output(rt, pid, Output.of(rt.console())), pid);
        CompiledUnit unit = rt.cache().compile(new Source("w.du", null, "x = 1 / 0"), "w.du");
        Supervisor.of(rt).spawn(inst, () -> ScriptRunner.runScript(unit, inst.newInterp(false)).value(), "spawn", io);
        waitUntilGone(pid);
        DusoArray q = (DusoArray) Datastores.of(rt).get("logs", "q");
        assertEquals("w.du:1:7: division by zero", ((DusoObject) q.get(0)).get("err"));
        assertEquals("", stderr());
    }

    private static DusoObject object(Object... kv) {
        DusoObject o = new DusoObject();
        for (int i = 0; i < kv.length; i += 2) {
            o.put((String) kv[i], kv[i + 1]);
        }
        return o;
    }

    private void waitUntilGone(long pid) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (rt.processes().count() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, rt.processes().count(), "process " + pid + " ended");
    }
}

package duso.runtime.lib;

import duso.lang.nodes.ExitSignal;
import duso.lang.nodes.Ops;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.Args;
import duso.runtime.ChildInstance;
import duso.runtime.ChildScript;
import duso.runtime.DusoRuntime;
import duso.runtime.IoRoute;
import duso.runtime.Library;
import duso.runtime.Parking;
import duso.runtime.Registry;
import duso.runtime.Supervisor;

/**
 * Script instances working together: {@code spawn()}, {@code parallel()}, {@code kill(pid)},
 * {@code sleep(s)} and {@code shutdown([code])} ({@code run()} and {@code context()} are with
 * the code builtins). Every blocking builtin here parks through the instance's
 * stop signal, so kill, a run() timeout and shutdown wake it at once.
 */
public final class ConcurrencyLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        r.add("spawn", a -> spawn(a, rt));
        r.add("parallel", Parallel::run);
        r.add("kill", a -> kill(a, rt));
        r.add("sleep", ConcurrencyLibrary::sleep);
        r.add("shutdown", a -> shutdown(a, rt));
    }

    /**
     * spawn(script | code [, context] [, io = {…}]): starts the script as a new instance on a
     * virtual thread and returns its pid at once. A file that cannot be read or parsed is an
     * error here; anything that goes wrong once it runs is reported by the supervisor.
     */
    private static Object spawn(Args a, DusoRuntime rt) {
        Object target = a.raw().at(0);
        if (target == null) {
            throw Args.error("spawn() requires script path argument");
        }
        ChildScript script = ChildScript.of(a.instance(), target, "spawn", "spawn() arg must be a string path or code value");
        IoRoute io = IoRoute.parse(a.raw().named("io"));
        ChildInstance child = ChildInstance.create(a.instance(), script, a.get(1, "context"),
                pid -> IoRoute.forChild(io, rt, pid));
        Supervisor.of(rt).spawn(child.instance(), child::run, "spawn", io);
        return (double) child.pid();
    }

    private static Object kill(Args a, DusoRuntime rt) {
        Object arg = a.raw().at(0);
        if (arg == null) {
            arg = a.raw().named("pid");
            if (arg == null) {
                throw Args.error("kill() requires a pid argument");
            }
        }
        if (!(arg instanceof Double d)) {
            throw Args.error("kill() pid must be a number, got " + goArgType(arg));
        }
        long pid = Ops.goInt64(d);
        if (!rt.processes().kill(pid)) {
            throw Args.error("kill() no process with PID " + pid);
        }
        return Boolean.TRUE;
    }

    /** The Go type ({@code %T}) the reference's builtins see for an argument, for its messages. */
    private static String goArgType(Object v) {
        if (v == Nil.NIL) {
            return "<nil>";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof DusoArray) {
            return "*[]script.Value";
        }
        if (v instanceof DusoObject) {
            return "map[string]interface {}";
        }
        return "*script.ValueRef";
    }

    /**
     * sleep([seconds]): one second by default; fractions honoured. Parks until the time is up
     * or the instance is stopped, which raises "killed" (kill, run timeout) or "interrupted"
     * (shutdown).
     */
    private static Object sleep(Args a) {
        double seconds = 1;
        Object arg = a.raw().at(0);
        if (arg != null) {
            if (!(arg instanceof Double d)) {
                throw Args.error("sleep() requires a number (seconds)");
            }
            if (d < 0) {
                throw Args.error("sleep() duration cannot be negative");
            }
            seconds = d;
        }
        // Go's Duration(seconds * 1e9): NaN and overflow become a negative duration, no wait.
        long nanos = Ops.goInt64(seconds * 1e9);
        if (nanos <= 0) {
            return Nil.NIL;
        }
        Parking.until(a.interp(), System.nanoTime() + nanos);
        return Nil.NIL;
    }

    /**
     * shutdown([code]): starts the graceful shutdown (servers drain, instances stop, datastores
     * flush, the process exits with the code; the first request's code wins) and ends the
     * calling instance like exit(), so nothing after it runs.
     */
    private static Object shutdown(Args a, DusoRuntime rt) {
        Object raw = a.raw().at(0);
        if (raw == null) {
            raw = a.raw().named("code");
        }
        int code = 0;
        if (raw != null) {
            if (!(raw instanceof Double d)) {
                throw Args.error("shutdown() exit code must be a number");
            }
            if (d != Math.rint(d) || d < 0 || d > 255) {
                throw Args.error("shutdown() exit code must be a whole number from 0 to 255");
            }
            code = d.intValue();
        }
        rt.requestShutdown(code);
        throw new ExitSignal(Nil.NIL);
    }
}

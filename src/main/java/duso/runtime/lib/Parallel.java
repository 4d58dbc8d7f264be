package duso.runtime.lib;

import duso.lang.errors.CallFrame;
import duso.lang.errors.DusoError;
import duso.lang.nodes.ExitSignal;
import duso.lang.nodes.Interp;
import duso.lang.source.Pos;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.Values;
import duso.runtime.Args;
import duso.runtime.ScriptInstance;
import duso.runtime.Uninterruptibly;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code parallel(f1, f2, …)}, {@code parallel([fns])} and {@code parallel({k = fn})}: calls
 * each function with no arguments at the same time, each on its own virtual thread with its
 * own interpreter in parallel mode (assignments stay inside the branch's function frames, so
 * a branch reads the parent's variables but never rebinds them), and returns the results in
 * the same shape.
 *
 * <p>A branch that fails yields an error value in its slot, worded as the reference words it:
 * the message is the thrown value's text, the stack the full positioned error (see
 * {@link #asBranchSawIt}); the others still run to the end. Branches belong to the calling instance (same output, context, pid and
 * stop signal), so killing the instance stops its branches too.
 */
final class Parallel {
    /** The file name the reference's branch evaluators give their errors. */
    private static final String BRANCH_FILE = "<stdin>";

    private Parallel() {}

    static Object run(Args a) {
        Object[] positional = a.raw().positional();
        int given = positional.length + a.raw().names().length;
        if (given == 1 && positional.length == 1) {
            if (positional[0] instanceof DusoArray fns) {
                return DusoArray.wrap(runAll(a, fns.toArray()));
            }
            if (positional[0] instanceof DusoObject fns) {
                return runObject(a, fns);
            }
        }
        if (positional.length > 0) {
            return DusoArray.wrap(runAll(a, positional));
        }
        throw Args.error("parallel() requires an array, object, or functions as arguments");
    }

    private static DusoObject runObject(Args a, DusoObject fns) {
        List<String> keys = new ArrayList<>(fns.size());
        List<Object> values = new ArrayList<>(fns.size());
        for (Map.Entry<String, Object> e : fns.entries()) {
            keys.add(e.getKey());
            values.add(e.getValue());
        }
        Object[] results = runAll(a, values.toArray());
        DusoObject out = new DusoObject(results.length);
        for (int i = 0; i < results.length; i++) {
            out.put(keys.get(i), results[i]);
        }
        return out;
    }

    /**
     * Runs every branch and waits for all of them. The last branch runs on the calling thread,
     * which would otherwise only wait. If the calling instance was stopped meanwhile, the stop
     * is raised here, as by any interrupted blocking call.
     */
    private static Object[] runAll(Args a, Object[] fns) {
        Object[] results = new Object[fns.length];
        if (fns.length == 0) {
            return results;
        }
        ScriptInstance inst = a.instance();
        Thread[] threads = new Thread[fns.length - 1];
        for (int i = 0; i < threads.length; i++) {
            int slot = i;
            threads[i] = Thread.ofVirtual().start(() -> results[slot] = branch(inst, fns[slot]));
        }
        results[fns.length - 1] = branch(inst, fns[fns.length - 1]);
        for (Thread t : threads) {
            Uninterruptibly.await(t::join);
        }
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                results[i] = Nil.NIL; // a branch thread died of a JVM error (out of memory)
            }
        }
        String stop = a.interp().interruptReason();
        if (stop != null) {
            throw Args.error(stop);
        }
        return results;
    }

    private static Object branch(ScriptInstance inst, Object fn) {
        if (!(fn instanceof FunctionValue f)) {
            String message = "cannot call non-function (got " + Values.kind(fn) + ")";
            return new ErrorValue(message, message);
        }
        Interp in = inst.newInterp(true);
        try {
            return in.call(f);
        } catch (DusoError e) {
            return new ErrorValue(e.messageText(), asBranchSawIt(e).render());
        } catch (ExitSignal e) {
            return new ErrorValue("exit", "exit"); // the reference turns exit() in a branch into this error
        } catch (RuntimeException e) {
            // break/continue escaping the branch function: the reference's "break"/"continue" errors
            String message = String.valueOf(e.getMessage());
            return new ErrorValue(message, message);
        }
    }

    /**
     * The error as the reference's branch reports it. The branch function is not called from
     * any script position, so its own frame (the outermost, without a call site) is not listed;
     * and its body runs in a fresh evaluator with no file name of its own, so an error raised
     * directly in it names {@code <stdin>} (as errors in required modules do). Functions it
     * calls report their own files.
     */
    private static DusoError asBranchSawIt(DusoError e) {
        List<CallFrame> stack = e.stack();
        if (!stack.isEmpty() && !Pos.isValid(stack.get(0).pos())) {
            stack = stack.subList(1, stack.size());
        }
        String file = stack.isEmpty() && e.hasPosition() ? BRANCH_FILE : e.file();
        return new DusoError(e.value(), file, e.pos(), stack);
    }
}

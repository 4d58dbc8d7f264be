package duso.store;

import duso.lang.errors.DusoError;
import duso.lang.lexer.GoQuote;
import duso.lang.nodes.Interp;
import duso.lang.values.BinaryValue;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.Values;
import duso.runtime.Args;
import java.util.Map;

/**
 * The blocking operations: {@code shift_wait}/{@code pop_wait} and {@code wait} (for a
 * change, a value, or a predicate). A waiter parks on its key's condition and re-checks
 * whenever the key changes; nothing polls. Timeouts are total deadlines with nanosecond
 * resolution (fractions of a second honoured), however often the waiter is woken.
 *
 * <p>Waits end early when the script instance is interrupted ({@code kill(pid)}, shutdown):
 * the wait registers a waker on its {@link Interp} that signals the condition, and raises
 * the interrupt's reason ("killed") as the error. A predicate is called without the store
 * lock held (it is script code, and may use the store); if the store changed meanwhile the
 * wait re-checks instead of parking, so no change is missed.
 */
final class Waits {
    private Waits() {}

    /** Waits for an element and removes it; nil when the timeout passes first (0 = none). */
    static Object take(Store s, Interp in, String key, boolean last, String op, long timeoutNanos) {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        s.lock.lock();
        Waiters.OnKey w = s.waiters.enter(key);
        Runnable previous = in.setInterruptWaker(waker(s, w));
        try {
            while (true) {
                s.expireIfDue(key);
                Object v = s.data.get(key);
                if (v != null) {
                    if (!(v instanceof DusoArray array)) {
                        throw Args.error(op + "() cannot operate on non-array value at key " + GoQuote.quote(key));
                    }
                    if (!array.isEmpty()) {
                        return s.takeFrom(key, array, last);
                    }
                }
                if (!park(in, w, timeoutNanos > 0, deadline)) {
                    return Nil.NIL;
                }
            }
        } finally {
            in.setInterruptWaker(previous);
            s.waiters.leave(key, w);
            s.lock.unlock();
        }
    }

    /**
     * wait(): with {@code predicate}, until it returns truthy for the key's value; with
     * {@code hasExpected}, until the key holds a value equal to {@code expected} (arrays and
     * objects never are: equality is the language's {@code ==}); otherwise until the key
     * exists with a value different from the one it had when the wait began.
     */
    static Object await(Store s, Interp in, String key, boolean hasExpected, Object expected, FunctionValue predicate,
            long timeoutNanos) {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        s.lock.lock();
        Waiters.OnKey w = s.waiters.enter(key);
        Runnable previous = in.setInterruptWaker(waker(s, w));
        try {
            Object initial = null;
            if (predicate == null && !hasExpected) {
                Object v = s.data.get(key);
                initial = v == null ? Nil.NIL : DeepCopy.copy(v);
            }
            while (true) {
                s.expireIfDue(key);
                Object current = s.data.get(key);
                if (current != null) {
                    if (predicate != null) {
                        long before = s.version;
                        Object seen = holds(s, in, predicate, current);
                        if (seen != null) {
                            return seen;
                        }
                        if (s.version != before) {
                            continue; // the store changed while the predicate ran: look again
                        }
                    } else if (hasExpected ? Values.equal(current, expected) : !same(current, initial)) {
                        return DeepCopy.copy(current);
                    }
                }
                if (!park(in, w, timeoutNanos > 0, deadline)) {
                    throw Args.error("wait() timeout exceeded for key " + GoQuote.quote(key));
                }
            }
        } finally {
            in.setInterruptWaker(previous);
            s.waiters.leave(key, w);
            s.lock.unlock();
        }
    }

    /**
     * Calls the predicate on a copy of the value, with the lock released; returns the value it
     * saw when it holds, else Java null.
     */
    private static Object holds(Store s, Interp in, FunctionValue predicate, Object current) {
        Object forCall = DeepCopy.copy(current);
        Object result = DeepCopy.copy(current);
        Object verdict;
        s.lock.unlock();
        try {
            verdict = in.call(predicate, forCall);
        } catch (DusoError e) {
            throw Args.error("wait() predicate error: " + StoreMethods.describe(e));
        } finally {
            s.lock.lock();
        }
        return Values.truthy(verdict) ? result : null;
    }

    /**
     * Parks until the key's condition is signalled or the deadline passes (false then). An
     * interrupt of the instance, before or after parking, ends the wait with its reason.
     */
    private static boolean park(Interp in, Waiters.OnKey w, boolean timed, long deadline) {
        checkInterrupt(in);
        try {
            if (!timed) {
                w.condition.await();
            } else {
                long left = deadline - System.nanoTime();
                if (left <= 0 || w.condition.awaitNanos(left) <= 0) {
                    checkInterrupt(in);
                    return false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            String reason = in.interruptReason();
            throw Args.error(reason != null ? reason : "interrupted");
        }
        checkInterrupt(in);
        return true;
    }

    private static void checkInterrupt(Interp in) {
        String reason = in.interruptReason();
        if (reason != null) {
            throw Args.error(reason);
        }
    }

    private static Runnable waker(Store s, Waiters.OnKey w) {
        return () -> {
            s.lock.lock();
            try {
                w.condition.signalAll();
            } finally {
                s.lock.unlock();
            }
        };
    }

    /**
     * Whether a value is unchanged: numbers, strings, booleans and nil by value, arrays and
     * objects element by element, anything else (binary, functions…) by identity.
     */
    static boolean same(Object a, Object b) {
        if (a instanceof DusoArray x) {
            if (!(b instanceof DusoArray y) || x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!same(x.get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof DusoObject x) {
            if (!(b instanceof DusoObject y) || x.size() != y.size()) {
                return false;
            }
            for (Map.Entry<String, Object> e : x.entries()) {
                Object other = y.getOrNull(e.getKey());
                if (other == null || !same(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof BinaryValue x && b instanceof BinaryValue y) {
            return x == y || java.util.Arrays.equals(x.data(), y.data());
        }
        return Values.equal(a, b);
    }
}

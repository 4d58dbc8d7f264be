package duso.store;

import duso.lang.errors.DusoError;
import duso.lang.lexer.GoQuote;
import duso.lang.source.Pos;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.Values;
import duso.runtime.Args;
import duso.runtime.NativeFunction;
import java.util.List;

/**
 * The object {@code datastore(ns)} returns: one builtin per method, bound to the store, with
 * the reference's argument rules (keys are positional only; wait, select and count also take
 * named arguments) and messages. Built once per store; each datastore() call gets its own
 * copy of the object, so a script changing its handle's fields affects no other handle.
 */
final class StoreMethods {
    private final Store s;
    private final DusoObject methods = new DusoObject(32);

    private StoreMethods(Store store) {
        this.s = store;
    }

    static DusoObject build(Store store) {
        return new StoreMethods(store).all();
    }

    private void add(String name, NativeFunction.Body body) {
        methods.put(name, new NativeFunction(name, body));
    }

    private DusoObject all() {
        add("set", a -> {
            writable();
            s.set(key(a, "key (string) and value arguments"), required(a, "key and value arguments"));
            return Nil.NIL;
        });
        add("set_once", a -> {
            writable();
            return s.setOnce(key(a, "key (string) and value arguments"), required(a, "key and value arguments"));
        });
        add("get", a -> s.get(key(a, "a key (string) argument")));
        add("swap", a -> {
            writable();
            return s.swap(key(a, "key (string) and newValue arguments"), required(a, "key and newValue arguments"));
        });
        add("update", a -> {
            writable();
            return s.update(key(a, "key (string) argument"), required(a, "updates argument"));
        });
        add("increment", a -> {
            writable();
            return s.increment(key(a, "key (string) argument"), delta(a));
        });
        add("decrement", a -> {
            writable();
            return s.increment(key(a, "key (string) argument"), -delta(a));
        });
        add("push", a -> {
            writable();
            return s.push(key(a, "a key (string) argument"), required(a, "an item argument"), false);
        });
        add("unshift", a -> {
            writable();
            return s.push(key(a, "a key (string) argument"), required(a, "an item argument"), true);
        });
        add("shift", a -> {
            writable();
            return s.take(key(a, "a key (string) argument"), false, "shift");
        });
        add("pop", a -> {
            writable();
            return s.take(key(a, "a key (string) argument"), true, "pop");
        });
        add("shift_wait", a -> takeWait(a, false));
        add("pop_wait", a -> takeWait(a, true));
        add("wait", this::waitFor);
        add("delete", a -> {
            writable();
            return s.delete(key(a, "a key (string) argument"));
        });
        add("clear", a -> {
            writable();
            s.clear();
            return Nil.NIL;
        });
        add("exists", a -> s.exists(key(a, "a key (string) argument")));
        add("rename", a -> {
            writable();
            String from = key(a, "oldKey (string) argument");
            if (!(a.get(1, null) instanceof String to)) {
                throw a.fail("newKey (string) argument");
            }
            s.rename(from, to);
            return Nil.NIL;
        });
        add("expire", a -> {
            writable();
            String k = key(a, "a key (string) argument");
            if (!(a.get(1, null) instanceof Double ttl)) {
                throw a.fail("ttlSeconds (number) argument");
            }
            s.expire(k, ttl);
            return Nil.NIL;
        });
        add("keys", a -> s.keys());
        add("select", this::select);
        add("count", this::count);
        add("save", a -> {
            files().save();
            return Nil.NIL;
        });
        add("load", a -> {
            files().load();
            return Nil.NIL;
        });
        add("replication_status", a -> {
            DusoObject status = new DusoObject();
            status.put("role", "standalone");
            return status;
        });
        return methods;
    }

    // ---- argument rules ----------------------------------------------------------------------

    private static String key(Args a, String what) {
        if (a.get(0, null) instanceof String k) {
            return k;
        }
        throw a.fail(what);
    }

    private static Object required(Args a, String what) {
        Object v = a.get(1, null);
        if (v == null) {
            throw a.fail(what);
        }
        return v;
    }

    private static double delta(Args a) {
        Object v = a.get(1, null);
        if (v == null) {
            return 1;
        }
        if (v instanceof Double d) {
            return d;
        }
        throw a.fail("a numeric delta argument");
    }

    /** Seconds as nanoseconds; 0 (wait forever) for anything that is not a positive number. */
    static long timeout(Object v) {
        if (!(v instanceof Double secs) || !(secs > 0)) {
            return 0;
        }
        double nanos = secs * 1e9;
        return nanos >= Long.MAX_VALUE ? 0 : Math.max(1, (long) nanos);
    }

    private void writable() {
        if (s.readonly) {
            throw Args.error("datastore(" + GoQuote.quote(s.namespace) + ") is read-only");
        }
    }

    private Persistence files() {
        writable();
        Persistence p = s.persistence;
        if (p == null || !p.hasSnapshot()) {
            throw Args.error("datastore " + GoQuote.quote(s.namespace) + " has no persist path configured");
        }
        return p;
    }

    // ---- blocking ----------------------------------------------------------------------------

    private Object takeWait(Args a, boolean last) {
        writable();
        String op = last ? "pop_wait" : "shift_wait";
        String k = key(a, "a key (string) argument");
        return Waits.take(s, a.interp(), k, last, op, timeout(a.get(1, null)));
    }

    private Object waitFor(Args a) {
        Object k = a.get(0, null);
        if (!(k instanceof String)) {
            k = a.raw().named("key");
        }
        if (!(k instanceof String key)) {
            throw a.fail("a key (string) argument");
        }
        Object value = a.get(1, "value");
        Object timeoutArg = a.raw().at(2);
        if (timeoutArg == null) {
            timeoutArg = a.raw().named("timeout");
        }
        long timeout = timeout(timeoutArg);
        if (value instanceof FunctionValue predicate) {
            return Waits.await(s, a.interp(), key, false, null, predicate, timeout);
        }
        return Waits.await(s, a.interp(), key, value != null, value, null, timeout);
    }

    // ---- scans -------------------------------------------------------------------------------

    private Object select(Args a) {
        Object fn = a.raw().named("predicate");
        boolean named = fn != null;
        if (!named) {
            fn = a.raw().at(0);
            if (fn == null) {
                throw a.fail("a predicate function argument");
            }
        }
        if (!(fn instanceof FunctionValue predicate)) {
            throw Args.error("select() predicate must be a function");
        }
        Object maxArg = a.raw().named("max");
        if (maxArg == null) {
            maxArg = a.raw().at(named ? 0 : 1);
        }
        long max = 0;
        if (maxArg != null) {
            if (!(maxArg instanceof Double d)) {
                throw Args.error("select() max must be a number");
            }
            max = (long) d.doubleValue();
        }
        DusoArray results = new DusoArray();
        for (String key : s.keySnapshot()) {
            Object value = s.copyOrNull(key);
            if (value == null) {
                continue;
            }
            Object r = callPredicate(a, predicate, key, value, "select");
            if (r != Nil.NIL) {
                results.add(DeepCopy.copy(r));
                if (max > 0 && results.size() >= max) {
                    break;
                }
            }
        }
        return results;
    }

    private Object count(Args a) {
        Object fn = a.raw().at(0);
        if (fn == null) {
            fn = a.raw().named("predicate");
        }
        if (fn == null) {
            throw a.fail("a predicate function argument");
        }
        if (!(fn instanceof FunctionValue predicate)) {
            throw Args.error("count() predicate must be a function");
        }
        List<String> keys = s.keySnapshot();
        double n = 0;
        for (String key : keys) {
            Object value = s.copyOrNull(key);
            if (value != null && Values.truthy(callPredicate(a, predicate, key, value, "count"))) {
                n++;
            }
        }
        return n;
    }

    private static Object callPredicate(Args a, FunctionValue predicate, String key, Object value, String op) {
        try {
            return a.interp().call(predicate, key, value);
        } catch (DusoError e) {
            throw Args.error(op + "() predicate error on key " + GoQuote.quote(key) + ": " + describe(e));
        }
    }

    /** A callback's error as these messages quote it: {@code FILE:L:C: message}, without the call stack. */
    static String describe(DusoError e) {
        StringBuilder b = new StringBuilder();
        if (e.file() != null && !e.file().isEmpty()) {
            b.append(e.file()).append(':');
        }
        if (e.hasPosition()) {
            b.append(Pos.format(e.pos())).append(": ");
        }
        return b.append(e.messageText()).toString();
    }
}

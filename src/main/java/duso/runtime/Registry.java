package duso.runtime;

import duso.lang.nodes.Globals;
import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The builtin table every script sees. Libraries register their functions here at start-up,
 * except {@link LazyLibrary lazy} ones, which register only their names and are installed the
 * first time one of them is looked up (by the compiler, when a script names it). Scripts on
 * many threads read the table at once, so both maps are concurrent and a lazy install runs
 * once, under its own lock.
 */
public final class Registry implements Globals {
    private final Map<String, Object> builtins = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    public void add(String name, NativeFunction.Body body) {
        put(name, new NativeFunction(name, body));
    }

    /** A builtin that runs code in its caller's scope (include): see {@link Args#callerFrame}. */
    public void addInCallerScope(String name, NativeFunction.Body body) {
        put(name, new NativeFunction(name, true, body));
    }

    /** Registers any builtin value (a Builtin subclass with its own call path). */
    public void addValue(String name, Object value) {
        put(name, value);
    }

    /** Later registrations replace earlier ones, whether those are installed or still pending. */
    private void put(String name, Object value) {
        pending.remove(name);
        builtins.put(name, value);
    }

    /** Claims a lazy library's names; its builtins appear on the first lookup of any of them. */
    void defer(LazyLibrary library, DusoRuntime runtime) {
        Pending p = new Pending(library.library(), runtime);
        for (String name : library.names()) {
            builtins.remove(name);
            pending.put(name, p);
        }
    }

    @Override
    public Object lookup(String name) {
        Object v = builtins.get(name);
        if (v != null) {
            return v;
        }
        Pending p = pending.get(name);
        if (p == null) {
            return null;
        }
        p.install(this);
        return builtins.get(name);
    }

    public Set<String> names() {
        Set<String> all = new HashSet<>(builtins.keySet());
        all.addAll(pending.keySet());
        return Collections.unmodifiableSet(all);
    }

    /** A lazy library not installed yet, and the runtime it will be installed for. */
    private static final class Pending {
        private final Library library;
        private final DusoRuntime runtime;
        private boolean installed;

        Pending(Library library, DusoRuntime runtime) {
            this.library = library;
            this.runtime = runtime;
        }

        /**
         * Installs into a scratch table, then publishes the names this library still owns (a
         * later library may have claimed some). Each builtin is visible before its pending
         * entry goes, so a concurrent lookup finds one or the other.
         */
        synchronized void install(Registry owner) {
            if (installed) {
                return;
            }
            Registry scratch = new Registry();
            library.install(scratch, runtime);
            for (Map.Entry<String, Object> e : scratch.builtins.entrySet()) {
                if (owner.pending.get(e.getKey()) == this) {
                    owner.builtins.put(e.getKey(), e.getValue());
                    owner.pending.remove(e.getKey(), this);
                }
            }
            installed = true;
        }
    }
}

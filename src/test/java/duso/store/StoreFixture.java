package duso.store;

import duso.lang.nodes.Interp;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.Console;
import duso.runtime.DusoRuntime;
import duso.runtime.Options;
import duso.runtime.Output;
import duso.runtime.ScriptInstance;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A runtime of its own for a test: its datastores, a script instance for path resolution and
 * blocking calls, and what it wrote to standard error. Several fixtures on one directory
 * behave like successive processes on the same files ({@link #crash} drops one without its
 * shutdown flush, as a SIGKILL would).
 */
final class StoreFixture {
    final DusoRuntime runtime;
    final ScriptInstance instance;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    StoreFixture(Path dir) {
        Console console = new Console(new ByteArrayOutputStream(), err, new ByteArrayInputStream(new byte[0]));
        runtime = new DusoRuntime(console, Options.DEFAULT, dir, List.of(new DatastoreLibrary()));
        instance = new ScriptInstance(runtime, "test.du", dir, Nil.NIL, Output.of(console), 0);
    }

    Store open(String ns) {
        return StoreRegistry.of(runtime).open(ns);
    }

    /** Opens and configures a store; {@code options} alternate name, value. */
    Store open(String ns, Object... options) {
        return open(ns).configure(config(options), instance);
    }

    static DusoObject config(Object... options) {
        DusoObject o = new DusoObject();
        for (int i = 0; i < options.length; i += 2) {
            Object v = options[i + 1];
            o.put((String) options[i], v instanceof Integer n ? (Object) n.doubleValue() : v);
        }
        return o;
    }

    Interp interp() {
        return instance.newInterp(false);
    }

    /** Clean shutdown: final snapshot, WAL synced and truncated. */
    void shutdown() {
        runtime.shutdown();
    }

    /** Ends this "process" without any flush: files stay as the last write left them. */
    void crash() {
        StoreRegistry.of(runtime).abandon();
    }

    String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

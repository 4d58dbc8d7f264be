package duso.client;

import duso.cli.Libraries;
import duso.lang.nodes.Builtin;
import duso.lang.nodes.CallArgs;
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
import java.nio.file.Path;

/**
 * One runtime whose fetch() and websocket() builtins a test calls directly, from as many threads
 * as it likes, each call as a script instance of its own would make it (its own Interp, so it
 * can be interrupted). Connections stay pooled between calls, as within one script run.
 */
final class ClientFixture implements AutoCloseable {
    final DusoRuntime runtime;
    final ScriptInstance instance;

    ClientFixture() {
        Console console = new Console(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayInputStream(new byte[0]));
        runtime = new DusoRuntime(console, Options.DEFAULT, Path.of("."), Libraries.ALL);
        instance = new ScriptInstance(runtime, "test.du", Path.of("."), Nil.NIL, Output.of(console), 0);
    }

    Interp interp() {
        return instance.newInterp(false);
    }

    DusoObject fetch(String url) {
        return fetch(interp(), url, null);
    }

    DusoObject fetch(Interp in, String url, DusoObject options) {
        Builtin fetch = (Builtin) runtime.registry().lookup("fetch");
        CallArgs args = options == null ? CallArgs.of(url) : CallArgs.of(url, options);
        return (DusoObject) fetch.call(in, args);
    }

    static DusoObject options(Object... pairs) {
        DusoObject o = new DusoObject();
        for (int i = 0; i < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            o.put((String) pairs[i], v instanceof Integer n ? (Object) n.doubleValue() : v);
        }
        return o;
    }

    @Override
    public void close() {
        runtime.shutdown();
    }
}

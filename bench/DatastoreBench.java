// Datastore throughput at the Java level, one thread, no JMH: a warm-up pass, then timed passes.
// Run after `mvn package`:  java -cp target/duso.jar bench/DatastoreBench.java [records]
import duso.cli.Libraries;
import duso.lang.values.DusoObject;
import duso.lang.values.DusoArray;
import duso.lang.values.Nil;
import duso.runtime.Console;
import duso.runtime.DusoRuntime;
import duso.runtime.Options;
import duso.runtime.Output;
import duso.runtime.ScriptInstance;
import duso.store.Store;
import duso.store.StoreRegistry;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

public class DatastoreBench {
    interface Op {
        void run(int i);
    }

    static String[] keys;

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = "key" + i;
        }
        Path dir = Files.createTempDirectory("duso-bench");
        String key = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
        System.out.printf("%-28s %14s %14s %14s%n", "operation (" + n + " keys)", "memory", "WAL", "WAL+AES-GCM");
        Store[] stores = {
            open(dir, "mem", null, null),
            open(dir, "wal", "wal.duwal", null),
            open(dir, "enc", "enc.duwal", key),
        };
        DusoObject record = record();
        row("set (6-field object)", stores, n, s -> i -> s.set(keys[i], record));
        row("set (number)", stores, n, s -> i -> s.set(keys[i], (double) i));
        row("get (6-field object)", stores, n, s -> i -> { s.set(keys[i], record); }, s -> i -> s.get(keys[i]));
        row("get (number)", stores, n, s -> i -> s.set(keys[i], (double) i), s -> i -> s.get(keys[i]));
        row("increment", stores, n, s -> i -> s.increment("counter", 1));
        row("push", stores, n, s -> i -> s.push("queue", (double) i, false));
        row("shift", stores, n, s -> i -> s.push("queue2", (double) i, false), s -> i -> s.take("queue2", false, "shift"));
        System.exit(0);
    }

    static DusoObject record() {
        DusoObject o = new DusoObject();
        o.put("name", "Alice Example");
        o.put("email", "alice@example.com");
        o.put("age", 42.0);
        o.put("active", true);
        o.put("score", 97.5);
        o.put("tags", DusoArray.of("admin", "beta", "ops"));
        return o;
    }

    static Store open(Path dir, String ns, String wal, String key) {
        Console console = new Console(System.out, System.err, new ByteArrayInputStream(new byte[0]));
        DusoRuntime rt = new DusoRuntime(console, Options.DEFAULT, dir, Libraries.ALL);
        ScriptInstance inst = new ScriptInstance(rt, "bench", dir, Nil.NIL, Output.of(console), 0);
        Store s = StoreRegistry.of(rt).open(ns);
        DusoObject cfg = new DusoObject();
        if (wal != null) {
            cfg.put("wal", wal);
        }
        if (key != null) {
            cfg.put("encrypt_key", key);
        }
        return s.configure(cfg, inst);
    }

    interface Bound {
        Op on(Store s);
    }

    static void row(String name, Store[] stores, int n, Bound timed) {
        row(name, stores, n, null, timed);
    }

    static void row(String name, Store[] stores, int n, Bound setup, Bound timed) {
        StringBuilder line = new StringBuilder(String.format("%-28s", name));
        for (Store s : stores) {
            if (setup != null) {
                Op prep = setup.on(s);
                for (int i = 0; i < n; i++) {
                    prep.run(i);
                }
            }
            Op op = timed.on(s);
            double best = 0;
            for (int pass = 0; pass < 4; pass++) { // pass 0 warms up
                if (setup != null && pass > 0 && name.startsWith("shift")) {
                    Op prep = setup.on(s);
                    for (int i = 0; i < n; i++) {
                        prep.run(i);
                    }
                }
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    op.run(i);
                }
                double rate = n / ((System.nanoTime() - start) / 1e9);
                if (pass > 0) {
                    best = Math.max(best, rate);
                }
            }
            line.append(String.format(" %12.0f/s", best));
        }
        System.out.println(line);
    }
}

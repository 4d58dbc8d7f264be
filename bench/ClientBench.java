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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Client orchestration from Java: N virtual threads started together, each making 5 sequential
 * GETs of the delay server, through either
 *   duso - the fetch() builtin itself (duso.client), each worker with its own script instance
 *          state, as a spawned script calls it;
 *   jdk  - one shared java.net.http.HttpClient (HTTP/1.1), the JDK baseline.
 * Prints the wall time and how many requests returned "ok". Peak RSS is measured from outside
 * (bench/client_bench.sh runs this under /usr/bin/time -v).
 *
 *   javac -cp target/duso.jar -d target/bench bench/ClientBench.java
 *   java -cp target/duso.jar:target/bench ClientBench duso|jdk N [url]
 */
public class ClientBench {
    static final int ROUNDS = 5;
    /** With -Drounds=true: when the last worker finished each round (ms since start). */
    static final long[] roundDone = new long[ROUNDS];
    static volatile long start;

    interface Worker {
        int run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        int n = Integer.parseInt(args[1]);
        String url = args.length > 2 ? args[2] : "http://127.0.0.1:18090/delay";
        Worker w = switch (mode) {
            case "duso" -> dusoWorker(url);
            case "jdk" -> jdkWorker(url);
            default -> throw new IllegalArgumentException("mode: duso or jdk");
        };
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long t0 = System.nanoTime();
        start = t0;
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                try {
                    ok.addAndGet(w.run());
                } catch (Exception e) {
                    if (failed.incrementAndGet() <= 3) {
                        System.err.println(e);
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (Boolean.getBoolean("rounds")) {
            System.out.println("rounds done at " + java.util.Arrays.toString(roundDone) + " ms");
        }
        System.out.println(mode + " n=" + n + " ok=" + ok + "/" + n * ROUNDS + " failed-workers=" + failed + " in " + ms + "ms");
        System.exit(0);
    }

    static synchronized void roundFinished(int round) {
        roundDone[round] = Math.max(roundDone[round], (System.nanoTime() - start) / 1_000_000);
    }

    static Worker dusoWorker(String url) {
        Console console = new Console(System.out, System.err, System.in);
        DusoRuntime rt = new DusoRuntime(console, Options.DEFAULT, Path.of("."), Libraries.ALL);
        ScriptInstance main = new ScriptInstance(rt, "bench", Path.of("."), Nil.NIL, Output.of(console), 0);
        Builtin fetch = (Builtin) rt.registry().lookup("fetch");
        return () -> {
            Interp in = main.newInterp(false);
            int ok = 0;
            for (int i = 0; i < ROUNDS; i++) {
                DusoObject r = (DusoObject) fetch.call(in, CallArgs.of(url));
                if ("ok".equals(r.get("body"))) {
                    ok++;
                }
                roundFinished(i);
            }
            return ok;
        };
    }

    static Worker jdkWorker(String url) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest req = HttpRequest.newBuilder(URI.create(url)).build();
        return () -> {
            int ok = 0;
            for (int i = 0; i < ROUNDS; i++) {
                if ("ok".equals(client.send(req, HttpResponse.BodyHandlers.ofString()).body())) {
                    ok++;
                }
                roundFinished(i);
            }
            return ok;
        };
    }
}

package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process exit statuses and signals with a real {@code bin/duso} child: {@code shutdown(n)}
 * decides the status wherever it is called from, and SIGTERM/SIGINT stop a script that is
 * blocked (sleeping, waiting on a datastore) gracefully: exit 0, nothing reported as an
 * error, and the persisted datastore flushed so the next process reads what was written.
 */
class ShutdownIT {
    /** Writes to a persisted store, says it is ready, then blocks until a signal arrives. */
    static final String BLOCKED = """
            s = datastore("sig", {persist = "sig.dusnap"})
            s.set("written", "before the signal")
            print("READY")
            BLOCK
            print("not reached")
            """;

    @TempDir
    Path dir;

    @Test
    void sigtermStopsASleepingScriptAndFlushesTheStore() throws Exception {
        Result r = signalWhenReady(BLOCKED.replace("BLOCK", "sleep(60)"), "TERM");
        assertEquals(0, r.status, r.stderr);
        assertEquals(List.of("READY"), r.stdout);
        assertNoError(r);
        assertEquals("before the signal", readBack());
    }

    @Test
    void sigintStopsADatastoreWaitAndFlushesTheStore() throws Exception {
        Result r = signalWhenReady(BLOCKED.replace("BLOCK", "s.wait(\"never\")"), "INT");
        assertEquals(0, r.status, r.stderr);
        assertEquals(List.of("READY"), r.stdout);
        assertNoError(r);
        assertEquals("before the signal", readBack());
    }

    @Test
    void sigintReachesAScriptThatInheritedItIgnored() throws Exception {
        // A shell's background job (duso server.du &) starts with SIGINT ignored; the reference
        // (Go's signal.Notify) takes the signal over anyway, and so does duso.
        Result r = signalWhenReady(BLOCKED.replace("BLOCK", "s.wait(\"never\")"), "INT", true);
        assertEquals(0, r.status, r.stderr);
        assertEquals(List.of("READY"), r.stdout);
        assertNoError(r);
        assertEquals("before the signal", readBack());
    }

    @Test
    void sigtermStopsABusyLoop() throws Exception {
        Result r = signalWhenReady(BLOCKED.replace("BLOCK", "n = 0\nwhile true do n = n + 1 end"), "TERM");
        assertEquals(0, r.status, r.stderr);
        assertNoError(r);
        assertEquals("before the signal", readBack());
    }

    @Test
    void shutdownCodeIsTheProcessStatus() throws Exception {
        Result r = run("print(\"a\")\nshutdown(7)\nprint(\"b\")\n");
        assertEquals(7, r.status, r.stderr);
        assertEquals(List.of("a"), r.stdout);
    }

    @Test
    void exitInTheMainScriptIsStatusZeroWhateverTheValue() throws Exception {
        Result r = run("exit(3)\n");
        assertEquals(0, r.status, r.stderr);
    }

    @Test
    void shutdownFromABranchEndsABlockedMainScriptWithItsCode() throws Exception {
        Result r = run("""
                s = datastore("x", {persist = "x.dusnap"})
                s.set("k", 1)
                parallel(function() shutdown(4) end)
                s.wait("never")
                """);
        assertEquals(4, r.status, r.stderr);
        assertNoError(r);
        assertTrue(Files.exists(dir.resolve("x.dusnap")), "the store was flushed");
    }

    @Test
    void sigtermStopsSpawnedScriptsQuietlyAndFlushesWhatTheyWrote() throws Exception {
        Result r = signalWhenReady("""
                s = datastore("sig", {persist = "sig.dusnap"})
                worker = parse("s = datastore(\\"sig\\")\\ns.increment(\\"workers\\")\\ns.wait(\\"never\\")")
                for i = 1, 50 do spawn(worker) end
                s.wait("workers", 50, 10)
                s.set("written", "by the main script")
                print("READY")
                sleep(60)
                """, "TERM");
        assertEquals(0, r.status, r.stderr);
        assertNoError(r);
        assertEquals("by the main script", readBack());
    }

    @Test
    void shutdownFromASpawnedScriptEndsTheProcessWithItsCode() throws Exception {
        Result r = run("""
                s = datastore("sig", {persist = "sig.dusnap"})
                s.set("written", "before shutdown")
                spawn(parse("sleep(0.2)\\nshutdown(9)"))
                print("waiting")
                s.wait("never")
                print("not reached")
                """);
        assertEquals(9, r.status, r.stderr);
        assertEquals(List.of("waiting"), r.stdout);
        assertNoError(r);
        assertEquals("before shutdown", readBack());
    }

    @Test
    void anUncaughtErrorIsStatusOne() throws Exception {
        Result r = run("x = 1 / 0\n");
        assertEquals(1, r.status);
        assertTrue(r.stderr.contains("division by zero"), r.stderr);
    }

    private static void assertNoError(Result r) {
        assertFalse(r.stderr.contains("Error"), "stderr: " + r.stderr);
        assertFalse(r.stderr.contains("interrupted"), "stderr: " + r.stderr);
    }

    /** What the next process finds in the store the first one persisted. */
    private String readBack() throws Exception {
        Result r = run("print(datastore(\"sig\", {persist = \"sig.dusnap\"}).get(\"written\"))\n");
        assertEquals(0, r.status, r.stderr);
        return String.join("\n", r.stdout);
    }

    record Result(int status, List<String> stdout, String stderr) {}

    private Process start(String script) throws IOException {
        return start(script, false);
    }

    /**
     * Starts bin/duso on the script. With ignoreInt, through a shell that sets SIGINT to
     * ignored first, as a shell does for its background jobs. A watchdog kills a child still
     * running after a minute, so a signal that goes unheard fails the test instead of hanging it.
     */
    private Process start(String script, boolean ignoreInt) throws IOException {
        Files.writeString(dir.resolve("main.du"), script);
        String duso = Path.of("bin/duso").toAbsolutePath().toString();
        List<String> command = ignoreInt ? List.of("bash", "-c", "trap '' INT; exec \"$0\" main.du", duso)
                : List.of(duso, "main.du");
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile())
                .start();
        Thread.ofVirtual().start(() -> {
            try {
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        });
        return p;
    }

    private Result run(String script) throws Exception {
        Process p = start(script);
        List<String> lines = readAll(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
        return finish(p, lines);
    }

    /** Starts the script, sends the signal once it printed READY, and collects the outcome. */
    private Result signalWhenReady(String script, String signal) throws Exception {
        return signalWhenReady(script, signal, false);
    }

    private Result signalWhenReady(String script, String signal, boolean ignoreInt) throws Exception {
        Process p = start(script, ignoreInt);
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine();
        List<String> lines = new ArrayList<>();
        if (first != null) {
            lines.add(first);
        }
        if ("READY".equals(first)) {
            Thread.sleep(200); // let it reach the blocking call
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(p.pid())).start();
            assertEquals(0, kill.waitFor());
        }
        lines.addAll(readAll(out));
        return finish(p, lines);
    }

    private Result finish(Process p, List<String> stdout) throws Exception {
        boolean ended = p.waitFor(20, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        assertTrue(ended, "the process ended");
        String stderr = Files.readString(dir.resolve("stderr.txt"));
        if (stderr.startsWith("duso: building")) {
            stderr = stderr.substring(stderr.indexOf('\n') + 1);
        }
        return new Result(p.exitValue(), stdout, stderr);
    }

    private static List<String> readAll(BufferedReader r) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lines.add(line);
        }
        return lines;
    }
}

package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose virtual threads waited on sockets (here: fetch() from spawned scripts against
 * a slow local server) has the JDK's I/O poller threads sitting in native code when it ends,
 * and the JVM's exit waits for such threads to block, 300 ms by default. The launcher passes
 * -XX:UserThreadWaitAttemptsAtExit=0 (docs/tuning.md, "Ending the process"); the exit status
 * and every line of output must still arrive.
 *
 * <p>The wait is read from the JVM's own log: the time between the start of its Exit operation
 * and the final monitor audit that follows the wait. With the JVM's default (30 attempts of
 * 10 ms) the same script shows the wait, which proves the set-up has a thread in native code.
 */
class ProcessExitIT {
    private static final String EXIT_LOG = "-Xlog:vmoperation=debug,monitorinflation=info:stderr:uptimemillis";
    private static final Pattern EXIT_BEGINS = Pattern.compile("\\[(\\d+)ms\\].*begin VM_Operation.*: Exit,");
    private static final Pattern AUDIT = Pattern.compile("\\[(\\d+)ms\\].*Starting the final audit");
    /** The JVM's default wait is 30 attempts of 10 ms after a first look, at least 300 ms. */
    private static final long DEFAULT_WAIT_MILLIS = 300;

    private HttpServer slow;

    @BeforeEach
    void startSlowServer() throws IOException {
        slow = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        slow.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        slow.createContext("/", exchange -> {
            try {
                Thread.sleep(200); // long enough for the fetching virtual thread to park on its socket
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = "ok".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        slow.start();
    }

    @AfterEach
    void stopSlowServer() {
        slow.stop(0);
    }

    private Path script(Path dir, String ending) throws IOException {
        String url = "http://127.0.0.1:" + slow.getAddress().getPort() + "/";
        Path file = dir.resolve("workers.du");
        Files.writeString(file, String.join("\n",
                "store = datastore(\"exit\")",
                "worker = parse(\"datastore(\\\"exit\\\").push(\\\"bodies\\\", fetch(context().url).body)\")",
                "for i = 1, 3 do spawn(worker, {url = \"" + url + "\"}) end",
                "store.wait(\"bodies\", function(v) return len(v) == 3 end, 20)",
                "for i = 1, 20000 do print(\"line \" + i) end",
                ending, ""));
        return file;
    }

    private record Result(int status, List<String> out, String err) {}

    private static Result run(Path script, String javaOpts) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(LauncherIT.LAUNCHER.toString(), script.toString());
        pb.environment().put("DUSO_JAVA_OPTS", javaOpts);
        Path err = Files.createTempFile(script.getParent(), "err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out.lines().toList(), Files.readString(err));
    }

    private static void assertAllLines(Result r) {
        assertEquals(20000, r.out().size(), r.err());
        assertEquals("line 1", r.out().get(0));
        assertEquals("line 20000", r.out().get(19999));
    }

    /** Milliseconds the JVM's Exit operation spent before its final audit, from the exit log. */
    private static long exitWaitMillis(Result r) {
        Matcher begin = EXIT_BEGINS.matcher(r.err());
        Matcher audit = AUDIT.matcher(r.err());
        assertTrue(begin.find() && audit.find(), r.err());
        return Long.parseLong(audit.group(1)) - Long.parseLong(begin.group(1));
    }

    @Test
    void socketWaitingProcessEndsWithoutTheNativeThreadWaitWithItsStatusAndOutput(@TempDir Path dir) throws Exception {
        Result r = run(script(dir, "shutdown(3)"), EXIT_LOG);
        assertEquals(3, r.status(), r.err());
        assertAllLines(r);
        assertTrue(exitWaitMillis(r) < DEFAULT_WAIT_MILLIS, r.err());
    }

    @Test
    void uncaughtErrorKeepsStatusOne(@TempDir Path dir) throws Exception {
        Result r = run(script(dir, "x = nil + {}"), EXIT_LOG);
        assertEquals(1, r.status(), r.err());
        assertAllLines(r);
        assertTrue(r.err().contains("Error: "), r.err());
        assertTrue(exitWaitMillis(r) < DEFAULT_WAIT_MILLIS, r.err());
    }

    @Test
    void theJvmsDefaultWaitsForThePollers(@TempDir Path dir) throws Exception {
        Result r = run(script(dir, "print(\"done\")"), EXIT_LOG + " -XX:UserThreadWaitAttemptsAtExit=30");
        assertEquals(0, r.status(), r.err());
        assertEquals(20001, r.out().size());
        assertTrue(exitWaitMillis(r) >= DEFAULT_WAIT_MILLIS, r.err());
    }
}

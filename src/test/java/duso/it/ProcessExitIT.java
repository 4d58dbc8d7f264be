package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process whose virtual threads waited on sockets (here: fetch() from spawned scripts against
 * a slow local server) ends through libc's _exit rather than the JVM's exit, which would wait
 * 300 ms for the JDK's I/O pollers (duso.cli.ProcessExit). Either way the exit status and every
 * line of output must arrive. Which path ran is read from the JVM's safepoint statistics, which
 * only the JVM's own exit prints; the time saved is shown by bench/cfetch.du, not here.
 */
class ProcessExitIT {
    private static final String JVM_EXIT_STATS = "Maximum sync time";

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

    @Test
    void socketWaitingProcessEndsThroughExitWithItsStatusAndOutput(@TempDir Path dir) throws Exception {
        Result r = run(script(dir, "shutdown(3)"), "-Xlog:safepoint+stats=info:stderr");
        assertEquals(3, r.status(), r.err());
        assertAllLines(r);
        assertFalse(r.err().contains(JVM_EXIT_STATS), r.err());
    }

    @Test
    void uncaughtErrorKeepsStatusOne(@TempDir Path dir) throws Exception {
        Result r = run(script(dir, "x = nil + {}"), "-Xlog:safepoint+stats=info:stderr");
        assertEquals(1, r.status(), r.err());
        assertAllLines(r);
        assertTrue(r.err().contains("Error: "), r.err());
        assertFalse(r.err().contains(JVM_EXIT_STATS), r.err());
    }

    @Test
    void jvmExitCanBeAskedFor(@TempDir Path dir) throws Exception {
        Result r = run(script(dir, "print(\"done\")"), "-Dduso.exit=jvm -Xlog:safepoint+stats=info:stderr");
        assertEquals(0, r.status(), r.err());
        assertEquals(20001, r.out().size());
        assertTrue(r.err().contains(JVM_EXIT_STATS), r.err());
    }
}

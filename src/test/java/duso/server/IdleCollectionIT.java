package duso.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started by the launcher collects once when its requests stop, and then not again
 * while it stays idle (docs/tuning.md, "An idle server sleeps"): read from the JVM's own GC log
 * of a real server process. Not a timing test: the waits are bounds, not measurements.
 */
class IdleCollectionIT {
    @TempDir
    Path dir;

    static final String MAIN = """
            s = http_server({port = PORT, address = "127.0.0.1"})
            s.route("GET", "/ping", parse('context().response().text("pong")'))
            s.start()
            """;

    @Test
    void collectsOnceAfterABurstAndThenSleeps() throws Exception {
        Path log = dir.resolve("gc.log");
        Map<String, String> env = Map.of("DUSO_JAVA_OPTS", "-Xlog:gc:file=" + log);
        try (ServerProcess server = ServerProcess.start(dir, "main.du", Map.of("main.du", MAIN), env)) {
            awaitIdleCollections(log, 1); // start-up is a burst too
            for (int i = 0; i < 20; i++) {
                assertEquals(200, server.get("/ping").statusCode());
            }
            awaitIdleCollections(log, 2);
            Thread.sleep(2_500);
            // (a stall of the client between two requests would be a burst of its own: at least two)
            assertTrue(idleCollections(log) >= 2, this::gcLines);
            List<String> lines = Files.readAllLines(log);
            String last = lines.stream().filter(l -> l.contains("System.gc()")).reduce((a, b) -> b).orElseThrow();
            List<String> after = lines.subList(lines.indexOf(last) + 1, lines.size());
            assertTrue(after.stream().noneMatch(l -> l.contains("Pause Young")),
                    () -> "no collection while idle:\n" + String.join("\n", after));
            assertTrue(last.contains("Concurrent Start"), "the collection is G1's concurrent cycle: " + last);
        }
    }

    private void awaitIdleCollections(Path log, int count) throws Exception {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (idleCollections(log) < count) {
            assertTrue(System.nanoTime() < deadline, () -> "expected " + count + " idle collections:\n" + gcLines());
            Thread.sleep(100);
        }
    }

    private static long idleCollections(Path log) throws Exception {
        return Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> l.contains("System.gc()")).count() : 0;
    }

    private String gcLines() {
        try {
            return Files.readString(dir.resolve("gc.log"));
        } catch (Exception e) {
            return e.toString();
        }
    }
}

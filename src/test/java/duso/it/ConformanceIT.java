package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Runs the shared conformance corpus (expected outputs produced by the reference runtime)
 * against the real launcher, every case, none skipped.
 */
class ConformanceIT {
    static final Path CORPUS = Path.of("../shared/conformance");

    @Test
    void everyCasePasses() throws IOException, InterruptedException {
        assertTrue(Files.isExecutable(CORPUS.resolve("run.sh")),
                "the conformance corpus is expected at " + CORPUS.toAbsolutePath());
        Process p = new ProcessBuilder(CORPUS.resolve("run.sh").toAbsolutePath().toString(),
                Path.of("bin/duso").toAbsolutePath().toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.MINUTES), "conformance run timed out");
        System.out.println(output.lines().reduce((a, b) -> b).orElse(""));
        assertEquals(0, p.exitValue(), () -> "conformance failures:\n" + output);
    }
}

package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled jobs live only as long as the process: as on the reference, a script that
 * schedules something and ends takes its schedule with it (the scheduler does not keep the
 * process running), and nothing fires after the end.
 */
class SchedulerLifetimeTest {
    @TempDir
    Path cwd;

    @Test
    void endingTheMainScriptEndsTheSchedule() throws Exception {
        Files.writeString(cwd.resolve("job.du"), "append_file(\"fired.txt\", \"x\")\n");
        long start = System.nanoTime();
        ScriptRun r = ScriptRun.script(cwd, "main.du", """
                schedule("0.1s", "job.du")
                schedule("+0.2s", "job.du")
                print("scheduled")
                """);
        assertEquals("scheduled\n", r.out());
        assertEquals(0, r.status(), r.err());
        assertFalse(System.nanoTime() - start > 2_000_000_000L, "the run waited for its schedule");
        Thread.sleep(500);
        assertFalse(Files.exists(cwd.resolve("fired.txt")), "a job fired after the script ended");
    }
}

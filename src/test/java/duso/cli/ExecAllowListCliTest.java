package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * exec() and -allow-exec through the real CLI with real processes: what golden scripts cannot
 * express (allowlist entries with spaces, the call log, the host environment, process cleanup).
 */
class ExecAllowListCliTest {
    @TempDir
    Path dir;

    @Test
    void entryWithArgumentsPinsTheLeadingArguments() {
        ScriptRun r = ScriptRun.script(dir, "a.du", """
                print(exec("echo", {args = ["-n", "pinned"]}).stdout)
                try
                  exec("echo", {args = ["free"]})
                catch (e)
                  print(e.message)
                end
                """, "-allow-exec", "echo -n,echo -e");
        assertEquals("pinned\nexec: echo not permitted with those args; permitted: echo -n, echo -e\n", r.out(), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void callIsLoggedWithResolvedPathAndArgumentsButNotEnvironment() {
        ScriptRun r = ScriptRun.script(dir, "a.du", """
                exec("echo", {args = ["-n", "a b"], env = {SECRET_TOKEN = "hunter2"}})
                """, "-allow-exec", "echo");
        String echo = resolvedOnPath("echo");
        assertEquals("exec: " + echo + " -n a b\n", r.err());
        assertFalse(r.err().contains("hunter2"));
    }

    @Test
    void entriesAreTrimmedAndEmptyOnesSkipped() {
        ScriptRun r = ScriptRun.script(dir, "a.du", """
                print(exec("cat", {stdin = "c"}).stdout, exec("echo", {args = ["e"]}).stdout)
                """, "-allow-exec", " echo ,, cat ,");
        assertEquals("c e\n\n", r.out(), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void onlyCommasIsTheSameAsNoList() {
        ScriptRun r = ScriptRun.script(dir, "a.du", "print(exec(\"true\").ok)\n", "-allow-exec", ",,,");
        assertEquals("true\n", r.out(), r.err());
        assertTrue(r.err().contains("warning: -allow-exec with no command list"));
    }

    @Test
    void hostEnvironmentReachesChildOnlyWithInheritEnv() {
        Set<String> passed = Set.of("PATH", "HOME", "TMPDIR", "LANG", "TZ");
        String name = System.getenv().keySet().stream()
                .filter(k -> !passed.contains(k) && k.matches("[A-Za-z_][A-Za-z0-9_]*"))
                .sorted().findFirst().orElseThrow();
        String code = """
                probe = "echo [${%s:-absent}]"
                print(exec("sh", {args = ["-c", probe]}).stdout)
                print(exec("sh", {args = ["-c", probe], inherit_env = true}).stdout)
                print(exec("sh", {args = ["-c", "echo $PATH"]}).stdout)
                """.formatted(name);
        ScriptRun r = ScriptRun.script(dir, "a.du", code, "-allow-exec", "sh");
        String value = System.getenv(name);
        String expected = "[absent]\n\n" + "[" + (value.isEmpty() ? "absent" : value) + "]\n\n" + System.getenv("PATH") + "\n\n";
        assertEquals(expected, r.out(), r.err());
    }

    @Test
    void timeoutReturnsAtTheDeadlineAndEndsTheChild() throws Exception {
        ScriptRun r = ScriptRun.script(dir, "a.du", """
                t = now()
                try
                  exec("sleep", {args = ["7.123"], timeout = 0.3})
                catch (e)
                  print(e.message)
                end
                print(now() - t < 1.5)
                """, "-allow-exec", "sleep");
        assertEquals("exec() timed out: sleep\ntrue\n", r.out(), r.err());
        assertGone("7.123");
    }

    @Test
    void killingTheSpawnedScriptEndsItsChildAndGrandchildren() throws Exception {
        Files.writeString(dir.resolve("worker.du"), """
                exec("sh", {args = ["-c", "sleep 8.765; echo late"]})
                """);
        ScriptRun r = ScriptRun.script(dir, "a.du", """
                pid = spawn("worker.du")
                sleep(0.5)
                kill(pid)
                sleep(0.2)
                print("killed")
                """, "-allow-exec", "sh");
        assertEquals("killed\n", r.out(), r.err());
        assertTrue(r.err().contains("exec() cancelled: sh"), r.err());
        assertGone("8.765");
    }

    @Test
    void shutdownEndsTheChildTheMainScriptIsWaitingOn() throws Exception {
        Files.writeString(dir.resolve("stopper.du"), "sleep(0.3)\nshutdown(4)\n");
        ScriptRun r = ScriptRun.script(dir, "a.du", """
                spawn("stopper.du")
                exec("sleep", {args = ["9.321"]})
                print("not reached")
                """, "-allow-exec", "sleep");
        assertEquals("", r.out(), r.err());
        assertEquals(4, r.status());
        assertGone("9.321");
    }

    @Test
    void unresolvableEntryRefusesToBootBeforeTheScriptRuns() {
        ScriptRun r = ScriptRun.script(dir, "a.du", "print(\"ran\")\n", "-allow-exec", "echo,no_such_prog_q");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertEquals("allow-exec: no_such_prog_q not found\n", r.err());
    }

    /** Waits up to two seconds for every process whose arguments include {@code marker} to end. */
    private static void assertGone(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<ProcessHandle> alive;
        do {
            alive = ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                    .filter(ProcessHandle::isAlive)
                    .toList();
            if (alive.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() - deadline < 0);
        throw new AssertionError("still running: " + alive.stream().map(p -> p.info().commandLine().orElse("?")).toList());
    }

    private static String resolvedOnPath(String name) {
        for (String d : System.getenv("PATH").split(":")) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toAbsolutePath().normalize().toString();
            }
        }
        throw new AssertionError(name + " not on PATH");
    }
}

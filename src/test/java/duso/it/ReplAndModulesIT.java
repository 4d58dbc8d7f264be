package duso.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher as a child process, for what in-process runs cannot show: the REPL on a
 * non-terminal stdin, the DUSO_LIB environment variable, and shutdown() ending the process
 * while the main script is still running.
 */
class ReplAndModulesIT {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    private Result duso(String stdin, Map<String, String> env, String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = Path.of("bin/duso").toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "duso did not finish");
        String err = Files.readString(dir.resolve("stderr.txt"));
        return new Result(p.exitValue(), out, err);
    }

    @Test
    void replReadsPipedInput() throws Exception {
        Result r = duso("total = 0\nfor i = 1, 4 do total = total + i end\ntotal\nexit()\n", Map.of(), "repl");
        assertEquals(0, r.status());
        assertEquals("10\n", r.out());
        assertTrue(r.err().contains("duso> "), r.err());
        assertTrue(r.err().endsWith("Goodbye!\n"), r.err());
    }

    @Test
    void dusoLibIsSearchedForModules() throws Exception {
        Files.createDirectories(dir.resolve("libs/extra"));
        Files.writeString(dir.resolve("libs/extra/tools.du"), "{name = \"tools\"}");
        Files.writeString(dir.resolve("main.du"), "print(require(\"tools\").name)");
        Result r = duso("", Map.of("DUSO_LIB", "nowhere:libs/extra"), "main.du");
        assertEquals("tools\n", r.out(), r.err());
    }

    @Test
    void shutdownFromAChildEndsTheWholeProcess() throws Exception {
        Files.writeString(dir.resolve("main.du"), """
                print("before")
                run(parse("shutdown(4)"))
                while true do
                end
                """);
        Result r = duso("", Map.of(), "main.du");
        assertEquals(4, r.status(), r.err());
        assertEquals("before\n", r.out());
    }
}

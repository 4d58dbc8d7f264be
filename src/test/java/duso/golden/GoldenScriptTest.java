package duso.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import duso.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code src/test/duso/**.du} script through the CLI, in-process, from the
 * script's own directory, and checks it against the expectations written in its comments:
 * <ul>
 *   <li>{@code // expect: TEXT} – the next line of standard output (in order, all of them);</li>
 *   <li>{@code // expect-error: TEXT} – standard error contains TEXT (implies status 1);</li>
 *   <li>{@code // expect-status: N} – the exit status (default 0, or 1 with expect-error);</li>
 *   <li>{@code // args: A B -flag} – extra command-line arguments after the script name;</li>
 *   <li>{@code // stdin: TEXT} – a line of standard input (repeatable).</li>
 * </ul>
 */
public class GoldenScriptTest {
    static final Path ROOT = Path.of("src/test/duso");

    @TestFactory
    Stream<DynamicTest> scripts() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(ROOT)) {
            files = s.filter(p -> p.toString().endsWith(".du"))
                    .filter(p -> !p.toString().contains("/support/"))
                    .sorted()
                    .toList();
        }
        return files.stream().map(p -> DynamicTest.dynamicTest(ROOT.relativize(p).toString(), p.toUri(), () -> check(p)));
    }

    static void check(Path script) throws IOException {
        check(script, List.of());
    }

    /**
     * Checks one script, with {@code extraArgs} after its own {@code // args:} (the sql()
     * integration tests pass the port of the server they started).
     */
    public static void check(Path script, List<String> extraArgs) throws IOException {
        List<String> expectedOut = new ArrayList<>();
        List<String> expectedErr = new ArrayList<>();
        List<String> args = new ArrayList<>();
        StringBuilder stdin = new StringBuilder();
        Integer status = null;
        for (String line : Files.readAllLines(script, StandardCharsets.UTF_8)) {
            String t = line.stripLeading();
            if (t.startsWith("// expect: ") || t.strip().equals("// expect:")) {
                expectedOut.add(t.length() > 11 ? t.substring(11) : "");
            } else if (t.startsWith("// expect-error: ")) {
                expectedErr.add(t.substring(17));
            } else if (t.startsWith("// expect-status: ")) {
                status = Integer.parseInt(t.substring(18).strip());
            } else if (t.startsWith("// args: ")) {
                args.addAll(List.of(t.substring(9).strip().split("\\s+")));
            } else if (t.startsWith("// stdin: ")) {
                stdin.append(t.substring(10)).append('\n');
            }
        }
        int expectedStatus = status != null ? status : expectedErr.isEmpty() ? 0 : 1;
        List<String> argv = new ArrayList<>();
        argv.add(script.getFileName().toString());
        argv.addAll(args);
        argv.addAll(extraArgs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(argv.toArray(new String[0]),
                new ByteArrayInputStream(stdin.toString().getBytes(StandardCharsets.UTF_8)), out, err,
                script.toAbsolutePath().getParent());
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        String expected = expectedOut.isEmpty() ? "" : String.join("\n", expectedOut) + "\n";
        assertEquals(expected, stdout, () -> "stdout of " + script + "\nstderr:\n" + stderr);
        for (String e : expectedErr) {
            assertTrue(stderr.contains(e), () -> "stderr of " + script + " lacks '" + e + "':\n" + stderr);
        }
        assertEquals(expectedStatus, code, () -> "exit status of " + script + "\nstderr:\n" + stderr);
    }
}

package duso.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad scripts get a script error, never a Java one: the golden scripts of the language and
 * pure-builtin areas, damaged at random (spans deleted, repeated or cut off, stray tokens and
 * odd code points inserted), run through {@code bin/duso}. Each must end within its time limit
 * with status 0 or 1, and nothing it prints may name a Java exception or a duso class. The
 * seed is fixed, so a failure names a case that reproduces.
 */
class MutatedScriptsIT {
    static final long SEED = 14;
    static final int CASES = 160;
    static final List<String> AREAS = List.of("basics", "strings", "loops", "functional", "json", "math",
            "conversion", "regex", "templates", "arrays", "code", "csv", "encoding", "form");
    static final String[] INSERTS = {"(", ")", "{", "}", "[", "]", "\"", "'", "~", ".", ",", ";", ":", "=", "+",
        "-", "*", "/", "%", "!", "<", ">", "?", "\\", "$", "#", "@", "`", "|", "&", "^", "end", "then", "do",
        "function", "if", "for", "in", "var", "return", "{{", "}}", "\"\"\"", "raw", "1e999", "-0", "0x", "\n",
        "nil", "self"};
    static final List<String> JAVA_LEAKS = List.of("Exception", "\tat ", "java.", "duso.lang.", "duso.runtime.");

    @TempDir
    Path dir;

    @Test
    void damagedScriptsEndWithAScriptErrorAtWorst() throws Exception {
        List<Path> sources = new ArrayList<>();
        for (String area : AREAS) {
            try (Stream<Path> s = Files.walk(Path.of("src/test/duso", area))) {
                s.filter(p -> p.toString().endsWith(".du") && !p.toString().contains("/support/")).sorted()
                        .forEach(sources::add);
            }
        }
        Random random = new Random(SEED);
        List<Path> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            Path source = sources.get(random.nextInt(sources.size()));
            Path damaged = dir.resolve("case" + i + ".du");
            Files.writeString(damaged, mutate(Files.readString(source), random), StandardCharsets.UTF_8);
            cases.add(damaged);
        }
        LauncherIT.launch(Map.of(), "eval", "print(1)"); // any build or cache training happens once, here
        List<String> failures = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            List<Future<String>> results = new ArrayList<>();
            for (Path c : cases) {
                results.add(pool.submit(() -> verdict(c)));
            }
            for (Future<String> f : results) {
                String problem = f.get();
                if (problem != null) {
                    failures.add(problem);
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n\n", failures));
    }

    /** One to three damages to the text. */
    static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int damages = 1 + random.nextInt(3);
        for (int d = 0; d < damages && !s.isEmpty(); d++) {
            int at = random.nextInt(s.length());
            int to = Math.min(s.length(), at + 1 + random.nextInt(12));
            double kind = random.nextDouble();
            if (kind < 0.3) {
                s.delete(at, to);
            } else if (kind < 0.6) {
                s.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
            } else if (kind < 0.75) {
                s.setLength(at);
            } else if (kind < 0.9) {
                s.insert(to, s.substring(at, to).repeat(1 + random.nextInt(3)));
            } else {
                s.insert(at, Character.toChars(1 + random.nextInt(0x2fff)));
            }
        }
        return s.toString();
    }

    /** Null when the run was acceptable, else what went wrong and the script that did it. */
    private String verdict(Path script) throws IOException, InterruptedException {
        Path output = script.resolveSibling(script.getFileName() + ".out");
        Process p = new ProcessBuilder(LauncherIT.LAUNCHER.toString(), script.getFileName().toString())
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor();
            return "no end within 20 s: " + script + "\n" + Files.readString(script);
        }
        String out = new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
        int status = p.exitValue();
        List<String> leaks = JAVA_LEAKS.stream().filter(out::contains).toList();
        if ((status == 0 || status == 1) && leaks.isEmpty()) {
            return null;
        }
        return "status " + status + (leaks.isEmpty() ? "" : ", Java text " + leaks) + " for " + script + "\n--- script:\n"
                + Files.readString(script) + "\n--- output:\n" + out;
    }
}

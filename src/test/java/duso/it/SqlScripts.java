package duso.it;

import duso.golden.GoldenScriptTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The sql() scripts for one real server ({@code src/test/sql/<kind>/*.du}, golden-script
 * format), run in-process with {@code -port N} so they reach the server the test started.
 */
final class SqlScripts {
    private SqlScripts() {}

    static Stream<DynamicTest> against(String kind, int port) throws IOException {
        Path root = Path.of("src/test/sql", kind);
        List<Path> files;
        try (Stream<Path> s = Files.list(root)) {
            files = s.filter(p -> p.toString().endsWith(".du")).sorted().toList();
        }
        List<String> args = List.of("-port", Integer.toString(port));
        return files.stream().map(p -> DynamicTest.dynamicTest(kind + "/" + p.getFileName(), p.toUri(),
                () -> GoldenScriptTest.check(p, args)));
    }
}

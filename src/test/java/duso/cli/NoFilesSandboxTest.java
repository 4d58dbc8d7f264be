package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -no-files} is a real sandbox: every builtin that could reach the disk refuses (the
 * reference only guards some), nothing on disk is read, listed or changed, and the /STORE/
 * virtual filesystem keeps working.
 */
class NoFilesSandboxTest {
    private static final String REFUSED = "filesystem access disabled (use -no-files to enable)";

    @TempDir
    Path cwd;

    @BeforeEach
    void existingFiles() throws IOException {
        Files.writeString(cwd.resolve("secret.txt"), "secret");
        Files.writeString(cwd.resolve("mod.du"), "\"module ran\"");
        Files.createDirectories(cwd.resolve("dir"));
    }

    /** Runs each call in the sandbox and returns what each one raised (or returned). */
    private List<String> outcomes(List<String> calls) {
        StringBuilder code = new StringBuilder();
        for (String call : calls) {
            code.append("try\n  print(tostring(").append(call).append("))\ncatch (e)\n  print(e.message)\nend\n");
        }
        ScriptRun r = ScriptRun.script(cwd, "main.du", code.toString(), "-no-files");
        assertEquals("", r.err());
        return r.out().lines().toList();
    }

    @Test
    void everyDiskBuiltinIsRefused() throws IOException {
        List<String> calls = List.of(
                "load(\"secret.txt\")",
                "load_binary(\"secret.txt\")",
                "save(\"new.txt\", \"x\")",
                "save_binary(load_binary(\"/STORE/none\"), \"new.bin\")",
                "append_file(\"secret.txt\", \"x\")",
                "file_exists(\"secret.txt\")",
                "file_type(\"secret.txt\")",
                "list_dir(\".\")",
                "list_files(\"*\")",
                "make_dir(\"made\")",
                "remove_dir(\"dir\")",
                "remove_file(\"secret.txt\")",
                "rename_file(\"secret.txt\", \"moved.txt\")",
                "copy_file(\"secret.txt\", \"copy.txt\")",
                "move_file(\"secret.txt\", \"moved.txt\")",
                "current_dir()",
                "watch(\"secret.txt\")",
                "watch(\"*.txt\")",
                "load(\"/HERE/secret.txt\")",
                "load(\"/CWD/secret.txt\")",
                "load(\"" + cwd.resolve("secret.txt") + "\")",
                "run(\"mod.du\")");
        List<String> got = outcomes(calls);
        for (int i = 0; i < calls.size(); i++) {
            String expected = calls.get(i).startsWith("save_binary")
                    ? "cannot load_binary '/STORE/none': file not found at /STORE/none"
                    : calls.get(i).startsWith("run")
                    ? "run: failed to parse mod.du: " + REFUSED
                    : REFUSED;
            assertEquals(expected, got.get(i), calls.get(i));
        }
        assertEquals("secret", Files.readString(cwd.resolve("secret.txt")));
        try (Stream<Path> files = Files.list(cwd)) {
            assertEquals(List.of("dir", "main.du", "mod.du", "secret.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void wildcardOperationsTouchNothingOnDisk() {
        assertEquals(List.of("[]", "[]", "[]"), outcomes(List.of(
                "remove_file(\"*.txt\")", "copy_file(\"*.txt\", \"dir\")", "move_file(\"*.txt\", \"dir\")")));
        assertFalse(Files.exists(cwd.resolve("dir/secret.txt")));
    }

    @Test
    void modulesOnDiskAreNotFound() {
        List<String> got = outcomes(List.of("require(\"mod\")", "include(\"mod.du\")"));
        for (String line : got) {
            assertFalse(line.contains("module ran"), line);
        }
        assertEquals("cannot find module 'mod'", got.get(0));
    }

    @Test
    void storeFilesStillWork() {
        assertEquals(List.of("nil", "kept", "nil", "stored module"), outcomes(List.of(
                "save(\"/STORE/a.txt\", \"kept\")", "load(\"/STORE/a.txt\")",
                "save(\"/STORE/m.du\", \"\\\"stored module\\\"\")", "require(\"/STORE/m\")")));
    }
}

package duso.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process with given stdin and working directory, capturing its output. */
record ScriptRun(int status, String out, String err) {
    static ScriptRun cli(Path cwd, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), out, err, cwd);
        return new ScriptRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes {@code code} to {@code cwd/relative} and runs it with the extra arguments. */
    static ScriptRun script(Path cwd, String relative, String code, String... flags) {
        try {
            Path file = cwd.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, code);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] args = new String[flags.length + 1];
        args[0] = relative;
        System.arraycopy(flags, 0, args, 1, flags.length);
        return cli(cwd, "", args);
    }
}

package duso.client;

import duso.cli.Cli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs a script in-process through the CLI ({@code duso eval CODE}) and keeps what it printed. */
record ScriptRun(int status, String out, String err) {
    static ScriptRun eval(String code) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"eval", code}, new ByteArrayInputStream(new byte[0]), out, err,
                Path.of(".").toAbsolutePath());
        return new ScriptRun(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Standard output, failing with both streams shown when the script did not exit cleanly. */
    String ok() {
        if (status != 0) {
            throw new AssertionError("script failed (" + status + "):\n" + err + "\nstdout:\n" + out);
        }
        return out;
    }
}

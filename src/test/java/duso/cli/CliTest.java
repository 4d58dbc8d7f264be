package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duso command's subcommands and exit statuses, run in-process. */
class CliTest {
    @TempDir
    Path dir;

    record Result(int status, String out, String err) {}

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(args, new ByteArrayInputStream(new byte[0]), out, err, dir);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void toolingSubcommandsSayTheyAreUnavailable() {
        for (String sub : new String[] {"debug", "lint", "doc", "init", "lsp", "primer"}) {
            Result r = run(sub, "x.du");
            assertEquals(1, r.status(), sub);
            assertEquals("", r.out(), sub);
            assertEquals("duso: the '" + sub + "' command is not available in duso-jvm\n", r.err());
        }
    }

    @Test
    void evalRunsCodeNamedInline() {
        Result r = run("eval", "print(1 + 2)");
        assertEquals(0, r.status());
        assertEquals("3\n", r.out());
    }

    @Test
    void evalErrorsNameInlineAndExitOne() {
        Result r = run("eval", "x = 1\ny = x / 0");
        assertEquals(1, r.status());
        assertEquals("Error: <inline>:2:7: division by zero\n", r.err());
    }

    @Test
    void exitInsideEvalEndsLikeAScript() {
        Result r = run("eval", "print(\"a\")\nexit(3)\nprint(\"b\")");
        assertEquals(0, r.status());
        assertEquals("a\n", r.out());
        assertEquals("", r.err());
    }

    @Test
    void evalWithoutCodeIsAnError() {
        Result r = run("eval");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("eval requires CODE argument"));
    }

    @Test
    void versionPrintsOneLine() {
        Result r = run("version");
        assertEquals(0, r.status());
        assertEquals(Cli.VERSION + "\n", r.out());
    }

    @Test
    void subcommandDashesAreIgnored() {
        assertEquals(Cli.VERSION + "\n", run("--version").out());
    }

    @Test
    void helpAndNoArgumentsShowUsage() {
        assertTrue(run("help").out().contains("duso FILE"));
        assertTrue(run().out().contains("duso eval"));
    }

    @Test
    void missingScriptIsReported() {
        Result r = run("nope.du");
        assertEquals(1, r.status());
        assertEquals("Error: could not read script 'nope.du': open nope.du: file does not exist\n", r.err());
    }

    @Test
    void anUnreadableScriptIsReportedAsTheEmbeddedLookupFailed() {
        assertEquals("Error: could not read script '/tmp/duso-no-such-dir/x.du': open tmp/duso-no-such-dir/x.du: file does not exist\n",
                run("/tmp/duso-no-such-dir/x.du").err());
    }

    @Test
    void parseErrorStopsBeforeRunning() {
        Result r = run("eval", "print(\"x\")\nif true then");
        assertEquals(1, r.status());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("Error: <inline>:2:13: expected END, got EOF"), r.err());
    }
}

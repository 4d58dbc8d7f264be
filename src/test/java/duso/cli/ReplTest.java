package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code duso repl} driven through piped stdin, in-process. */
class ReplTest {
    @TempDir
    Path cwd;

    private ScriptRun repl(String input) {
        return ScriptRun.cli(cwd, input, "repl");
    }

    @Test
    void variablesAndFunctionsPersistBetweenEntries() {
        ScriptRun r = repl("""
                x = 20
                function add(a) \\
                  return a + x \\
                end
                x = x + 1
                add(1)
                """);
        assertEquals("22\n", r.out());
        assertEquals(0, r.status());
    }

    @Test
    void singleExpressionsArePrintedLikeTheReference() {
        ScriptRun r = repl("""
                1 + 2
                "text"
                [1, {b = 2}]
                print("hi")
                nil
                y = 5
                y
                """);
        assertEquals("3\ntext\n[1, {b=2}]\nhi\nnil\n5\n", r.out());
    }

    @Test
    void errorsArePrintedAndTheSessionGoesOn() {
        ScriptRun r = repl("""
                print(missing)
                x = (
                1 / 0
                print("still here")
                """);
        assertEquals("still here\nnil\n", r.out()); // print() is a call: its nil is shown too
        assertTrue(r.err().contains("Error: 1:7: undefined variable: missing\n"), r.err());
        assertTrue(r.err().contains("Error: 1:6: unexpected token EOF at 1:6\n"), r.err());
        assertTrue(r.err().contains("Error: 1:3: division by zero\n"), r.err());
        assertEquals(0, r.status());
    }

    @Test
    void exitLeavesTheLoop() {
        ScriptRun r = repl("print(1)\nexit()\nprint(2)\n");
        assertEquals("1\nnil\n", r.out());
        assertTrue(r.err().endsWith("\nGoodbye!\n"), r.err());
        ScriptRun bare = repl("print(1)\n  exit  \nprint(2)\n");
        assertEquals("1\nnil\n", bare.out());
    }

    @Test
    void promptsBannerAndGoodbyeGoToStderr() {
        ScriptRun r = repl("x = 1 + \\\n2\nx\n");
        assertEquals("3\n", r.out());
        assertTrue(r.err().contains("Duso REPL (type 'exit' to quit, use \\ for line continuation)\n\n"), r.err());
        assertTrue(r.err().contains("duso>     > duso> duso> "), r.err());
        assertTrue(r.err().endsWith("\nGoodbye!\n"), r.err());
    }

    @Test
    void inputReadsTheNextLineOfTheSameStream() {
        ScriptRun r = repl("name = input()\nAda\nprint(\"hello \" + name)\n");
        assertEquals("hello Ada\nnil\n", r.out());
    }
}

package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** busy(): the spinner goes to stderr only, and print() or the end of the script erases it. */
class BusySpinnerTest {
    @TempDir
    Path dir;

    @Test
    void spinnerDrawsOnStderrAndIsErasedBeforePrinting() {
        ScriptRun r = ScriptRun.cli(dir, "", "eval", "busy(\"Working\"); sleep(0.25); print(\"done\")");
        assertEquals(0, r.status(), r.err());
        assertEquals("done\n", r.out());
        String erase = "\b".repeat(9) + " ".repeat(9) + "\b".repeat(9) + "\033[?25h";
        assertTrue(r.err().startsWith("\033[?25lWorking ⣀\b⣤"), r.err());
        assertTrue(r.err().endsWith(erase), r.err());
    }

    @Test
    void theEndOfTheScriptErasesASpinnerLeftRunning() {
        ScriptRun r = ScriptRun.cli(dir, "", "eval", "busy(42); sleep(0.1)");
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("\033[?25l⣀"), r.err());
        assertTrue(r.err().endsWith("\b \b\033[?25h"), r.err());
    }

    @Test
    void busyWithoutArgumentsWithNoSpinnerDoesNothing() {
        ScriptRun r = ScriptRun.cli(dir, "", "eval", "busy(); print(1)");
        assertEquals("1\n", r.out());
        assertEquals("", r.err());
    }
}

package duso.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Standard output is buffered, yet reaches the stream without an explicit flush. */
class ConsoleTest {
    /** A stream whose contents can be read while another thread writes to it. */
    private static final class Sink extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void bufferedOutputIsFlushedInTheBackground() throws Exception {
        Sink out = new Sink();
        Console console = new Console(out, new ByteArrayOutputStream(), new ByteArrayInputStream(new byte[0]));
        console.out("working...\n");
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (out.text().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals("working...\n", out.text(), "a script still running shows what it printed");
        Thread flusher = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("duso-stdout-flusher")).findFirst().orElseThrow();
        assertTrue(flusher.isDaemon(), "the flusher never keeps a finished script's process alive");
    }

    @Test
    void standardErrorWaitsForBufferedOutput() {
        Sink out = new Sink();
        Sink err = new Sink();
        Console console = new Console(out, err, new ByteArrayInputStream(new byte[0]));
        console.out("first\n");
        console.err("second\n");
        assertEquals("first\n", out.text(), "output printed before an error line is written before it");
        assertEquals("second\n", err.text());
    }
}

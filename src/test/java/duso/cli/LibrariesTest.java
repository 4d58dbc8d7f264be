package duso.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import duso.runtime.Console;
import duso.runtime.DusoRuntime;
import duso.runtime.LazyLibrary;
import duso.runtime.Library;
import duso.runtime.Options;
import duso.runtime.Registry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The names each library is declared with in {@link Libraries} are exactly the names it
 * registers: a name missing from a declaration would be invisible to scripts, and an extra
 * one would be a builtin that installs nothing. (Eager entries register their own names.)
 */
class LibrariesTest {
    @Test
    void everyLibraryDeclaresExactlyTheNamesItRegisters() {
        Console console = new Console(new ByteArrayOutputStream(), new ByteArrayOutputStream(),
                new ByteArrayInputStream(new byte[0]));
        DusoRuntime rt = new DusoRuntime(console, Options.DEFAULT, Path.of("."), List.of());
        for (Library entry : Libraries.ALL) {
            if (!(entry instanceof LazyLibrary lazy)) {
                continue;
            }
            Registry registered = new Registry();
            lazy.library().install(registered, rt);
            String name = lazy.library().getClass().getSimpleName();
            assertEquals(String.join(" ", new TreeSet<>(registered.names())), String.join(" ", new TreeSet<>(lazy.names())),
                    () -> name + " registers other names than Libraries declares for it");
        }
    }
}

package duso.runtime;

import duso.runtime.lib.ConsoleLibrary;
import duso.runtime.lib.TypesLibrary;
import java.util.List;

/** Every builtin library, in registration order (later ones may replace earlier names). */
final class Libraries {
    private Libraries() {}

    static final List<Library> ALL = List.of(
            new ConsoleLibrary(),
            new TypesLibrary());
}

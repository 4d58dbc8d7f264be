package duso.cli;

import duso.runtime.Library;
import duso.runtime.lib.ArraysLibrary;
import duso.runtime.lib.ConsoleLibrary;
import duso.runtime.lib.ConversionLibrary;
import duso.runtime.lib.FunctionalLibrary;
import duso.runtime.lib.MathLibrary;
import duso.runtime.lib.TimeLibrary;
import duso.runtime.lib.TypesLibrary;
import duso.store.DatastoreLibrary;
import java.util.List;

/** Every builtin library, in registration order (later ones may replace earlier names). */
public final class Libraries {
    private Libraries() {}

    public static final List<Library> ALL = List.of(
            new ConsoleLibrary(),
            new TypesLibrary(),
            new ArraysLibrary(),
            new FunctionalLibrary(),
            new MathLibrary(),
            new ConversionLibrary(),
            new TimeLibrary(),
            new DatastoreLibrary());
}

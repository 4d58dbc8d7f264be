package duso.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * A library whose builtins are installed the first time a script names one of them. Installing
 * creates a function object per builtin (a class each, for the lambdas), and a hello-world
 * names one builtin of two hundred: deferring the rest keeps about 1.3 MB and a few
 * milliseconds out of every start (docs/tuning.md). The names are declared up front, because
 * the compiler must know every builtin name before any library is installed;
 * {@code LibrariesTest} checks each declaration against what the library really registers.
 */
public record LazyLibrary(Library library, List<String> names) implements Library {
    /** The library with its builtin names, separated by single spaces. */
    public static LazyLibrary of(Library library, String names) {
        // Split by hand: String.split with a pattern would load java.util.regex at every start.
        List<String> list = new ArrayList<>();
        int from = 0;
        for (int at = names.indexOf(' '); at >= 0; at = names.indexOf(' ', from)) {
            list.add(names.substring(from, at));
            from = at + 1;
        }
        list.add(names.substring(from));
        return new LazyLibrary(library, List.copyOf(list));
    }

    @Override
    public void install(Registry registry, DusoRuntime runtime) {
        registry.defer(this, runtime);
    }
}

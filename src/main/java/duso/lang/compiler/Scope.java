package duso.lang.compiler;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A lexical scope as the reference defines them: the program root, a function body, a for
 * loop, a catch block. (if/while/try bodies are not scopes.) Each scope lives in a frame; loop
 * and catch scopes share their enclosing frame when nothing in them can be captured.
 */
final class Scope {
    enum Kind { ROOT, FUNCTION, LOOP, CATCH }

    final Scope parent;
    final FrameLayout frame;
    final Kind kind;
    /** True for the scope that created its frame (root, function, or an unflattened loop/catch). */
    final boolean ownsFrame;
    final Set<String> params;
    private final Map<String, Integer> slots = new HashMap<>();

    Scope(Scope parent, FrameLayout frame, Kind kind, boolean ownsFrame, Set<String> params) {
        this.parent = parent;
        this.frame = frame;
        this.kind = kind;
        this.ownsFrame = ownsFrame;
        this.params = params;
    }

    int declare(String name) {
        Integer s = slots.get(name);
        if (s == null) {
            s = frame.add(name);
            slots.put(name, s);
        }
        return s;
    }

    Integer slot(String name) {
        return slots.get(name);
    }

    boolean isParameter(String name) {
        return params.contains(name);
    }
}

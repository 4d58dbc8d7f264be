package duso.lang.compiler;

import java.util.ArrayList;
import java.util.List;

/** The slots of one run-time frame, filled in as scopes that share the frame declare names. */
final class FrameLayout {
    private final List<String> names = new ArrayList<>();

    int add(String name) {
        names.add(name);
        return names.size() - 1;
    }

    int size() {
        return names.size();
    }

    String[] names() {
        return names.toArray(new String[0]);
    }
}

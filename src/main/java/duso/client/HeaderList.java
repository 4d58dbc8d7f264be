package duso.client;

import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Response headers in arrival order as name/value pairs, names canonical (Go's http.Header
 * without the map until a script needs one). fetch() turns them into the script object the
 * reference returns: a single value as a string, a repeated header as an array of its values.
 */
final class HeaderList {
    private final ArrayList<String> pairs = new ArrayList<>(16);

    /** Adds a value; the name must already be canonical. */
    void add(String name, String value) {
        pairs.add(name);
        pairs.add(value);
    }

    boolean isEmpty() {
        return pairs.isEmpty();
    }

    /** Extends the most recent value (a folded continuation line). */
    void appendToLast(String more) {
        int last = pairs.size() - 1;
        pairs.set(last, pairs.get(last) + more);
    }

    /** The first value of a header, or null. */
    String first(String name) {
        for (int i = 0; i < pairs.size(); i += 2) {
            if (pairs.get(i).equals(name)) {
                return pairs.get(i + 1);
            }
        }
        return null;
    }

    int count(String name) {
        int n = 0;
        for (int i = 0; i < pairs.size(); i += 2) {
            if (pairs.get(i).equals(name)) {
                n++;
            }
        }
        return n;
    }

    List<String> all(String name) {
        List<String> out = new ArrayList<>(2);
        for (int i = 0; i < pairs.size(); i += 2) {
            if (pairs.get(i).equals(name)) {
                out.add(pairs.get(i + 1));
            }
        }
        return out;
    }

    void remove(String name) {
        for (int i = pairs.size() - 2; i >= 0; i -= 2) {
            if (pairs.get(i).equals(name)) {
                pairs.remove(i + 1);
                pairs.remove(i);
            }
        }
    }

    /** True when a comma-separated header holds this token (any case), e.g. Connection: close. */
    boolean hasToken(String name, String token) {
        for (int i = 0; i < pairs.size(); i += 2) {
            if (pairs.get(i).equals(name)) {
                for (String part : pairs.get(i + 1).split(",")) {
                    if (part.trim().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** {name: value} or {name: [values…]} for repeated headers. */
    DusoObject toObject() {
        DusoObject o = new DusoObject(pairs.size() / 2 + 2);
        for (int i = 0; i < pairs.size(); i += 2) {
            String name = pairs.get(i);
            String value = pairs.get(i + 1);
            Object prev = o.getOrNull(name);
            if (prev == null) {
                o.put(name, value);
            } else if (prev instanceof DusoArray a) {
                a.add(value);
            } else {
                o.put(name, DusoArray.of(prev, value));
            }
        }
        return o;
    }
}

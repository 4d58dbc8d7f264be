package duso.runtime;

import duso.lang.nodes.Globals;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The builtin table every script sees. Libraries register their functions here once, at
 * start-up; after that the table is only read, so scripts on many threads share it freely.
 */
public final class Registry implements Globals {
    private final Map<String, Object> builtins = new LinkedHashMap<>();

    public void add(String name, NativeFunction.Body body) {
        builtins.put(name, new NativeFunction(name, body));
    }

    /** A builtin that runs code in its caller's scope (include): see {@link Args#callerFrame}. */
    public void addInCallerScope(String name, NativeFunction.Body body) {
        builtins.put(name, new NativeFunction(name, true, body));
    }

    /** Registers any builtin value (a Builtin subclass with its own call path). */
    public void addValue(String name, Object value) {
        builtins.put(name, value);
    }

    @Override
    public Object lookup(String name) {
        return builtins.get(name);
    }

    public Set<String> names() {
        return Collections.unmodifiableSet(builtins.keySet());
    }
}

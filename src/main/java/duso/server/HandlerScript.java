package duso.server;

import duso.lang.compiler.CompiledUnit;
import duso.lang.values.DusoObject;
import duso.runtime.ScriptCache;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The script a route runs per request: a file (re-read through the runtime's script cache
 * when it changes) with the name its errors show, or parse() code compiled once; {@code dir}
 * is where its relative paths resolve. It also keeps what every request of the route would
 * otherwise rebuild: the compiled unit between cache checks, and the response helpers.
 */
final class HandlerScript {
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private record Memo(CompiledUnit unit, long checkedAt) {}

    private final Path file;
    private final String displayName;
    private final CompiledUnit code;
    private final Path dir;
    private volatile Memo memo;
    private volatile DusoObject helpers;

    HandlerScript(Path file, String displayName, CompiledUnit code, Path dir) {
        this.file = file;
        this.displayName = displayName;
        this.code = code;
        this.dir = dir;
    }

    String displayName() {
        return displayName;
    }

    Path dir() {
        return dir;
    }

    /**
     * The compiled unit: parse() code as registered; a file through the cache, asked at most
     * once a second (the cache itself re-stats the file at most once a second: hot reload).
     */
    CompiledUnit unit(ScriptCache cache) throws IOException {
        if (code != null) {
            return code;
        }
        long now = System.nanoTime();
        Memo m = memo;
        if (m != null && now - m.checkedAt < RECHECK_NANOS) {
            return m.unit;
        }
        CompiledUnit unit = cache.get(file, displayName);
        memo = new Memo(unit, now);
        return unit;
    }

    /** A fresh {@code response()} object: the helper functions are shared, the object is not. */
    DusoObject responseHelpers(ServerConfig cfg) {
        DusoObject h = helpers;
        if (h == null) {
            h = ResponseHelpers.build(cfg, displayName);
            helpers = h;
        }
        return h.shallowCopy();
    }
}

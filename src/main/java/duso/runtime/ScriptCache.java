package duso.runtime;

import duso.lang.ast.Program;
import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed and compiled script files, shared by every instance that runs them (spawned scripts,
 * request handlers, modules). A file is re-read when its modification time or size changes,
 * checked at most once a second per file, which gives hot reload without a stat per run.
 */
public final class ScriptCache {
    private static final long RECHECK_NANOS = 1_000_000_000L;

    private record Entry(CompiledUnit unit, long mtime, long size, long checkedAt) {}

    private record Key(Path path, String parseName, String runtimeName) {}

    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
    private final DusoRuntime runtime;

    ScriptCache(DusoRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * The compiled unit for a file; {@code displayName} is the name its errors show.
     * Throws IOException when the file cannot be read and DusoError when it does not parse.
     */
    public CompiledUnit get(Path path, String displayName) throws IOException {
        return get(path, displayName, displayName);
    }

    /**
     * Like {@link #get(Path, String)}, with different names for parse errors and runtime
     * errors (modules: the reference reports "&lt;parser&gt;" and "&lt;stdin&gt;").
     */
    public CompiledUnit get(Path path, String parseName, String runtimeName) throws IOException {
        Key key = new Key(path.toAbsolutePath().normalize(), parseName, runtimeName);
        long now = System.nanoTime();
        Entry e = entries.get(key);
        if (e != null && now - e.checkedAt < RECHECK_NANOS) {
            return e.unit;
        }
        BasicFileAttributes attrs = Files.readAttributes(key.path, BasicFileAttributes.class);
        long mtime = attrs.lastModifiedTime().toMillis();
        long size = attrs.size();
        if (e != null && e.mtime == mtime && e.size == size) {
            entries.put(key, new Entry(e.unit, mtime, size, now));
            return e.unit;
        }
        String text = new String(Files.readAllBytes(key.path), StandardCharsets.UTF_8);
        CompiledUnit unit = compile(new Source(parseName, key.path.toString(), text), runtimeName);
        entries.put(key, new Entry(unit, mtime, size, now));
        return unit;
    }

    /** Parses and compiles source text (parse errors name {@code source.displayName()}). */
    public CompiledUnit compile(Source source, String runtimeName) {
        Program program = Parser.parse(source);
        return Compiler.compile(program, runtimeName, runtime.registry());
    }
}

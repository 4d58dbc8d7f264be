package duso.runtime;

import duso.lang.errors.DusoError;
import duso.lang.values.Values;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The one way builtins reach files: every path a script names is resolved here (bare paths
 * against the entry script's directory, {@code /HERE/} against the running instance's,
 * {@code /CWD/} against the working directory, {@code /STORE/} and {@code /EMBED/} to the
 * virtual filesystems), and every real-disk operation passes the {@code -no-files} gate here,
 * so the sandbox cannot be bypassed by a builtin that forgets to check.
 *
 * <p>A {@link Target} keeps the path in the form the reference shows in messages (relative
 * to the working directory when the script named it so) next to the real {@link Path},
 * which is always resolved against {@link DusoRuntime#cwd()}, never the JVM's directory.
 * Failures are {@link FileFailure}s in the reference's categories.
 */
public final class HostFiles {
    /** The reference's wording of the -no-files refusal (sic: it names the flag that blocks). */
    public static final String SANDBOXED = "filesystem access disabled (use -no-files to enable)";
    public static final String EMBED_READ_ONLY = "cannot write to /EMBED/: embedded filesystem is read-only";

    /** Which filesystem a path lives on. /EMBED/ holds the runtime's built-in files ({@link EmbeddedFiles}). */
    public enum Kind { DISK, STORE, EMBED }

    /** A directory entry as list_dir reports it. */
    public record Entry(String name, boolean isDir) {}

    /** A resolved path: as messages show it, where it lives, and (on disk) the real path. */
    public record Target(String shown, Kind kind, Path real) {
        public boolean onDisk() {
            return kind == Kind.DISK;
        }
    }

    private final DusoRuntime runtime;
    private final StoreFiles store;

    private HostFiles(DusoRuntime runtime) {
        this.runtime = runtime;
        this.store = new StoreFiles(runtime);
    }

    public static HostFiles of(DusoRuntime runtime) {
        return runtime.service(HostFiles.class, () -> new HostFiles(runtime));
    }

    // ---- resolution -------------------------------------------------------------------------

    /** Resolves a path a script named (the reference's ResolvePath rules). */
    public Target resolve(String path, ScriptInstance instance) {
        if (GoPaths.hasRoot(path, "EMBED") || GoPaths.hasRoot(path, "STORE")) {
            return at(path);
        }
        if (GoPaths.hasRoot(path, "HERE")) {
            String base = instance == null ? cwdText() : GoPaths.shown(instance.dir(), runtime.cwd());
            return at(GoPaths.join(base, GoPaths.belowRoot(path, "HERE")));
        }
        if (GoPaths.hasRoot(path, "CWD")) {
            return at(GoPaths.join(cwdText(), GoPaths.belowRoot(path, "CWD")));
        }
        if (GoPaths.isAbsolute(path)) {
            return at(path);
        }
        String appDir = runtime.appDir();
        return at(appDir.isEmpty() || appDir.equals(".") ? path : GoPaths.join(appDir, path));
    }

    /** A path already in resolved form (glob results, module search candidates). */
    public Target at(String shown) {
        if (GoPaths.hasRoot(shown, "EMBED")) {
            return new Target(shown, Kind.EMBED, null);
        }
        if (GoPaths.hasRoot(shown, "STORE")) {
            return new Target(shown, Kind.STORE, null);
        }
        return new Target(shown, Kind.DISK, runtime.cwd().resolve(shown).normalize());
    }

    /** The working directory as os.Getwd() would print it. */
    public String cwdText() {
        return runtime.cwd().toString();
    }

    /** The path below /EMBED/, cleaned, as {@link EmbeddedFiles} names its files. */
    private static String embedded(Target t) {
        return GoPaths.clean(GoPaths.belowRoot(t.shown, "EMBED"));
    }

    // ---- the sandbox ------------------------------------------------------------------------

    /** Whether this target may be touched: virtual paths always, disk paths unless -no-files. */
    public boolean allowed(Target t) {
        return !t.onDisk() || !runtime.options().noFiles();
    }

    /** Refuses a disk path under -no-files with the reference's error. */
    public void guard(Target t) {
        if (!allowed(t)) {
            throw Args.error(SANDBOXED);
        }
    }

    /** Refuses any disk access at all under -no-files (current_dir and the like). */
    public void guardDisk() {
        if (runtime.options().noFiles()) {
            throw Args.error(SANDBOXED);
        }
    }

    // ---- reading and writing ------------------------------------------------------------------

    public byte[] read(Target t) throws FileFailure {
        switch (t.kind) {
            case STORE:
                return store.read(t.shown);
            case EMBED: {
                String path = embedded(t);
                if (EmbeddedFiles.isFile(path)) {
                    return EmbeddedFiles.read(path);
                }
                if (EmbeddedFiles.isDirectory(path)) {
                    throw FileFailure.other("read " + t.shown + ": is a directory");
                }
                throw new FileFailure(FileFailure.Cause.NOT_FOUND, "open " + t.shown + ": file does not exist");
            }
            default:
                guard(t);
                if (Files.isDirectory(t.real)) {
                    throw FileFailure.other("read " + t.shown + ": is a directory");
                }
                try {
                    return Files.readAllBytes(t.real);
                } catch (IOException e) {
                    throw FileFailure.of(e, "open", t.shown);
                }
        }
    }

    /** Creates or truncates the file (its directory must exist, as with os.WriteFile). */
    public void write(Target t, byte[] data) throws FileFailure {
        switch (t.kind) {
            case STORE -> store.write(t.shown, data);
            case EMBED -> throw FileFailure.other(EMBED_READ_ONLY);
            default -> writeHost(t, data);
        }
    }

    public void append(Target t, byte[] data) throws FileFailure {
        switch (t.kind) {
            case STORE -> store.append(t.shown, data);
            case EMBED -> throw FileFailure.other(EMBED_READ_ONLY);
            default -> writeHost(t, data, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
        }
    }

    /** write/append on disk: no options truncates (os.WriteFile), the append set appends. */
    private void writeHost(Target t, byte[] data, OpenOption... options) throws FileFailure {
        guard(t);
        if (Files.isDirectory(t.real)) {
            throw FileFailure.other("open " + t.shown + ": is a directory");
        }
        try {
            Files.write(t.real, data, options);
        } catch (IOException e) {
            throw FileFailure.of(e, "open", t.shown);
        }
    }

    // ---- questions --------------------------------------------------------------------------

    public boolean exists(Target t) {
        return switch (t.kind) {
            case STORE -> store.isDirectory(t.shown) || store.isFile(t.shown);
            case EMBED -> EmbeddedFiles.exists(embedded(t));
            default -> {
                guard(t);
                yield Files.exists(t.real);
            }
        };
    }

    /** A regular file (or anything that is not a directory) that exists. */
    public boolean isFile(Target t) {
        return switch (t.kind) {
            case STORE -> store.isFile(t.shown);
            case EMBED -> EmbeddedFiles.isFile(embedded(t));
            default -> {
                guard(t);
                yield Files.exists(t.real) && !Files.isDirectory(t.real);
            }
        };
    }

    public boolean isDirectory(Target t) {
        return switch (t.kind) {
            case STORE -> store.isDirectory(t.shown);
            case EMBED -> EmbeddedFiles.isDirectory(embedded(t));
            default -> {
                guard(t);
                yield Files.isDirectory(t.real);
            }
        };
    }

    /** "file" or "directory". */
    public String type(Target t) throws FileFailure {
        switch (t.kind) {
            case STORE:
                if (store.isDirectory(t.shown)) {
                    return "directory";
                }
                if (store.isFile(t.shown)) {
                    return "file";
                }
                throw FileFailure.other("no such file");
            case EMBED: {
                String path = embedded(t);
                if (EmbeddedFiles.isFile(path)) {
                    return "file";
                }
                if (EmbeddedFiles.isDirectory(path)) {
                    return "directory";
                }
                throw FileFailure.notFound("stat", t.shown);
            }
            default:
                guard(t);
                if (!Files.exists(t.real)) {
                    throw FileFailure.notFound("stat", t.shown);
                }
                return Files.isDirectory(t.real) ? "directory" : "file";
        }
    }

    /** A directory's entries, sorted by name as Go's os.ReadDir sorts them. */
    public List<Entry> list(Target t) throws FileFailure {
        switch (t.kind) {
            case STORE:
                return store.list(t.shown);
            case EMBED:
                return EmbeddedFiles.list(embedded(t));
            default:
                guard(t);
                if (Files.exists(t.real) && !Files.isDirectory(t.real)) {
                    throw FileFailure.other("readdirent " + t.shown + ": not a directory");
                }
                List<Entry> out = new ArrayList<>();
                try (Stream<Path> s = Files.list(t.real)) {
                    s.forEach(p -> out.add(new Entry(p.getFileName().toString(),
                            Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))));
                } catch (IOException e) {
                    throw FileFailure.of(e, "open", t.shown);
                }
                out.sort((a, b) -> Values.compareStrings(a.name(), b.name()));
                return out;
        }
    }

    // ---- changing the tree ------------------------------------------------------------------

    /** mkdir -p. */
    public void makeDirs(Target t) throws FileFailure {
        switch (t.kind) {
            case STORE -> store.makeDir(t.shown);
            case EMBED -> throw FileFailure.other(EMBED_READ_ONLY);
            default -> {
                guard(t);
                notUnderAFile(t);
                try {
                    Files.createDirectories(t.real);
                } catch (IOException e) {
                    throw FileFailure.of(e, "mkdir", t.shown);
                }
            }
        }
    }

    /**
     * Go's MkdirAll stops at the deepest part of the path that exists: when that is not a
     * directory, the error names it ({@code mkdir app/f.txt: not a directory} for
     * {@code f.txt/x/y}).
     */
    private static void notUnderAFile(Target t) throws FileFailure {
        Path p = t.real;
        String shown = t.shown;
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
            int cut = shown.lastIndexOf('/');
            shown = cut > 0 ? shown.substring(0, cut) : shown;
        }
        if (p != null && !Files.isDirectory(p)) {
            throw FileFailure.other("mkdir " + shown + ": not a directory");
        }
    }

    /** Removes a file (or an empty directory, as os.Remove does). */
    public void remove(Target t) throws FileFailure {
        switch (t.kind) {
            case STORE -> store.remove(t.shown);
            case EMBED -> throw FileFailure.other(EMBED_READ_ONLY);
            default -> {
                guard(t);
                try {
                    Files.delete(t.real);
                } catch (IOException e) {
                    throw FileFailure.of(e, "remove", t.shown);
                }
            }
        }
    }

    /** Removes an empty directory; on /STORE/ only its marker. */
    public void removeDir(Target t) throws FileFailure {
        if (t.kind == Kind.STORE) {
            store.removeDir(t.shown);
            return;
        }
        remove(t);
    }

    /**
     * Go's os.Rename, disk only: rename(2), which replaces an existing file at the destination
     * but never a directory (an existing directory there is "already exists", as Go checks
     * first) and never puts a directory over a file ("not a directory").
     */
    public void rename(Target from, Target to) throws FileFailure {
        guard(from);
        guard(to);
        String both = from.shown + " " + to.shown;
        if (!from.onDisk() || !to.onDisk()) {
            // Virtual paths are no disk paths: the reference's os.Rename finds nothing there.
            throw FileFailure.notFound("rename", both);
        }
        if (Files.isDirectory(to.real, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(from.real, LinkOption.NOFOLLOW_LINKS)) {
                throw FileFailure.notFound("rename", both);
            }
            if (from.real.equals(to.real) || !sameFile(from.real, to.real)) {
                throw new FileFailure(FileFailure.Cause.EXISTS, "rename " + both + ": file exists");
            }
        }
        try {
            // ATOMIC_MOVE is rename(2) itself; without it the JDK deletes what is in the way.
            Files.move(from.real, to.real, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw FileFailure.other("rename " + both + ": invalid cross-device link");
        } catch (IOException e) {
            throw FileFailure.of(e, "rename", both);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    // ---- patterns ---------------------------------------------------------------------------

    /**
     * Paths matching a resolved pattern, in resolved form (Go's filepath.Glob on disk: sorted
     * per directory, wildcards in directory parts allowed, {@code **} refused).
     */
    public List<String> glob(String pattern) {
        if (pattern.contains("**")) {
            throw Args.error("** (recursive wildcard) is not supported\n"
                    + "Available patterns: * (match anything), ? (match single character)");
        }
        try {
            if (GoPaths.hasRoot(pattern, "STORE")) {
                return store.glob(pattern);
            }
            if (GoPaths.hasRoot(pattern, "EMBED")) {
                return EmbeddedFiles.glob(GoPaths.belowRoot(pattern, "EMBED")).stream().map(p -> "/EMBED/" + p).toList();
            }
            guard(at(pattern));
            return DiskGlob.expand(pattern, runtime.cwd());
        } catch (GoPaths.BadPatternException e) {
            throw Args.error("invalid pattern: syntax error in pattern");
        }
    }
}

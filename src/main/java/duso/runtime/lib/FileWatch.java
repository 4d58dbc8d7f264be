package duso.runtime.lib;

import duso.lang.errors.DusoError;
import duso.lang.lexer.GoQuote;
import duso.lang.nodes.Ops;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.FileFailure;
import duso.runtime.GoPaths;
import duso.runtime.HostFiles;
import duso.runtime.Parking;
import duso.runtime.ScriptInstance;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code watch(path [, timeout = 30])}: blocks until a file, directory or glob has changed
 * since this script last watched the same path, polling once a second. A change is a change
 * of the path's signature: the modification times of the file, of every directory in the tree
 * (adding, removing or renaming an entry touches its directory; rewriting a file in place does
 * not), or of every file matching the glob. The first call for a (script, path) pair records
 * the baseline and answers false; a timeout answers false.
 *
 * <p>Unlike the reference, whose watch sleeps through kill and shutdown and ignores
 * {@code -no-files}, the wait ends at once when the instance is stopped, and disk paths are
 * refused in the sandbox like every other file builtin.
 */
final class FileWatch {
    private static final long POLL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** The last signature seen, by "script file:path as written". */
    private final ConcurrentHashMap<String, Long> baselines = new ConcurrentHashMap<>();

    private FileWatch() {}

    static Object watch(Args a, DusoRuntime rt) {
        return rt.service(FileWatch.class, FileWatch::new).call(a, rt);
    }

    private Object call(Args a, DusoRuntime rt) {
        String path = a.raw().at(0) instanceof String s ? s
                : a.raw().named("path") instanceof String s ? s : null;
        if (path == null) {
            throw Args.error("watch() requires a path argument");
        }
        double timeout = a.raw().at(1) instanceof Double d ? d
                : a.raw().named("timeout") instanceof Double d ? d : 30;
        if (GoPaths.hasRoot(path, "EMBED")) {
            throw Args.error("watch() cannot watch /EMBED/: embedded filesystem is read-only");
        }
        ScriptInstance inst = a.instance();
        HostFiles files = HostFiles.of(rt);
        HostFiles.Target target = target(path, inst, files, rt);
        files.guard(target);
        boolean glob = path.indexOf('*') >= 0 || path.indexOf('?') >= 0;
        long signature;
        if (glob) {
            try {
                signature = globSignature(files, target.shown());
            } catch (DusoError e) {
                throw Args.error("watch() error: " + e.messageText());
            }
        } else {
            try {
                signature = signature(target);
            } catch (IOException e) {
                throw Args.error("watch() cannot access " + GoQuote.quote(path) + ": "
                        + FileFailure.of(e, "stat", target.shown()).text());
            }
        }

        String key = inst.file() + ":" + path;
        Long old = baselines.put(key, signature);
        if (old == null) {
            return Boolean.FALSE;
        }
        if (old != signature) {
            return Boolean.TRUE;
        }
        // Go's Duration(timeout) * time.Second: whole seconds, wrapping as Go's int64 does.
        long limit = Ops.goInt64(timeout) * 1_000_000_000L;
        long start = System.nanoTime();
        while (limit > 0 && System.nanoTime() - start <= limit) {
            Parking.until(a.interp(), System.nanoTime() + POLL_NANOS);
            long now;
            try {
                now = glob ? globSignature(files, target.shown()) : signature(target);
            } catch (IOException | DusoError e) {
                continue; // a path that vanished or a pattern that fails: keep polling
            }
            if (now != old) {
                baselines.put(key, now);
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    /**
     * Where the path is: relative paths from the calling script's own directory (not the
     * entry script's, as the other file builtins do), /HERE/ and /CWD/ as everywhere.
     */
    private static HostFiles.Target target(String path, ScriptInstance inst, HostFiles files, DusoRuntime rt) {
        if (GoPaths.hasRoot(path, "HERE") || GoPaths.hasRoot(path, "CWD") || GoPaths.isAbsolute(path)) {
            return files.resolve(path, inst);
        }
        return files.at(GoPaths.join(GoPaths.shown(inst.dir(), rt.cwd()), path));
    }

    /** The signature of a file (its mtime) or a directory tree (every directory's mtime). */
    private static long signature(HostFiles.Target target) throws IOException {
        if (!target.onDisk()) {
            // /STORE/ has no modification times to watch: as on the reference, it is not there.
            throw new NoSuchFileException(target.shown());
        }
        Path real = target.real();
        BasicFileAttributes attrs = Files.readAttributes(real, BasicFileAttributes.class);
        if (!attrs.isDirectory()) {
            return entry(real, attrs.lastModifiedTime());
        }
        long[] sum = {0};
        Files.walkFileTree(real, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                sum[0] += entry(dir, a.lastModifiedTime());
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable parts are skipped, as Go's Walk does
            }
        });
        return sum[0];
    }

    /** The signature of every disk file matching the pattern; the sandbox was checked before. */
    private static long globSignature(HostFiles files, String pattern) {
        long sum = 0;
        for (String match : files.glob(pattern)) {
            HostFiles.Target t = files.at(match);
            if (!t.onDisk()) {
                continue;
            }
            try {
                sum += entry(t.real(), Files.getLastModifiedTime(t.real()));
            } catch (IOException e) {
                // gone since the listing: not part of the signature
            }
        }
        return sum;
    }

    /**
     * One path's contribution: an FNV-1a hash of its name and modification time. Entries are
     * summed, so the order a directory lists them in does not matter.
     */
    private static long entry(Path path, FileTime mtime) {
        long h = 0xcbf29ce484222325L;
        String name = path.toString();
        for (int i = 0; i < name.length(); i++) {
            h = (h ^ name.charAt(i)) * 0x100000001b3L;
        }
        long t = mtime.to(TimeUnit.NANOSECONDS);
        for (int i = 0; i < 8; i++) {
            h = (h ^ ((t >>> (8 * i)) & 0xff)) * 0x100000001b3L;
        }
        return h;
    }
}

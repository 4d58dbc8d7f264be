package duso.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The read-only files under {@code /EMBED/}. The reference embeds its own stdlib, contrib and
 * docs; duso-jvm carries only modules of its own, with the reference's APIs, for the pure-Duso
 * libraries scripts {@code require} offline ({@code markdown}, {@code ansi}, {@code valid} and
 * contrib's {@code zlm}), as resources under {@code duso/embed/}. Paths are those below
 * {@code /EMBED/}, cleaned ({@code stdlib/markdown/markdown.du}).
 */
final class EmbeddedFiles {
    private static final List<String> FILES = List.of(
            "contrib/zlm/zlm.du", "stdlib/ansi/ansi.du", "stdlib/markdown/markdown.du", "stdlib/valid/valid.du");
    /** The files and every directory above them, sorted (the root, ".", left out). */
    private static final TreeSet<String> PATHS = allPaths();

    private EmbeddedFiles() {}

    private static TreeSet<String> allPaths() {
        TreeSet<String> paths = new TreeSet<>();
        for (String f : FILES) {
            for (int slash = f.indexOf('/'); slash >= 0; slash = f.indexOf('/', slash + 1)) {
                paths.add(f.substring(0, slash));
            }
            paths.add(f);
        }
        return paths;
    }

    static boolean isFile(String path) {
        return FILES.contains(path);
    }

    static boolean exists(String path) {
        return isRoot(path) || PATHS.contains(path);
    }

    static boolean isDirectory(String path) {
        return isRoot(path) || PATHS.contains(path) && !isFile(path);
    }

    private static boolean isRoot(String path) {
        return path.isEmpty() || path.equals(".");
    }

    /** The names directly inside a directory, sorted, each with whether it is a directory. */
    static List<HostFiles.Entry> list(String dir) {
        String prefix = isRoot(dir) ? "" : dir + "/";
        List<HostFiles.Entry> entries = new ArrayList<>();
        for (String p : PATHS) {
            if (p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0) {
                entries.add(new HostFiles.Entry(p.substring(prefix.length()), isDirectory(p)));
            }
        }
        return entries;
    }

    /**
     * The embedded files and directories a pattern below /EMBED/ matches (Go's fs.Glob: a
     * wildcard stays within one path segment), as paths below /EMBED/, sorted.
     */
    static List<String> glob(String pattern) throws GoPaths.BadPatternException {
        GoPaths.match(pattern, ""); // a malformed pattern is an error even when nothing is embedded
        List<String> found = new ArrayList<>();
        for (String path : PATHS) {
            if (GoPaths.match(pattern, path)) {
                found.add(path);
            }
        }
        return found;
    }

    static byte[] read(String path) {
        try (InputStream in = EmbeddedFiles.class.getResourceAsStream("/duso/embed/" + path)) {
            if (in == null) {
                throw new IllegalStateException("embedded file missing from the jar: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

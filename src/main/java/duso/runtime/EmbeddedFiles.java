package duso.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;

/**
 * The read-only files under {@code /EMBED/}. The reference embeds its own stdlib, contrib and
 * docs; duso-jvm carries only modules of its own that scripts commonly {@code require} (the
 * {@code markdown} module), as resources under {@code duso/embed/}. Paths are those below
 * {@code /EMBED/}, cleaned ({@code stdlib/markdown/markdown.du}).
 */
final class EmbeddedFiles {
    private static final List<String> FILES = List.of("stdlib/markdown/markdown.du");

    private EmbeddedFiles() {}

    static boolean isFile(String path) {
        return FILES.contains(path);
    }

    static boolean isDirectory(String path) {
        String prefix = path.isEmpty() || path.equals(".") ? "" : path + "/";
        return FILES.stream().anyMatch(f -> f.startsWith(prefix));
    }

    /** The names directly inside a directory, sorted, each with whether it is a directory. */
    static List<HostFiles.Entry> list(String dir) {
        String prefix = dir.isEmpty() || dir.equals(".") ? "" : dir + "/";
        TreeSet<String> files = new TreeSet<>();
        TreeSet<String> dirs = new TreeSet<>();
        for (String f : FILES) {
            if (f.startsWith(prefix)) {
                String rest = f.substring(prefix.length());
                int slash = rest.indexOf('/');
                if (slash < 0) {
                    files.add(rest);
                } else {
                    dirs.add(rest.substring(0, slash));
                }
            }
        }
        TreeSet<String> names = new TreeSet<>(files);
        names.addAll(dirs);
        return names.stream().map(n -> new HostFiles.Entry(n, dirs.contains(n))).toList();
    }

    /**
     * The embedded files and directories a pattern below /EMBED/ matches (Go's fs.Glob: a
     * wildcard stays within one path segment), as paths below /EMBED/, sorted.
     */
    static List<String> glob(String pattern) throws GoPaths.BadPatternException {
        TreeSet<String> paths = new TreeSet<>();
        for (String f : FILES) {
            for (int slash = f.indexOf('/'); slash >= 0; slash = f.indexOf('/', slash + 1)) {
                paths.add(f.substring(0, slash));
            }
            paths.add(f);
        }
        GoPaths.match(pattern, ""); // a malformed pattern is an error even when nothing is embedded
        List<String> found = new java.util.ArrayList<>();
        for (String path : paths) {
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

package duso.runtime;

import duso.lang.values.Values;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Go's {@code filepath.Glob} over the real disk: patterns and results are resolved-form path
 * strings (relative ones against the runtime's working directory); names are matched per
 * directory in sorted order, directory parts may hold wildcards too, and unreadable
 * directories are skipped silently, as Go does.
 */
final class DiskGlob {
    private DiskGlob() {}

    static List<String> expand(String pattern, Path cwd) throws GoPaths.BadPatternException {
        GoPaths.match(pattern, ""); // rejects a malformed pattern even when nothing would match
        List<String> out = new ArrayList<>();
        if (!GoPaths.hasMeta(pattern)) {
            if (Files.exists(cwd.resolve(pattern), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                out.add(pattern);
            }
            return out;
        }
        int slash = pattern.lastIndexOf('/');
        String dir = pattern.substring(0, slash + 1);
        String file = pattern.substring(slash + 1);
        if (dir.isEmpty()) {
            dir = ".";
        } else if (!dir.equals("/")) {
            dir = dir.substring(0, dir.length() - 1);
        }
        if (!GoPaths.hasMeta(dir)) {
            inDirectory(dir, file, cwd, out);
            return out;
        }
        if (dir.equals(pattern)) {
            throw new GoPaths.BadPatternException();
        }
        for (String d : expand(dir, cwd)) {
            inDirectory(d, file, cwd, out);
        }
        return out;
    }

    private static void inDirectory(String dir, String pattern, Path cwd, List<String> out)
            throws GoPaths.BadPatternException {
        Path real = cwd.resolve(dir);
        if (!Files.isDirectory(real)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(real)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        } catch (IOException e) {
            return;
        }
        names.sort(Values::compareStrings);
        for (String n : names) {
            if (GoPaths.match(pattern, n)) {
                out.add(GoPaths.join(dir, n));
            }
        }
    }
}

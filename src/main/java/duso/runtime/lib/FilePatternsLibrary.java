package duso.runtime.lib;

import duso.lang.values.DusoArray;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.FileFailure;
import duso.runtime.GoPaths;
import duso.runtime.HostFiles;
import duso.runtime.Library;
import duso.runtime.Registry;
import java.util.List;

/**
 * The file builtins that take wildcard patterns ({@code *}, {@code ?}): list_files, and
 * copy_file, move_file and remove_file, which act on every match (skipping the ones that
 * fail) and return the paths they handled. Paths from a bare pattern come back relative to
 * the entry script's directory, so they can be handed straight to other file builtins.
 */
public final class FilePatternsLibrary implements Library {
    private static final String WILDCARD_COPY = "copy_file() with wildcard source requires destination to be an existing directory";
    private static final String WILDCARD_MOVE = "move_file() with wildcard source requires destination to be an existing directory";

    @Override
    public void install(Registry r, DusoRuntime rt) {
        HostFiles files = HostFiles.of(rt);
        r.add("list_files", a -> {
            String pattern = FilesLibrary.path(a, 0, "list_files() requires a pattern argument");
            List<String> matches = files.glob(files.resolve(pattern, a.instance()).shown());
            DusoArray out = new DusoArray(matches.size());
            for (String m : matches) {
                out.add(shownFor(rt, pattern, m));
            }
            return out;
        });
        r.add("remove_file", a -> removeFile(a, rt, files));
        r.add("copy_file", a -> copyFile(a, rt, files));
        r.add("move_file", a -> moveFile(a, rt, files));
    }

    private static boolean hasWildcard(String p) {
        return p.indexOf('*') >= 0 || p.indexOf('?') >= 0;
    }

    /** Matches of a pattern; none (and no disk access) for a disk pattern under -no-files. */
    private static List<String> matches(HostFiles files, HostFiles.Target pattern) {
        return files.allowed(pattern) ? files.glob(pattern.shown()) : List.of();
    }

    /**
     * A result path in the shape the caller wrote: relative to the entry script's directory
     * for bare input, as matched for absolute and special paths.
     */
    private static String shownFor(DusoRuntime rt, String given, String path) {
        String base = rt.appDir();
        if (GoPaths.isAbsoluteOrSpecial(given) || base.isEmpty() || base.equals(".")) {
            return path;
        }
        String rel = GoPaths.rel(base, path);
        return rel == null ? path : rel;
    }

    private static Object removeFile(Args a, DusoRuntime rt, HostFiles files) {
        String path = FilesLibrary.path(a, 0, "remove_file() requires a path argument");
        HostFiles.Target target = FilesLibrary.rejectEmbedded(files.resolve(path, a.instance()));
        if (hasWildcard(target.shown())) {
            DusoArray removed = new DusoArray();
            for (String m : matches(files, target)) {
                HostFiles.Target t = files.at(m);
                if (!files.allowed(t)) {
                    continue;
                }
                try {
                    files.remove(t);
                    removed.add(shownFor(rt, path, m));
                } catch (FileFailure ignored) {
                    // a match that cannot be removed is skipped, as in the reference
                }
            }
            return removed;
        }
        files.guard(target);
        try {
            files.remove(target);
        } catch (FileFailure f) {
            throw FilesLibrary.failed("cannot remove file '" + path + "'", f, target);
        }
        return DusoArray.of(path);
    }

    private static Object copyFile(Args a, DusoRuntime rt, HostFiles files) {
        String message = "copy_file() requires source and destination arguments";
        String src = FilesLibrary.path(a, 0, message);
        String dst = FilesLibrary.path(a, 1, message);
        HostFiles.Target from = files.resolve(src, a.instance());
        HostFiles.Target to = files.resolve(dst, a.instance());
        if (hasWildcard(from.shown())) {
            if (!files.allowed(to)) {
                return new DusoArray();
            }
            if (to.onDisk() && !files.isDirectory(to)) {
                throw Args.error(WILDCARD_COPY);
            }
            DusoArray copied = new DusoArray();
            for (String m : matches(files, from)) {
                HostFiles.Target out = files.at(GoPaths.join(to.shown(), GoPaths.base(m)));
                try {
                    files.write(out, files.read(files.at(m)));
                    copied.add(shownFor(rt, dst, out.shown()));
                } catch (FileFailure ignored) {
                    // unreadable or unwritable matches are skipped, as in the reference
                }
            }
            return copied;
        }
        files.guard(to);
        byte[] content;
        try {
            content = files.read(from);
        } catch (FileFailure f) {
            throw FilesLibrary.failed("cannot copy_file '" + src + "'", f, from);
        }
        HostFiles.Target target = to;
        if (to.onDisk() && files.isDirectory(to)) {
            target = files.at(GoPaths.join(to.shown(), GoPaths.base(from.shown())));
        }
        try {
            if (target.onDisk()) {
                files.makeDirs(files.at(GoPaths.dir(target.shown())));
            }
            files.write(target, content);
        } catch (FileFailure f) {
            throw FilesLibrary.failed("cannot copy_file '" + src + "' to '" + dst + "'", f, target);
        }
        return DusoArray.of(dst);
    }

    private static Object moveFile(Args a, DusoRuntime rt, HostFiles files) {
        String message = "move_file() requires source and destination arguments";
        String src = FilesLibrary.path(a, 0, message);
        String dst = FilesLibrary.path(a, 1, message);
        HostFiles.Target from = FilesLibrary.rejectEmbedded(files.resolve(src, a.instance()));
        HostFiles.Target to = files.resolve(dst, a.instance());
        if (hasWildcard(from.shown())) {
            if (!files.allowed(to)) {
                return new DusoArray();
            }
            if (!to.onDisk() || !files.isDirectory(to)) {
                throw Args.error(WILDCARD_MOVE);
            }
            DusoArray moved = new DusoArray();
            for (String m : matches(files, from)) {
                HostFiles.Target source = files.at(m);
                HostFiles.Target out = files.at(GoPaths.join(to.shown(), GoPaths.base(m)));
                try {
                    move(files, source, out);
                    moved.add(shownFor(rt, dst, out.shown()));
                } catch (FileFailure ignored) {
                    // matches that cannot be moved are skipped, as in the reference
                }
            }
            return moved;
        }
        files.guard(to);
        HostFiles.Target target = to;
        if (to.onDisk() && files.isDirectory(to)) {
            target = files.at(GoPaths.join(to.shown(), GoPaths.base(from.shown())));
        }
        if (from.kind() == HostFiles.Kind.STORE) {
            byte[] content;
            try {
                content = files.read(from);
            } catch (FileFailure f) {
                throw FilesLibrary.failed("cannot move_file '" + src + "'", f, from);
            }
            try {
                files.write(target, content);
            } catch (FileFailure f) {
                throw FilesLibrary.failed("cannot move_file '" + src + "' to '" + dst + "'", f, target);
            }
            try {
                files.remove(from);
            } catch (FileFailure f) {
                throw FilesLibrary.failed("cannot move_file '" + src + "'", f, from);
            }
            return DusoArray.of(dst);
        }
        try {
            files.rename(from, target);
        } catch (FileFailure f) {
            throw FilesLibrary.failed("cannot move_file '" + src + "' to '" + dst + "'", f, target);
        }
        return DusoArray.of(dst);
    }

    /** A virtual file moves by copy and delete; a disk file by rename. */
    private static void move(HostFiles files, HostFiles.Target from, HostFiles.Target to) throws FileFailure {
        if (from.kind() == HostFiles.Kind.STORE) {
            files.write(to, files.read(from));
            files.remove(from);
        } else {
            files.rename(from, to);
        }
    }
}

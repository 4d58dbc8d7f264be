package duso.runtime.lib;

import duso.lang.errors.DusoError;
import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.FileFailure;
import duso.runtime.HostFiles;
import duso.runtime.Library;
import duso.runtime.Registry;
import java.nio.charset.StandardCharsets;

/**
 * Files one at a time: load/save (text and binary), append, existence and type, directory
 * listing and creation, removing a directory, renaming, and the working directory. Paths go
 * through {@link HostFiles} (resolution, -no-files, /STORE/), and failures are worded as
 * the reference words them ({@code cannot load 'x': file not found at x}).
 */
public final class FilesLibrary implements Library {
    @Override
    public void install(Registry r, DusoRuntime rt) {
        HostFiles files = HostFiles.of(rt);
        r.add("load", a -> {
            String name = named(a, 0, "filename", "load() requires a filename argument");
            HostFiles.Target t = files.resolve(name, a.instance());
            try {
                return new String(files.read(t), StandardCharsets.UTF_8);
            } catch (FileFailure f) {
                throw failed("cannot load '" + name + "'", f, t);
            }
        });
        r.add("load_binary", a -> loadBinary(a, files));
        r.add("save", a -> {
            String message = "save() requires filename and content arguments";
            String name = named(a, 0, "filename", message);
            String content = named(a, 1, "content", message);
            HostFiles.Target t = files.resolve(name, a.instance());
            try {
                files.write(t, content.getBytes(StandardCharsets.UTF_8));
            } catch (FileFailure f) {
                throw failed("cannot save '" + name + "'", f, t);
            }
            return Nil.NIL;
        });
        r.add("save_binary", a -> saveBinary(a, files));
        r.add("append_file", a -> {
            String message = "append_file() requires path and content arguments";
            String name = path(a, 0, message);
            String content = named(a, 1, "content", message);
            HostFiles.Target t = files.resolve(name, a.instance());
            try {
                files.append(t, content.getBytes(StandardCharsets.UTF_8));
            } catch (FileFailure f) {
                String what = t.kind() == HostFiles.Kind.STORE ? "cannot append to '" : "cannot open '";
                throw failed(what + name + "'", f, t);
            }
            return Nil.NIL;
        });
        r.add("file_exists", a -> files.exists(files.resolve(path(a, 0, "file_exists() requires a path argument"),
                a.instance())));
        r.add("file_type", a -> {
            String name = path(a, 0, "file_type() requires a path argument");
            HostFiles.Target t = files.resolve(name, a.instance());
            try {
                return files.type(t);
            } catch (FileFailure f) {
                throw failed("cannot stat '" + name + "'", f, t);
            }
        });
        r.add("list_dir", a -> listDir(a, files));
        r.add("make_dir", a -> {
            String name = path(a, 0, "make_dir() requires a path argument");
            HostFiles.Target t = rejectEmbedded(files.resolve(name, a.instance()));
            try {
                files.makeDirs(t);
            } catch (FileFailure f) {
                throw failed("cannot create directory '" + name + "'", f, t);
            }
            return Nil.NIL;
        });
        r.add("remove_dir", a -> {
            String name = path(a, 0, "remove_dir() requires a path argument");
            HostFiles.Target t = rejectEmbedded(files.resolve(name, a.instance()));
            try {
                files.removeDir(t);
            } catch (FileFailure f) {
                throw failed("cannot remove directory '" + name + "'", f, t);
            }
            return Nil.NIL;
        });
        r.add("rename_file", a -> {
            String message = "rename_file() requires two path arguments";
            String from = path(a, 0, message);
            String to = path(a, 1, message);
            HostFiles.Target src = files.resolve(from, a.instance());
            try {
                files.rename(src, files.resolve(to, a.instance()));
            } catch (FileFailure f) {
                throw failed("cannot rename '" + from + "' to '" + to + "'", f, src);
            }
            return Nil.NIL;
        });
        r.add("current_dir", a -> {
            files.guardDisk();
            return files.cwdText();
        });
    }

    /** load_binary's body, shared with load_image (which words its errors the same way). */
    static BinaryValue loadBinary(Args a, HostFiles files) {
        String name = named(a, 0, "filename", "load_binary() requires a filename argument");
        HostFiles.Target t = files.resolve(name, a.instance());
        try {
            DusoObject meta = new DusoObject();
            meta.put("filename", name);
            return new BinaryValue(files.read(t), meta);
        } catch (FileFailure f) {
            throw failed("cannot load_binary '" + name + "'", f, t);
        }
    }

    /** save_binary's body, which save_image also is in the reference. */
    static Object saveBinary(Args a, HostFiles files) {
        Object bin = a.raw().at(0);
        if (bin == null) {
            bin = a.raw().named("binary");
        }
        if (!(bin instanceof BinaryValue binary)) {
            throw Args.error("save_binary() requires a binary value as first argument");
        }
        Object positional = a.raw().at(1);
        Object named = a.raw().named("filename");
        Object f = positional instanceof String ? positional
                : named instanceof String ? named
                : positional != null ? positional : named;
        if (f == null) {
            throw Args.error("save_binary() requires filename argument");
        }
        String name = f instanceof String s ? s : Render.goFormat(f);
        HostFiles.Target t = files.resolve(name, a.instance());
        try {
            files.write(t, binary.data());
        } catch (FileFailure e) {
            throw failed("cannot save_binary '" + name + "'", e, t);
        }
        return Nil.NIL;
    }

    private static Object listDir(Args a, HostFiles files) {
        String name = path(a, 0, "list_dir() requires a path argument");
        HostFiles.Target t = files.resolve(name, a.instance());
        try {
            DusoArray out = new DusoArray();
            for (HostFiles.Entry e : files.list(t)) {
                DusoObject entry = new DusoObject(2);
                entry.put("name", e.name());
                entry.put("is_dir", e.isDir());
                out.add(entry);
            }
            return out;
        } catch (FileFailure f) {
            throw failed("cannot list directory '" + name + "'", f, t);
        }
    }

    // ---- shared by the file libraries -----------------------------------------------------------

    /** A string positional argument, else the named one in Go %v form, else the error. */
    static String named(Args a, int index, String name, String message) {
        if (a.raw().at(index) instanceof String s) {
            return s;
        }
        Object v = a.raw().named(name);
        if (v == null) {
            throw Args.error(message);
        }
        return v instanceof String s ? s : Render.goFormat(v);
    }

    /** A string positional argument (these builtins take no named form). */
    static String path(Args a, int index, String message) {
        if (a.raw().at(index) instanceof String s) {
            return s;
        }
        throw Args.error(message);
    }

    /** {@code WHAT: CAUSE}, the cause naming the resolved path. */
    static DusoError failed(String what, FileFailure f, HostFiles.Target t) {
        return Args.error(what + ": " + f.describe(t.shown()));
    }

    /** The embedded files are read-only; builtins that change the tree say so plainly. */
    static HostFiles.Target rejectEmbedded(HostFiles.Target t) {
        if (t.kind() == HostFiles.Kind.EMBED) {
            throw Args.error(HostFiles.EMBED_READ_ONLY);
        }
        return t;
    }
}

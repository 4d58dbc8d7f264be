package duso.runtime;

import duso.lang.values.DusoArray;
import duso.lang.values.Nil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /STORE/} virtual filesystem: files are string values in the {@code duso_vfs}
 * datastore keyed by their path below {@code /STORE/}, and a directory exists when its
 * {@code DIR/.dir} marker key does. It lives in memory (and in the store's persistence, if
 * configured), which is why {@code -no-files} leaves it open.
 */
final class StoreFiles {
    private static final String NAMESPACE = "duso_vfs";

    private final DusoRuntime runtime;

    StoreFiles(DusoRuntime runtime) {
        this.runtime = runtime;
    }

    /** The datastores, or null in a runtime built without the datastore library (tests). */
    private Datastores storesOrNull() {
        try {
            return Datastores.of(runtime);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private Datastores stores() throws FileFailure {
        Datastores d = storesOrNull();
        if (d == null) {
            throw FileFailure.other("/STORE/ is not available in this runtime");
        }
        return d;
    }

    private Object get(String key) {
        Datastores d = storesOrNull();
        return d == null ? Nil.NIL : d.get(NAMESPACE, key);
    }

    private DusoArray keys() {
        Datastores d = storesOrNull();
        return d == null ? new DusoArray() : d.keys(NAMESPACE);
    }

    private static String key(String path) throws FileFailure {
        String key = GoPaths.belowRoot(path, "STORE");
        if (key.isEmpty()) {
            throw FileFailure.other("invalid /STORE/ path: " + path);
        }
        return key;
    }

    byte[] read(String path) throws FileFailure {
        String key = key(path);
        Object v = get(key);
        if (v == Nil.NIL) {
            throw new FileFailure(FileFailure.Cause.NOT_FOUND, "/STORE/" + key + ": file does not exist");
        }
        if (!(v instanceof String s)) {
            throw FileFailure.other("invalid file format in /STORE/" + key + ": expected string");
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }

    void write(String path, byte[] data) throws FileFailure {
        stores().set(NAMESPACE, key(path), new String(data, StandardCharsets.UTF_8));
    }

    void append(String path, byte[] data) throws FileFailure {
        String key = key(path);
        Object old = get(key);
        String prefix = old instanceof String s ? s : "";
        stores().set(NAMESPACE, key, prefix + new String(data, StandardCharsets.UTF_8));
    }

    boolean isDirectory(String path) {
        return get(GoPaths.belowRoot(path, "STORE") + "/.dir") != Nil.NIL;
    }

    boolean isFile(String path) {
        return get(GoPaths.belowRoot(path, "STORE")) != Nil.NIL;
    }

    void makeDir(String path) throws FileFailure {
        stores().set(NAMESPACE, GoPaths.belowRoot(path, "STORE") + "/.dir", "");
    }

    void removeDir(String path) throws FileFailure {
        stores().delete(NAMESPACE, GoPaths.belowRoot(path, "STORE") + "/.dir");
    }

    void remove(String path) throws FileFailure {
        stores().delete(NAMESPACE, GoPaths.belowRoot(path, "STORE"));
    }

    /** {@code /STORE/KEY} for every key matching the pattern (below /STORE/). */
    List<String> glob(String pattern) throws GoPaths.BadPatternException {
        String below = GoPaths.belowRoot(pattern, "STORE");
        List<String> out = new ArrayList<>();
        DusoArray keys = keys();
        for (int i = 0; i < keys.size(); i++) {
            String key = (String) keys.get(i);
            if (GoPaths.match(below, key)) {
                out.add("/STORE/" + key);
            }
        }
        return out;
    }

    /** The immediate children of a directory: files and directories (by their markers). */
    List<HostFiles.Entry> list(String path) {
        String dir = GoPaths.belowRoot(path.endsWith("/") ? path : path + "/", "STORE");
        Map<String, Boolean> children = new LinkedHashMap<>();
        DusoArray keys = keys();
        for (int i = 0; i < keys.size(); i++) {
            String key = (String) keys.get(i);
            if (!key.startsWith(dir)) {
                continue;
            }
            String child = key.substring(dir.length());
            if (child.equals(".dir")) {
                continue;
            }
            if (child.endsWith("/.dir")) {
                String name = child.substring(0, child.length() - "/.dir".length());
                if (name.indexOf('/') < 0) {
                    children.putIfAbsent(name, true);
                }
                continue;
            }
            if (child.indexOf('/') >= 0 || child.endsWith(".dir")) {
                continue;
            }
            children.putIfAbsent(child, false);
        }
        List<HostFiles.Entry> out = new ArrayList<>();
        children.forEach((name, isDir) -> out.add(new HostFiles.Entry(name, isDir)));
        return out;
    }
}

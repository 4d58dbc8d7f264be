package duso.runtime;

import duso.lang.values.BinaryValue;
import duso.lang.values.DusoArray;
import duso.lang.values.Nil;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /STORE/} virtual filesystem: files are string values in the {@code duso_vfs}
 * datastore keyed by their path below {@code /STORE/}, and a directory exists when its
 * {@code DIR/.dir} marker key does. Go strings hold any bytes, so the reference stores binary
 * files as strings too; a Java string would mangle bytes that are not UTF-8, so those files
 * are stored as binary values instead (docs/compatibility.md). It lives in memory (and in the
 * store's persistence, if configured), which is why {@code -no-files} leaves it open.
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
        byte[] data = contents(v);
        if (data == null) {
            throw FileFailure.other("invalid file format in /STORE/" + key + ": expected string");
        }
        return data;
    }

    /** A stored file's bytes (null when the value is not a file's). */
    private static byte[] contents(Object v) {
        if (v instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        return v instanceof BinaryValue b ? b.data() : null;
    }

    /** UTF-8 text as a string, as the reference stores every file; other bytes as they are. */
    private static Object stored(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            return new BinaryValue(data);
        }
    }

    void write(String path, byte[] data) throws FileFailure {
        stores().set(NAMESPACE, key(path), stored(data));
    }

    void append(String path, byte[] data) throws FileFailure {
        String key = key(path);
        byte[] old = contents(get(key));
        byte[] all = data;
        if (old != null && old.length > 0) {
            all = Arrays.copyOf(old, old.length + data.length);
            System.arraycopy(data, 0, all, old.length, data.length);
        }
        stores().set(NAMESPACE, key, stored(all));
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

package duso.lang.nodes;

import duso.lang.values.BinaryValue;
import duso.lang.values.CodeValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.lang.values.Values;
import java.nio.charset.StandardCharsets;

/**
 * Indexing and property access on already evaluated values ({@code o[k]}, {@code o.k} and
 * their assignments), shared by plain and compound assignment so a target is evaluated once.
 * These errors were unpositioned in the reference; callers pass the position to report.
 */
public final class Access {
    /** Largest array index a write may grow an array to (avoids exhausting memory). */
    static final int MAX_GROW_INDEX = 1 << 27;

    private Access() {}

    public static Object readIndex(Object obj, Object index, String file, int pos) {
        if (obj instanceof DusoArray a) {
            if (!(index instanceof Double d)) {
                throw Errors.plain(file, pos, "array index must be a number");
            }
            long i = Ops.goInt64(d);
            if (i < 0 || i >= a.size()) {
                throw Errors.plain(file, pos, "array index out of bounds");
            }
            return a.get((int) i);
        }
        if (obj instanceof DusoObject o) {
            return o.get(Render.concat(index));
        }
        if (obj instanceof String s) {
            if (!(index instanceof Double d)) {
                throw Errors.plain(file, pos, "string index must be a number");
            }
            String b = byteAt(s, Ops.goInt64(d));
            if (b == null) {
                throw Errors.plain(file, pos, "string index out of bounds");
            }
            return b;
        }
        if (obj instanceof BinaryValue bin) {
            return bin.metadata().get(Render.concat(index));
        }
        throw Errors.plain(file, pos, "cannot index " + Values.kind(obj));
    }

    /** The byte at a UTF-8 offset as a one-character Latin-1 string, or null out of range. */
    static String byteAt(String s, long index) {
        if (index < 0) {
            return null;
        }
        int n = s.length();
        int i = 0;
        while (i < n && i <= index && s.charAt(i) < 0x80) {
            if (i == index) {
                return String.valueOf(s.charAt(i));
            }
            i++;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (index >= bytes.length) {
            return null;
        }
        return String.valueOf((char) (bytes[(int) index] & 0xFF));
    }

    public static Object writeIndex(Object obj, Object index, Object value, String file, int pos) {
        if (obj instanceof DusoArray a) {
            if (!(index instanceof Double d)) {
                throw Errors.plain(file, pos, "array index must be a number");
            }
            long i = Ops.goInt64(d);
            if (i < 0) {
                throw Errors.plain(file, pos, "array index must be non-negative");
            }
            if (i > MAX_GROW_INDEX && i >= a.size()) {
                throw Errors.plain(file, pos, "array index " + i + " is too large");
            }
            a.set((int) i, value);
            return value;
        }
        if (obj instanceof DusoObject o) {
            o.put(Render.concat(index), value);
            return value;
        }
        throw Errors.plain(file, pos, "cannot assign to index of " + Values.kind(obj));
    }

    public static Object readProperty(Object obj, String name, String file, int pos) {
        if (obj instanceof DusoObject o) {
            return o.get(name);
        }
        if (obj == Nil.NIL) {
            return Nil.NIL;
        }
        if (obj instanceof ErrorValue e) {
            return switch (name) {
                case "message" -> e.message();
                case "stack" -> e.stack();
                default -> Nil.NIL;
            };
        }
        if (obj instanceof CodeValue c) {
            return switch (name) {
                case "source" -> c.source();
                case "metadata" -> c.metadata() != null ? c.metadata() : new DusoObject();
                default -> Nil.NIL;
            };
        }
        if (obj instanceof BinaryValue bin) {
            return bin.metadata().get(name);
        }
        throw Errors.plain(file, pos, "cannot access property of " + Values.kind(obj));
    }

    public static Object writeProperty(Object obj, String name, Object value, String file, int pos) {
        if (obj instanceof DusoObject o) {
            o.put(name, value);
            return value;
        }
        throw Errors.plain(file, pos, "cannot assign property of " + Values.kind(obj));
    }
}

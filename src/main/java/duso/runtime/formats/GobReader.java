package duso.runtime.formats;

import static duso.runtime.formats.GobWriter.BOOL;
import static duso.runtime.formats.GobWriter.BYTES;
import static duso.runtime.formats.GobWriter.COMPLEX;
import static duso.runtime.formats.GobWriter.FIRST_USER_ID;
import static duso.runtime.formats.GobWriter.FLOAT;
import static duso.runtime.formats.GobWriter.INT;
import static duso.runtime.formats.GobWriter.INTERFACE;
import static duso.runtime.formats.GobWriter.STRING;
import static duso.runtime.formats.GobWriter.UINT;

import duso.lang.lexer.GoQuote;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the gob stream of {@code EncryptedValue{Data: v}} back into a script value, from this
 * runtime's {@link GobWriter} or from Go's encoder, which interleaves type definitions with the
 * value: the reading follows Go's decoder, taking the next message only where a type sequence
 * may continue, and skipping the counts Go leaves after an inline definition.
 *
 * <p>Values become what the reference's decrypt() returns after its value conversion: numbers
 * from {@code float64}, {@code int} and {@code int64}, strings, booleans, arrays, objects; any
 * other registered Go type (notably {@code []uint8}, so an encrypted binary value) is nil.
 */
public final class GobReader {
    private static final int ARRAY = 0;
    private static final int SLICE = 1;
    private static final int STRUCT = 2;
    private static final int MAP = 3;
    private static final int ENCODER = 4;

    /** Go types gob registers itself: decodable, but not script values after conversion. */
    private static final Set<String> OTHER_REGISTERED = Set.of(
            "int8", "int16", "int32", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr",
            "float32", "complex64", "complex128", "[]uint8", "[]int", "[]int8", "[]int16", "[]int32",
            "[]int64", "[]uint", "[]uint16", "[]uint32", "[]uint64", "[]uintptr", "[]float32",
            "[]float64", "[]complex64", "[]complex128", "[]bool", "[]string");

    /** Malformed or unexpected gob data. */
    public static final class GobException extends RuntimeException {
        GobException(String message) {
            super(message, null, false, false);
        }
    }

    private record Field(String name, int id) {}

    private record WireType(int kind, int elem, int key, List<Field> fields) {}

    private final byte[] src;
    private int next;
    private int pos;
    private int end;
    private int depth;
    private final Map<Integer, WireType> types = new HashMap<>();

    private GobReader(byte[] src) {
        this.src = src;
    }

    /** The {@code Data} of the encoded {@code EncryptedValue}; nil when it was nil. */
    public static Object encryptedValue(byte[] data) {
        GobReader r = new GobReader(data);
        int id = r.typeSequence(false);
        WireType t = r.types.get(id);
        if (t == null || t.kind != STRUCT) {
            throw new GobException("gob: type mismatch: no fields matched compiling decoder for EncryptedValue");
        }
        Object v = r.struct(t).get("Data");
        return v == null ? Nil.NIL : v;
    }

    // ---- messages and integers -----------------------------------------------------------------

    private boolean nextMessage() {
        if (next >= src.length) {
            return false;
        }
        pos = next;
        end = src.length;
        long count = uint();
        if (count > src.length - pos) {
            throw new GobException("unexpected EOF");
        }
        end = pos + (int) count;
        next = end;
        return true;
    }

    /** Go's decodeTypeSequence: type definitions (loading messages as needed), then a value's id. */
    private int typeSequence(boolean inInterface) {
        boolean first = true;
        while (true) {
            if (pos >= end && !nextMessage()) {
                throw new GobException(first ? "EOF" : "unexpected EOF");
            }
            long id = integer();
            if (id >= 0) {
                return (int) id;
            }
            defineType(-id);
            if (pos < end) {
                if (!inInterface) {
                    throw new GobException("extra data in buffer");
                }
                uint(); // the count Go writes before the value that follows an inline definition
            }
            first = false;
        }
    }

    private long uint() {
        if (pos >= end) {
            throw new GobException("unexpected EOF");
        }
        int b = src[pos++] & 0xFF;
        if (b < 0x80) {
            return b;
        }
        int n = -(byte) b;
        if (n > 8) {
            throw new GobException("gob: invalid uint data length " + n);
        }
        if (pos + n > end) {
            throw new GobException("unexpected EOF");
        }
        long x = 0;
        for (int i = 0; i < n; i++) {
            x = x << 8 | (src[pos++] & 0xFF);
        }
        return x;
    }

    private long integer() {
        long x = uint();
        long i = x >>> 1;
        return (x & 1) != 0 ? ~i : i;
    }

    private byte[] bytes() {
        long n = uint();
        if (n > end - pos) {
            throw new GobException("unexpected EOF");
        }
        byte[] b = new byte[(int) n];
        System.arraycopy(src, pos, b, 0, b.length);
        pos += b.length;
        return b;
    }

    private String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    // ---- type definitions -------------------------------------------------------------------------

    /** Reads a wireType (a struct of pointers to array, slice, struct, map or encoder types). */
    private void defineType(long id) {
        if (id < FIRST_USER_ID || types.containsKey((int) id)) {
            throw new GobException("gob: duplicate type received");
        }
        WireType wire = null;
        for (int f = -1, d; (d = (int) uint()) != 0; ) {
            f += d;
            wire = switch (f) {
                case 0 -> composite(ARRAY);
                case 1 -> composite(SLICE);
                case 2 -> structType();
                case 3 -> composite(MAP);
                case 4, 5, 6 -> composite(ENCODER);
                default -> throw new GobException("gob: unknown wire type field " + f);
            };
        }
        if (wire == null) {
            throw new GobException("gob: empty wire type");
        }
        types.put((int) id, wire);
    }

    /** arrayType {Common; Elem; Len}, sliceType {Common; Elem}, mapType {Common; Key; Elem}, encoders {Common}. */
    private WireType composite(int kind) {
        int elem = 0;
        int key = 0;
        for (int f = -1, d; (d = (int) uint()) != 0; ) {
            f += d;
            if (f == 0) {
                skipCommon();
            } else if (kind == MAP && f == 1) {
                key = (int) integer();
            } else if ((kind == MAP && f == 2) || ((kind == ARRAY || kind == SLICE) && f == 1)) {
                elem = (int) integer();
            } else if (kind == ARRAY && f == 2) {
                integer(); // the length; each value repeats it
            } else {
                throw new GobException("gob: unexpected field in type definition");
            }
        }
        return new WireType(kind, elem, key, List.of());
    }

    private WireType structType() {
        List<Field> fields = new ArrayList<>();
        for (int f = -1, d; (d = (int) uint()) != 0; ) {
            f += d;
            if (f == 0) {
                skipCommon();
            } else if (f == 1) {
                long n = uint();
                for (long i = 0; i < n; i++) {
                    String name = "";
                    int id = 0;
                    for (int g = -1, e; (e = (int) uint()) != 0; ) {
                        g += e;
                        if (g == 0) {
                            name = string();
                        } else if (g == 1) {
                            id = (int) integer();
                        } else {
                            throw new GobException("gob: unexpected field in field type");
                        }
                    }
                    fields.add(new Field(name, id));
                }
            } else {
                throw new GobException("gob: unexpected field in struct type");
            }
        }
        return new WireType(STRUCT, 0, 0, fields);
    }

    /** CommonType {Name; Id}: informational only. */
    private void skipCommon() {
        for (int f = -1, d; (d = (int) uint()) != 0; ) {
            f += d;
            if (f == 0) {
                string();
            } else if (f == 1) {
                integer();
            } else {
                throw new GobException("gob: unexpected field in common type");
            }
        }
    }

    // ---- values -------------------------------------------------------------------------------------

    private Map<String, Object> struct(WireType t) {
        Map<String, Object> out = new HashMap<>();
        for (int f = -1, d; (d = (int) uint()) != 0; ) {
            f += d;
            if (f >= t.fields.size()) {
                throw new GobException("gob: field number out of range");
            }
            Field field = t.fields.get(f);
            out.put(field.name, field(field.id));
        }
        return out;
    }

    /** One value of a wire type: Java values for basic types, script values for interfaces. */
    private Object field(int id) {
        switch (id) {
            case BOOL:
                return uint() != 0;
            case INT:
                return integer();
            case UINT:
                return uint();
            case FLOAT:
                return Double.longBitsToDouble(Long.reverseBytes(uint()));
            case BYTES:
                return bytes();
            case STRING:
                return string();
            case COMPLEX:
                return new double[] {(Double) field(FLOAT), (Double) field(FLOAT)};
            case INTERFACE:
                return iface();
            default:
                break;
        }
        WireType t = types.get(id);
        if (t == null) {
            throw new GobException("gob: unknown type id " + id);
        }
        if (++depth > DeepCopy.MAX_DEPTH) {
            throw new GobException("gob: value nested too deeply");
        }
        try {
            return switch (t.kind) {
                case SLICE, ARRAY -> {
                    long n = uint();
                    List<Object> items = new ArrayList<>();
                    for (long i = 0; i < n; i++) {
                        items.add(field(t.elem));
                    }
                    yield items;
                }
                case MAP -> {
                    long n = uint();
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (long i = 0; i < n; i++) {
                        Object k = field(t.key);
                        map.put(k, field(t.elem));
                    }
                    yield map;
                }
                case STRUCT -> struct(t);
                default -> bytes(); // GobEncoder and marshaler types carry opaque bytes
            };
        } finally {
            depth--;
        }
    }

    /** An interface value: concrete type name, type sequence, byte count, then the value. */
    private Object iface() {
        long n = uint();
        if (n > end - pos) {
            throw new GobException("gob: invalid type name length " + n + ": exceeds input size");
        }
        String name = new String(src, pos, (int) n, StandardCharsets.UTF_8);
        pos += (int) n;
        if (name.isEmpty()) {
            return Nil.NIL;
        }
        boolean known = name.equals("float64") || name.equals("int") || name.equals("int64")
                || name.equals("string") || name.equals("bool") || name.equals(GobWriter.SLICE_NAME)
                || name.equals(GobWriter.MAP_NAME) || OTHER_REGISTERED.contains(name);
        if (!known) {
            throw new GobException("gob: name not registered for interface: " + GoQuote.quote(name));
        }
        int id = typeSequence(true);
        uint(); // the value's byte count (lets Go skip values it cannot store)
        Object raw;
        WireType t = types.get(id);
        if (t != null && t.kind == STRUCT) {
            raw = struct(t);
        } else {
            if (uint() != 0) {
                throw new GobException("gob: decode: corrupted data: non-zero delta for singleton");
            }
            raw = field(id);
        }
        return scriptValue(name, raw);
    }

    /** The reference's conversion of a decoded Go value into a script value. */
    private static Object scriptValue(String name, Object raw) {
        switch (name) {
            case "float64", "int", "int64":
                if (raw instanceof Double d) {
                    return d;
                }
                if (raw instanceof Long l) {
                    return (double) l;
                }
                break;
            case "string":
                if (raw instanceof String) {
                    return raw;
                }
                break;
            case "bool":
                if (raw instanceof Boolean) {
                    return raw;
                }
                break;
            case GobWriter.SLICE_NAME:
                if (raw instanceof List<?> items) {
                    return DusoArray.copyOf(items);
                }
                break;
            case GobWriter.MAP_NAME:
                if (raw instanceof Map<?, ?> map) {
                    DusoObject o = new DusoObject(map.size());
                    for (Map.Entry<?, ?> e : map.entrySet()) {
                        if (!(e.getKey() instanceof String k)) {
                            throw new GobException("gob: type mismatch in map key");
                        }
                        o.put(k, e.getValue());
                    }
                    return o;
                }
                break;
            default:
                return Nil.NIL;
        }
        throw new GobException("gob: decoding into local type " + name + ": type mismatch");
    }
}

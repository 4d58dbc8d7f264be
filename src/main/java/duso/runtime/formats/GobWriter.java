package duso.runtime.formats;

import duso.lang.values.BinaryValue;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes a script value as the Go gob stream the reference's encrypt() seals: the encoding of
 * {@code EncryptedValue{Data: v}} (a struct whose one field is an interface), with {@code v}
 * converted as the reference converts it: numbers are {@code float64}, arrays
 * {@code []interface {}}, objects {@code map[string]interface {}}, binary values
 * {@code []uint8}, and functions, errors, regexes and code values their tostring() text.
 *
 * <p>The stream defines its types first, each in its own message (the struct, then the map and
 * slice types when the value holds any), then sends the value. Go's decoder accepts any type
 * ids and any such order; {@link GobReader} reads this and Go's own interleaved layout.
 */
public final class GobWriter {
    static final int BOOL = 1;
    static final int INT = 2;
    static final int UINT = 3;
    static final int FLOAT = 4;
    static final int BYTES = 5;
    static final int STRING = 6;
    static final int COMPLEX = 7;
    static final int INTERFACE = 8;
    static final int FIRST_USER_ID = 64;

    private static final int STRUCT_ID = 65;
    private static final int MAP_ID = 66;
    private static final int SLICE_ID = 67;

    static final String MAP_NAME = "map[string]interface {}";
    static final String SLICE_NAME = "[]interface {}";

    private GobWriter() {}

    /** The gob bytes of {@code EncryptedValue{Data: v}}. */
    public static byte[] encryptedValue(Object v) {
        boolean[] uses = new boolean[2];
        scan(v, uses, 0);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();

        Buffer structDef = new Buffer();
        structDef.integer(-STRUCT_ID);
        structDef.uint(3); // wireType.StructT
        structDef.uint(1); // structType.CommonType
        common(structDef, "EncryptedValue", STRUCT_ID);
        structDef.uint(1); // structType.Field
        structDef.uint(1); // one field
        structDef.uint(1).string("Data").uint(1).integer(INTERFACE).uint(0);
        structDef.uint(0).uint(0);
        message(stream, structDef);
        if (uses[0]) {
            Buffer mapDef = new Buffer();
            mapDef.integer(-MAP_ID);
            mapDef.uint(4); // wireType.MapT
            mapDef.uint(1);
            common(mapDef, MAP_NAME, MAP_ID);
            mapDef.uint(1).integer(STRING).uint(1).integer(INTERFACE).uint(0).uint(0);
            message(stream, mapDef);
        }
        if (uses[1]) {
            Buffer sliceDef = new Buffer();
            sliceDef.integer(-SLICE_ID);
            sliceDef.uint(2); // wireType.SliceT
            sliceDef.uint(1);
            common(sliceDef, SLICE_NAME, SLICE_ID);
            sliceDef.uint(1).integer(INTERFACE).uint(0).uint(0);
            message(stream, sliceDef);
        }

        Buffer value = new Buffer();
        value.integer(STRUCT_ID);
        if (v != Nil.NIL) {
            value.uint(1); // field 0, Data; a nil interface is a zero field and is left out
            iface(value, v);
        }
        value.uint(0);
        message(stream, value);
        return stream.toByteArray();
    }

    /** Which composite types the value needs: [0] maps, [1] slices. */
    private static void scan(Object v, boolean[] uses, int depth) {
        if (depth > DeepCopy.MAX_DEPTH) {
            throw DeepCopy.tooDeep(); // a value that contains itself
        }
        if (v instanceof DusoObject o) {
            uses[0] = true;
            for (Map.Entry<String, Object> e : o.entries()) {
                scan(e.getValue(), uses, depth + 1);
            }
        } else if (v instanceof DusoArray a) {
            uses[1] = true;
            for (int i = 0; i < a.size(); i++) {
                scan(a.get(i), uses, depth + 1);
            }
        }
    }

    private static void common(Buffer b, String name, int id) {
        b.uint(1).string(name).uint(1).integer(id).uint(0);
    }

    private static void message(ByteArrayOutputStream stream, Buffer b) {
        Buffer count = new Buffer();
        count.uint(b.size());
        count.appendTo(stream);
        b.appendTo(stream);
    }

    /** An interface value: concrete type name, type id, then the value as a delimited singleton. */
    private static void iface(Buffer b, Object v) {
        if (v == Nil.NIL) {
            b.uint(0);
            return;
        }
        Buffer inner = new Buffer();
        inner.uint(0); // singleton field delta
        String name;
        int id;
        if (v instanceof Double d) {
            name = "float64";
            id = FLOAT;
            inner.uint(Long.reverseBytes(Double.doubleToRawLongBits(d)));
        } else if (v instanceof String s) {
            name = "string";
            id = STRING;
            inner.string(s);
        } else if (v instanceof Boolean x) {
            name = "bool";
            id = BOOL;
            inner.uint(x ? 1 : 0);
        } else if (v instanceof DusoObject o) {
            name = MAP_NAME;
            id = MAP_ID;
            inner.uint(o.size());
            for (Map.Entry<String, Object> e : o.entries()) {
                inner.string(e.getKey());
                iface(inner, e.getValue());
            }
        } else if (v instanceof DusoArray a) {
            name = SLICE_NAME;
            id = SLICE_ID;
            inner.uint(a.size());
            for (int i = 0; i < a.size(); i++) {
                iface(inner, a.get(i));
            }
        } else if (v instanceof BinaryValue bin) {
            name = "[]uint8";
            id = BYTES;
            inner.uint(bin.length());
            inner.write(bin.data(), 0, bin.length());
        } else {
            name = "string";
            id = STRING;
            inner.string(Render.syntax(v)); // <function>, error(...), <regex>, <code>
        }
        b.string(name);
        b.integer(id);
        b.uint(inner.size());
        inner.appendTo(b);
    }

    /** Go's gob integer encodings on a byte buffer. */
    static final class Buffer extends ByteArrayOutputStream {
        /** Unsigned: one byte below 128, else the negated byte count and big-endian bytes. */
        Buffer uint(long x) {
            if (x >= 0 && x < 128) {
                write((int) x);
                return this;
            }
            int n = 8 - Long.numberOfLeadingZeros(x) / 8;
            write(-n & 0xFF);
            for (int i = n - 1; i >= 0; i--) {
                write((int) (x >>> (8 * i)));
            }
            return this;
        }

        /** Signed: the value shifted left, complemented when negative, with bit 0 saying so. */
        Buffer integer(long i) {
            return uint(i < 0 ? (~i << 1) | 1 : i << 1);
        }

        void appendTo(ByteArrayOutputStream target) {
            target.write(buf, 0, count);
        }

        Buffer string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            uint(bytes.length);
            write(bytes, 0, bytes.length);
            return this;
        }
    }
}

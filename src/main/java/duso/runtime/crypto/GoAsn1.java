package duso.runtime.crypto;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A DER reader that accepts and rejects exactly what Go's {@code encoding/asn1.Unmarshal} does
 * for the handful of key structures the signature builtins read, and fails with Go's words.
 * The reference shows those words to scripts ("failed to parse private key: asn1: structure
 * error: tags don't match (2 vs {class:0 tag:16 …}) … int @2"), and its key parsers decide
 * what a key is by which structure unmarshals, so both the verdict and the message matter.
 * A structure is described by a {@link Type} tree mirroring the Go struct; values come back
 * as Long (Go int), BigInteger, byte[] (OCTET STRING), int[] (OID), {@link BitString},
 * {@link RawValue}, Object[] (a struct's fields, null when an optional one is absent) and
 * List of Object[] (SEQUENCE OF).
 */
final class GoAsn1 {
    private GoAsn1() {}

    enum Kind { INT, BIG_INT, BYTES, OID, BIT_STRING, RAW_VALUE, STRUCT, SEQUENCE_OF }

    /** A Go type: its kind, its reflect Name() (empty for unnamed types), and its parts. */
    record Type(Kind kind, String goName, List<Field> fields, Type element) {
        static final Type INT = new Type(Kind.INT, "int", List.of(), null);
        static final Type BIG_INT = new Type(Kind.BIG_INT, "", List.of(), null);
        static final Type BYTES = new Type(Kind.BYTES, "", List.of(), null);
        static final Type OID = new Type(Kind.OID, "ObjectIdentifier", List.of(), null);
        static final Type BIT_STRING = new Type(Kind.BIT_STRING, "BitString", List.of(), null);
        static final Type RAW_VALUE = new Type(Kind.RAW_VALUE, "RawValue", List.of(), null);

        static Type struct(String goName, Field... fields) {
            return new Type(Kind.STRUCT, goName, List.of(fields), null);
        }

        static Type sequenceOf(Type element) {
            return new Type(Kind.SEQUENCE_OF, "", List.of(), element);
        }
    }

    /** A struct field with its {@code asn1:"…"} tag options (only the ones Go's key structs use). */
    record Field(Type type, boolean optional, int explicitTag, boolean omitEmpty) {
        static Field of(Type type) {
            return new Field(type, false, -1, false);
        }

        static Field optional(Type type) {
            return new Field(type, true, -1, false);
        }

        static Field optionalExplicit(Type type, int tag) {
            return new Field(type, true, tag, false);
        }

        boolean explicit() {
            return explicitTag >= 0;
        }

        /** Go's {@code %+v} of its fieldParameters. A tag is a pointer there, printed as an address. */
        String goParams() {
            return "{optional:" + optional + " explicit:" + explicit()
                    + " application:false private:false defaultValue:<nil> tag:"
                    + (explicit() ? "0xc000012345" : "<nil>")
                    + " stringType:0 timeType:0 set:false omitEmpty:" + omitEmpty + "}";
        }
    }

    record BitString(byte[] bytes, int bitLength) {
        /** The bits as bytes with the padding at the front (Go's RightAlign). */
        byte[] rightAlign() {
            int shift = 8 - bitLength % 8;
            if (shift == 8 || bytes.length == 0) {
                return bytes;
            }
            byte[] a = new byte[bytes.length];
            a[0] = (byte) ((bytes[0] & 0xFF) >> shift);
            for (int i = 1; i < bytes.length; i++) {
                a[i] = (byte) ((bytes[i - 1] & 0xFF) << (8 - shift) | (bytes[i] & 0xFF) >> shift);
            }
            return a;
        }
    }

    record RawValue(int cls, int tag, boolean compound, byte[] bytes, byte[] fullBytes) {}

    /** Go's asn1 error text, whole ("asn1: syntax error: …"). */
    static final class Asn1Exception extends Exception {
        Asn1Exception(String message) {
            super(message, null, false, false);
        }

        static Asn1Exception syntax(String msg) {
            return new Asn1Exception("asn1: syntax error: " + msg);
        }

        static Asn1Exception structure(String msg) {
            return new Asn1Exception("asn1: structure error: " + msg);
        }
    }

    /** What {@code asn1.Unmarshal} fills in, and how many bytes follow the value. */
    record Result(Object value, int trailing) {}

    private static final Field TOP = Field.of(null);

    static Result unmarshal(byte[] der, Type type) throws Asn1Exception {
        Object[] slot = new Object[1];
        int end = parseField(type, TOP, der, 0, slot);
        return new Result(slot[0], der.length - end);
    }

    /** Whether the bytes unmarshal into the type (the probes Go's key parsers make). */
    static boolean fits(byte[] der, Type type) {
        try {
            unmarshal(der, type);
            return true;
        } catch (Asn1Exception e) {
            return false;
        }
    }

    private record TagAndLength(int cls, int tag, int length, boolean compound) {
        @Override
        public String toString() {
            return "{class:" + cls + " tag:" + tag + " length:" + length + " isCompound:" + compound + "}";
        }
    }

    private static int parseField(Type type, Field params, byte[] bytes, int initOffset, Object[] slot)
            throws Asn1Exception {
        int offset = initOffset;
        if (offset == bytes.length) {
            if (!params.optional()) {
                throw Asn1Exception.syntax("sequence truncated");
            }
            return offset;
        }
        int[] pos = {offset};
        if (type.kind() == Kind.RAW_VALUE) {
            TagAndLength t = parseTagAndLength(bytes, pos);
            if (invalidLength(pos[0], t.length(), bytes.length)) {
                throw Asn1Exception.syntax("data truncated");
            }
            slot[0] = new RawValue(t.cls(), t.tag(), t.compound(),
                    Arrays.copyOfRange(bytes, pos[0], pos[0] + t.length()),
                    Arrays.copyOfRange(bytes, initOffset, pos[0] + t.length()));
            return pos[0] + t.length();
        }
        TagAndLength t = parseTagAndLength(bytes, pos);
        if (params.explicit()) {
            if (pos[0] == bytes.length) {
                throw Asn1Exception.structure("explicit tag has no child");
            }
            if (t.cls() == 2 && t.tag() == params.explicitTag() && (t.length() == 0 || t.compound())) {
                if (t.length() == 0) {
                    throw Asn1Exception.structure("zero length explicit tag was not an asn1.Flag");
                }
                t = parseTagAndLength(bytes, pos);
            } else if (params.optional()) {
                return initOffset;
            } else {
                throw Asn1Exception.structure("explicitly tagged member didn't match");
            }
        }
        int expectedTag = universalTag(type.kind());
        boolean compound = type.kind() == Kind.STRUCT || type.kind() == Kind.SEQUENCE_OF;
        if (t.cls() != 0 || t.tag() != expectedTag || t.compound() != compound) {
            if (params.optional()) {
                return initOffset;
            }
            throw Asn1Exception.structure("tags don't match (" + expectedTag + " vs " + t + ") "
                    + params.goParams() + " " + type.goName() + " @" + pos[0]);
        }
        if (invalidLength(pos[0], t.length(), bytes.length)) {
            throw Asn1Exception.syntax("data truncated");
        }
        byte[] inner = Arrays.copyOfRange(bytes, pos[0], pos[0] + t.length());
        slot[0] = switch (type.kind()) {
            case INT -> parseInt64(inner);
            case BIG_INT -> parseBigInt(inner);
            case BYTES -> inner;
            case OID -> parseObjectIdentifier(inner);
            case BIT_STRING -> parseBitString(inner);
            case STRUCT -> parseStruct(type, inner);
            case SEQUENCE_OF -> parseSequenceOf(type.element(), inner);
            case RAW_VALUE -> throw new IllegalStateException();
        };
        return pos[0] + t.length();
    }

    private static Object[] parseStruct(Type type, byte[] inner) throws Asn1Exception {
        List<Field> fields = type.fields();
        Object[] values = new Object[fields.size()];
        Object[] slot = new Object[1];
        int offset = 0;
        for (int i = 0; i < fields.size(); i++) {
            slot[0] = null;
            offset = parseField(fields.get(i).type(), fields.get(i), inner, offset, slot);
            values[i] = slot[0];
        }
        return values; // bytes after the last field are allowed, as in Go
    }

    private static List<Object[]> parseSequenceOf(Type element, byte[] bytes) throws Asn1Exception {
        int count = 0;
        int[] pos = {0};
        while (pos[0] < bytes.length) {
            TagAndLength t = parseTagAndLength(bytes, pos);
            if (t.cls() != 0 || !t.compound() || t.tag() != 16) {
                throw Asn1Exception.structure("sequence tag mismatch");
            }
            if (invalidLength(pos[0], t.length(), bytes.length)) {
                throw Asn1Exception.syntax("truncated sequence");
            }
            pos[0] += t.length();
            count++;
        }
        List<Object[]> out = new ArrayList<>(count);
        Object[] slot = new Object[1];
        int offset = 0;
        for (int i = 0; i < count; i++) {
            offset = parseField(element, Field.of(element), bytes, offset, slot);
            out.add((Object[]) slot[0]);
        }
        return out;
    }

    private static int universalTag(Kind kind) {
        return switch (kind) {
            case INT, BIG_INT -> 2;
            case BIT_STRING -> 3;
            case BYTES -> 4;
            case OID -> 6;
            case STRUCT, SEQUENCE_OF -> 16;
            case RAW_VALUE -> -1;
        };
    }

    private static boolean invalidLength(int offset, int length, int sliceLength) {
        return offset + length < offset || offset + length > sliceLength;
    }

    private static TagAndLength parseTagAndLength(byte[] bytes, int[] pos) throws Asn1Exception {
        int offset = pos[0];
        int b = bytes[offset++] & 0xFF;
        int cls = b >> 6;
        boolean compound = (b & 0x20) == 0x20;
        int tag = b & 0x1f;
        if (tag == 0x1f) {
            long[] r = parseBase128Int(bytes, offset);
            tag = (int) r[0];
            offset = (int) r[1];
            if (tag < 0x1f) {
                throw Asn1Exception.syntax("non-minimal tag");
            }
        }
        if (offset >= bytes.length) {
            throw Asn1Exception.syntax("truncated tag or length");
        }
        b = bytes[offset++] & 0xFF;
        int length;
        if ((b & 0x80) == 0) {
            length = b & 0x7f;
        } else {
            int numBytes = b & 0x7f;
            if (numBytes == 0) {
                throw Asn1Exception.syntax("indefinite length found (not DER)");
            }
            length = 0;
            for (int i = 0; i < numBytes; i++) {
                if (offset >= bytes.length) {
                    throw Asn1Exception.syntax("truncated tag or length");
                }
                b = bytes[offset++] & 0xFF;
                if (length >= 1 << 23) {
                    throw Asn1Exception.structure("length too large");
                }
                length = length << 8 | b;
                if (length == 0) {
                    throw Asn1Exception.structure("superfluous leading zeros in length");
                }
            }
            if (length < 0x80) {
                throw Asn1Exception.structure("non-minimal length");
            }
        }
        pos[0] = offset;
        return new TagAndLength(cls, tag, length, compound);
    }

    /** {value, new offset}. */
    private static long[] parseBase128Int(byte[] bytes, int offset) throws Asn1Exception {
        long ret = 0;
        for (int shifted = 0; offset < bytes.length; shifted++) {
            if (shifted == 5) {
                throw Asn1Exception.structure("base 128 integer too large");
            }
            ret <<= 7;
            int b = bytes[offset++] & 0xFF;
            if (shifted == 0 && b == 0x80) {
                throw Asn1Exception.syntax("integer is not minimally encoded");
            }
            ret |= b & 0x7f;
            if ((b & 0x80) == 0) {
                if (ret > Integer.MAX_VALUE) {
                    throw Asn1Exception.structure("base 128 integer too large");
                }
                return new long[] {ret, offset};
            }
        }
        throw Asn1Exception.syntax("truncated base 128 integer");
    }

    private static void checkInteger(byte[] bytes) throws Asn1Exception {
        if (bytes.length == 0) {
            throw Asn1Exception.structure("empty integer");
        }
        if (bytes.length > 1 && (bytes[0] == 0 && (bytes[1] & 0x80) == 0
                || bytes[0] == (byte) 0xff && (bytes[1] & 0x80) == 0x80)) {
            throw Asn1Exception.structure("integer not minimally-encoded");
        }
    }

    private static Long parseInt64(byte[] bytes) throws Asn1Exception {
        checkInteger(bytes);
        if (bytes.length > 8) {
            throw Asn1Exception.structure("integer too large");
        }
        return new BigInteger(bytes).longValue();
    }

    private static BigInteger parseBigInt(byte[] bytes) throws Asn1Exception {
        checkInteger(bytes);
        return new BigInteger(bytes);
    }

    private static BitString parseBitString(byte[] bytes) throws Asn1Exception {
        if (bytes.length == 0) {
            throw Asn1Exception.syntax("zero length BIT STRING");
        }
        int padding = bytes[0] & 0xFF;
        if (padding > 7 || bytes.length == 1 && padding > 0
                || (bytes[bytes.length - 1] & ((1 << padding) - 1)) != 0) {
            throw Asn1Exception.syntax("invalid padding bits in BIT STRING");
        }
        return new BitString(Arrays.copyOfRange(bytes, 1, bytes.length), (bytes.length - 1) * 8 - padding);
    }

    private static int[] parseObjectIdentifier(byte[] bytes) throws Asn1Exception {
        if (bytes.length == 0) {
            throw Asn1Exception.syntax("zero length OBJECT IDENTIFIER");
        }
        int[] s = new int[bytes.length + 1];
        long[] r = parseBase128Int(bytes, 0);
        int v = (int) r[0];
        int offset = (int) r[1];
        if (v < 80) {
            s[0] = v / 40;
            s[1] = v % 40;
        } else {
            s[0] = 2;
            s[1] = v - 80;
        }
        int i = 2;
        for (; offset < bytes.length; i++) {
            r = parseBase128Int(bytes, offset);
            s[i] = (int) r[0];
            offset = (int) r[1];
        }
        return Arrays.copyOf(s, i);
    }
}

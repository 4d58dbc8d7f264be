package duso.store;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import duso.lang.errors.DusoError;
import duso.lang.lexer.GoQuote;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.BinaryValue;
import duso.lang.values.CodeValue;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.RegexValue;
import duso.lang.values.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The reference's binary encoding of script values, shared by snapshots and the WAL so their
 * files move between the two runtimes: one tag byte, then the payload. Integral numbers up to
 * 2^53 take a zig-zag varint, others eight little-endian bytes; object keys are written in
 * UTF-8 byte order so equal state gives equal bytes. Functions cannot be stored: an array slot
 * holding one becomes nil and an object field holding one is left out (deep_copy's rule).
 */
final class Codec {
    static final int NIL = 0x00;
    static final int FALSE = 0x01;
    static final int TRUE = 0x02;
    static final int NUMBER = 0x03;
    static final int INT = 0x04;
    static final int STRING = 0x05;
    static final int ARRAY = 0x10;
    static final int OBJECT = 0x11;
    static final int BINARY = 0x20;
    static final int ERROR = 0x21;
    static final int REGEX = 0x22;
    static final int CODE = 0x23;
    static final int BINARY_REF = 0x30;

    private static final double MAX_EXACT_INT = 0x1p53;

    private Codec() {}

    // ---- encoding ------------------------------------------------------------------------

    static void encode(ByteWriter w, Object v) {
        if (v instanceof String s) {
            w.u8(STRING);
            w.rawString(s);
        } else if (v instanceof Double d) {
            encodeNumber(w, d);
        } else if (v instanceof Boolean b) {
            w.u8(b ? TRUE : FALSE);
        } else if (v instanceof DusoArray a) {
            int n = a.size();
            w.u8(ARRAY);
            w.uvarint(n);
            for (int i = 0; i < n; i++) {
                encode(w, a.get(i));
            }
        } else if (v instanceof DusoObject o) {
            encodeObject(w, o);
        } else if (v instanceof BinaryValue b) {
            w.u8(BINARY);
            w.uvarint(b.length());
            w.bytes(b.data());
            encodeObject(w, b.metadata());
        } else if (v instanceof ErrorValue e) {
            w.u8(ERROR);
            encode(w, e.message());
            w.rawString(e.stack() == null ? "" : e.stack());
        } else if (v instanceof RegexValue r) {
            w.u8(REGEX);
            w.rawString(r.pattern());
        } else if (v instanceof CodeValue c) {
            w.u8(CODE);
            w.rawString(c.source());
            encodeObject(w, c.metadata() == null ? new DusoObject() : c.metadata());
        } else {
            // nil, and functions wherever the caller could not leave them out
            w.u8(NIL);
        }
    }

    /** INT for integral values within 2^53 (never -0, whose sign must survive), else NUMBER. */
    static void encodeNumber(ByteWriter w, double d) {
        if (d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_INT && !(d == 0 && 1 / d < 0)) {
            long i = (long) d;
            w.u8(INT);
            w.uvarint((i << 1) ^ (i >> 63));
        } else {
            w.u8(NUMBER);
            w.f64(d);
        }
    }

    private static void encodeObject(ByteWriter w, DusoObject o) {
        List<String> keys = new ArrayList<>(o.size());
        for (Map.Entry<String, Object> e : o.entries()) {
            if (!(e.getValue() instanceof FunctionValue)) {
                keys.add(e.getKey());
            }
        }
        keys.sort(Values::compareStrings);
        w.u8(OBJECT);
        w.uvarint(keys.size());
        for (String k : keys) {
            w.rawString(k);
            encode(w, o.get(k));
        }
    }

    // ---- decoding ------------------------------------------------------------------------

    static Object decode(ByteReader r) {
        int tag = r.u8("truncated value: no tag byte");
        switch (tag) {
            case NIL:
                return Nil.NIL;
            case FALSE:
                return Boolean.FALSE;
            case TRUE:
                return Boolean.TRUE;
            case NUMBER:
                if (r.remaining() < 8) {
                    throw new FormatException("truncated number: want 8 bytes, have " + r.remaining());
                }
                return Double.longBitsToDouble(r.u64());
            case INT: {
                long u = r.uvarint("malformed int varint");
                return (double) ((u >>> 1) ^ -(u & 1));
            }
            case STRING:
                return r.utf8(r.count("malformed length prefix"));
            case ARRAY: {
                int n = r.count("malformed length prefix");
                Object[] items = new Object[n];
                for (int i = 0; i < n; i++) {
                    items[i] = decode(r);
                }
                return DusoArray.wrap(items);
            }
            case OBJECT: {
                int n = r.count("malformed length prefix");
                DusoObject o = new DusoObject(n);
                for (int i = 0; i < n; i++) {
                    String k = r.utf8(r.count("malformed length prefix"));
                    o.put(k, decode(r));
                }
                return o;
            }
            case BINARY: {
                byte[] data = r.bytes(r.count("malformed length prefix"));
                return new BinaryValue(data, metadata(r));
            }
            case ERROR: {
                Object message = decode(r);
                String stack = r.utf8(r.count("malformed length prefix"));
                return new ErrorValue(message, stack);
            }
            case REGEX: {
                String pattern = r.utf8(r.count("malformed length prefix"));
                try {
                    return new RegexValue(pattern, Pattern.compile(pattern));
                } catch (PatternSyntaxException e) {
                    throw new FormatException("stored regex " + GoQuote.quote(pattern) + " no longer compiles: "
                            + e.getMessage());
                }
            }
            case CODE: {
                String source = r.utf8(r.count("malformed length prefix"));
                DusoObject meta = metadata(r);
                try {
                    return new CodeValue(source, Parser.parse(Source.of("<dynamic>", source)), meta);
                } catch (DusoError e) {
                    throw new FormatException("stored code no longer parses: " + e.render());
                }
            }
            case BINARY_REF:
                throw new FormatException("binary reference values are reserved and not supported by this build");
            default:
                throw new FormatException(String.format("unknown value tag 0x%02X", tag));
        }
    }

    private static DusoObject metadata(ByteReader r) {
        Object v = decode(r);
        if (v instanceof DusoObject o) {
            return o;
        }
        throw new FormatException("expected object for metadata, got " + goTypeName(v));
    }

    /** The Go type the reference's decoder would have produced, for its error message. */
    private static String goTypeName(Object v) {
        if (v == Nil.NIL) {
            return "<nil>";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof Double) {
            return "float64";
        }
        if (v instanceof String) {
            return "string";
        }
        if (v instanceof DusoArray) {
            return "[]interface {}";
        }
        return "*script.ValueRef";
    }
}

package duso.store;

import duso.lang.lexer.GoQuote;

/**
 * One operation in the write-ahead log, and the log's record body format (version 1, the
 * reference's): uvarint sequence number, opcode byte, then exactly the fields the opcode's
 * shape names - key, second key, f64 number, codec value - with no presence flags, so a
 * record cannot contradict itself. Opcodes below 0x80 change data (an unknown one is fatal);
 * 0x80 and up are control records a reader may skip.
 *
 * <p>It is an operation log: SHIFT records that a shift happened, PUSH the pushed item, INCR
 * the delta, UPDATE the patch, EXPIRE the absolute deadline in unix milliseconds.
 */
record WalRecord(long seq, int op, String key, String key2, double num, Object value) {
    static final int SET = 0x01;
    static final int SET_ONCE = 0x02;
    static final int DELETE = 0x03;
    static final int SWAP = 0x04;
    static final int UPDATE = 0x05;
    static final int INCR = 0x06;
    static final int RENAME = 0x07;
    static final int EXPIRE = 0x08;
    static final int EXPIRED = 0x09;
    static final int PUSH = 0x30;
    static final int UNSHIFT = 0x31;
    static final int SHIFT = 0x32;
    static final int POP = 0x33;
    static final int CLEAR = 0x50;
    static final int DATA_LIMIT = 0x80;

    private static final int KEY = 1;
    private static final int KEY2 = 2;
    private static final int NUM = 4;
    private static final int VALUE = 8;
    /** A known opcode whose records carry nothing but sequence and opcode. */
    private static final int NO_FIELDS = 16;

    /** The fields an opcode carries; 0 for an unknown opcode. */
    static int shape(int op) {
        return switch (op) {
            case SET, SET_ONCE, SWAP, UPDATE, PUSH, UNSHIFT -> KEY | VALUE;
            case DELETE, EXPIRED, SHIFT, POP -> KEY;
            case INCR, EXPIRE -> KEY | NUM;
            case RENAME -> KEY | KEY2;
            case CLEAR -> NO_FIELDS;
            default -> 0;
        };
    }

    static String name(int op) {
        return switch (op) {
            case SET -> "SET";
            case SET_ONCE -> "SET_ONCE";
            case DELETE -> "DELETE";
            case SWAP -> "SWAP";
            case UPDATE -> "UPDATE";
            case INCR -> "INCR";
            case RENAME -> "RENAME";
            case EXPIRE -> "EXPIRE";
            case EXPIRED -> "EXPIRED";
            case PUSH -> "PUSH";
            case UNSHIFT -> "UNSHIFT";
            case SHIFT -> "SHIFT";
            case POP -> "POP";
            case CLEAR -> "CLEAR";
            default -> String.format("0x%02X", op);
        };
    }

    /** Appends the body of this operation to {@code w}. */
    static void encodeBody(ByteWriter w, long seq, int op, String key, String key2, double num, Object value) {
        int shape = shape(op);
        if (shape == 0) {
            throw new IllegalArgumentException(String.format("refusing to write unknown WAL opcode 0x%02X", op));
        }
        w.uvarint(seq);
        w.u8(op);
        if ((shape & KEY) != 0) {
            w.rawString(key);
        }
        if ((shape & KEY2) != 0) {
            w.rawString(key2);
        }
        if ((shape & NUM) != 0) {
            w.f64(num);
        }
        if ((shape & VALUE) != 0) {
            Codec.encode(w, value);
        }
    }

    /**
     * Decodes a body. A control opcode (0x80 and up) that this build does not know comes back
     * as a record with {@link #skippable()} true and only its sequence number.
     */
    static WalRecord decodeBody(byte[] body) {
        ByteReader r = new ByteReader(body);
        long seq = r.uvarint("malformed record sequence number");
        int op = r.u8("record has no opcode");
        int shape = shape(op);
        if (shape == 0) {
            if (op >= DATA_LIMIT) {
                return new WalRecord(seq, op, null, null, 0, null);
            }
            throw new FormatException(String.format(
                    "unknown WAL data opcode 0x%02X — this file was written by a newer duso", op));
        }
        String name = name(op);
        String key = "";
        String key2 = "";
        double num = 0;
        Object value = null;
        if ((shape & KEY) != 0) {
            key = field(r, name + " record: key: ");
        }
        if ((shape & KEY2) != 0) {
            key2 = field(r, name + " record: second key: ");
        }
        if ((shape & NUM) != 0) {
            if (r.remaining() < 8) {
                throw new FormatException(name + " record: truncated number");
            }
            num = Double.longBitsToDouble(r.u64());
        }
        if ((shape & VALUE) != 0) {
            try {
                value = Codec.decode(r);
            } catch (FormatException e) {
                throw new FormatException(name + " record for key " + GoQuote.quote(key) + ": " + e.getMessage());
            }
        }
        if (r.remaining() != 0) {
            throw new FormatException(name + " record for key " + GoQuote.quote(key) + " has " + r.remaining()
                    + " unexpected trailing bytes");
        }
        return new WalRecord(seq, op, key, key2, num, value);
    }

    private static String field(ByteReader r, String context) {
        return r.rawString(context + "malformed string length",
                context + "string length %N exceeds %R remaining bytes");
    }

    boolean skippable() {
        return op >= DATA_LIMIT;
    }
}

package duso.store;

import duso.lang.lexer.GoQuote;
import duso.lang.values.Values;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The snapshot file, version 1 (the reference's): a 24-byte plaintext header - magic
 * {@code DUSOSNAP}, u16 version, u16 flags (bit 0 body encrypted, bit 1 written by a
 * follower), u32 epoch, u64 WAL watermark - then the body, sealed as a unit when encrypted:
 * u32 key count and (uvarint key length, key, codec value) in UTF-8 byte order of keys, then
 * u32 expiry count and (key, i64 unix-millisecond deadline). Sorted keys make equal state
 * produce equal bytes. The header stays readable without the key.
 */
final class SnapshotFormat {
    static final byte[] MAGIC = {'D', 'U', 'S', 'O', 'S', 'N', 'A', 'P'};
    static final int VERSION = 1;
    static final int HEADER = 24;
    static final int FLAG_ENCRYPTED = 1;

    /** A decoded snapshot: values in key order, deadlines, and the WAL watermark it covers. */
    record Contents(LinkedHashMap<String, Object> data, Map<String, Long> expiry, long seq) {}

    private SnapshotFormat() {}

    static byte[] encode(Map<String, Object> data, Map<String, Long> expiry, long seq, StoreCipher cipher) {
        ByteWriter body = new ByteWriter(64 * data.size() + 32);
        List<String> keys = sorted(data.keySet());
        body.u32(keys.size());
        for (String k : keys) {
            body.rawString(k);
            Codec.encode(body, data.get(k));
        }
        List<String> ekeys = sorted(expiry.keySet());
        body.u32(ekeys.size());
        for (String k : ekeys) {
            body.rawString(k);
            body.u64(expiry.get(k));
        }
        byte[] payload = cipher == null ? null : cipher.seal(body.array(), 0, body.length());
        ByteWriter out = new ByteWriter(HEADER + (payload == null ? body.length() : payload.length));
        out.bytes(MAGIC);
        out.u16(VERSION);
        out.u16(cipher == null ? 0 : FLAG_ENCRYPTED);
        out.u32(0); // epoch
        out.u64(seq);
        if (payload == null) {
            out.bytes(body.array(), 0, body.length());
        } else {
            out.bytes(payload);
        }
        return out.toByteArray();
    }

    private static List<String> sorted(java.util.Collection<String> keys) {
        List<String> list = new ArrayList<>(keys);
        list.sort(Values::compareStrings);
        return list;
    }

    static Contents decode(byte[] raw, Path path, StoreCipher cipher) {
        if (!ByteReader.startsWith(raw, raw.length, MAGIC)) {
            throw new FormatException("snapshot " + GoQuote.quote(path.toString()) + " is in the pre-1.7 (gob) format,"
                    + " which duso-jvm cannot read; open the store once with the reference duso to rewrite it");
        }
        if (raw.length < HEADER) {
            throw new FormatException("truncated snapshot header");
        }
        ByteReader h = new ByteReader(raw, 8, HEADER - 8);
        int version = h.u8("") | h.u8("") << 8;
        if (version != VERSION) {
            throw new FormatException("snapshot " + GoQuote.quote(path.toString()) + " was written by a newer duso"
                    + " (format version " + version + ", this build understands " + VERSION + ")");
        }
        int flags = h.u8("") | h.u8("") << 8;
        h.u8("");
        h.u8("");
        h.u8("");
        h.u8("");
        long seq = h.u64();
        byte[] body;
        if ((flags & FLAG_ENCRYPTED) != 0) {
            if (cipher == null) {
                throw new FormatException("snapshot " + GoQuote.quote(path.toString())
                        + " is encrypted but no encrypt_key is configured");
            }
            byte[] sealed = new byte[raw.length - HEADER];
            System.arraycopy(raw, HEADER, sealed, 0, sealed.length);
            body = cipher.open(sealed);
            return body(new ByteReader(body), seq);
        }
        if (cipher != null) {
            throw new FormatException("snapshot " + GoQuote.quote(path.toString())
                    + " is not encrypted but an encrypt_key is configured");
        }
        return body(new ByteReader(raw, HEADER, raw.length - HEADER), seq);
    }

    private static Contents body(ByteReader r, long seq) {
        if (r.remaining() < 4) {
            throw new FormatException("truncated snapshot: missing key count");
        }
        long count = u32(r);
        LinkedHashMap<String, Object> data = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            String key = key(r, "snapshot entry " + i + ": ");
            try {
                data.put(key, Codec.decode(r));
            } catch (FormatException e) {
                throw new FormatException("snapshot key " + GoQuote.quote(key) + ": " + e.getMessage());
            }
        }
        if (r.remaining() < 4) {
            throw new FormatException("truncated snapshot: missing expiry count");
        }
        long ecount = u32(r);
        Map<String, Long> expiry = new LinkedHashMap<>();
        for (long i = 0; i < ecount; i++) {
            String key = key(r, "snapshot expiry entry " + i + ": ");
            if (r.remaining() < 8) {
                throw new FormatException("snapshot expiry for key " + GoQuote.quote(key) + ": truncated deadline");
            }
            expiry.put(key, r.u64());
        }
        return new Contents(data, expiry, seq);
    }

    private static String key(ByteReader r, String context) {
        return r.rawString(context + "malformed key length", context + "key length %N exceeds %R remaining bytes");
    }

    private static long u32(ByteReader r) {
        long v = 0;
        for (int i = 0; i < 4; i++) {
            v |= (long) r.u8("") << (8 * i);
        }
        return v;
    }
}

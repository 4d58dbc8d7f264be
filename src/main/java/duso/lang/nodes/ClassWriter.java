package duso.lang.nodes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal class-file writer for the JIT: constant pool, fields and methods, nothing else.
 *
 * <p>The JDK's java.lang.classfile API costs 50-150 ms the first time it runs on a cold JVM,
 * longer than many hot loops last. This writer is a few small classes and emits class-file
 * version 49, which needs no stack map frames (the JVM infers types when verifying), so it
 * is cheap from the first use. It supports exactly the instructions {@link CodeWriter} offers.
 */
final class ClassWriter {
    private final Bytes pool = new Bytes(512);
    private final Map<String, Integer> poolIndex = new HashMap<>();
    private int poolCount = 1;
    private final int thisClass;
    private final int superClass;
    private final List<byte[]> fields = new ArrayList<>();
    private final List<byte[]> methods = new ArrayList<>();

    ClassWriter(String thisName, String superName) {
        thisClass = classRef(thisName);
        superClass = classRef(superName);
    }

    // ---- constant pool --------------------------------------------------------------------------

    /** Index of an existing entry, or -1 (then the caller writes it and calls {@link #added}). */
    private int existing(String key) {
        Integer i = poolIndex.get(key);
        return i == null ? -1 : i;
    }

    private int added(String key, int slots) {
        int index = poolCount;
        poolCount += slots;
        poolIndex.put(key, index);
        return index;
    }

    int utf8(String s) {
        String key = "U" + s;
        int i = existing(key);
        if (i >= 0) {
            return i;
        }
        pool.u1(1).utf(s);
        return added(key, 1);
    }

    private int ref(String key, int tag, int a, int b, int slots) {
        int i = existing(key);
        if (i >= 0) {
            return i;
        }
        pool.u1(tag).u2(a);
        if (b >= 0) {
            pool.u2(b);
        }
        return added(key, slots);
    }

    int classRef(String internalName) {
        return ref("C" + internalName, 7, utf8(internalName), -1, 1);
    }

    int string(String s) {
        return ref("S" + s, 8, utf8(s), -1, 1);
    }

    int integer(int v) {
        String key = "I" + v;
        int i = existing(key);
        if (i >= 0) {
            return i;
        }
        pool.u1(3).u4(v);
        return added(key, 1);
    }

    int doubleConst(double v) {
        String key = "D" + Double.doubleToRawLongBits(v);
        int i = existing(key);
        if (i >= 0) {
            return i;
        }
        long bits = Double.doubleToRawLongBits(v);
        pool.u1(6).u4((int) (bits >>> 32)).u4((int) bits);
        return added(key, 2);
    }

    private int nameAndType(String name, String descriptor) {
        return ref("N" + name + ":" + descriptor, 12, utf8(name), utf8(descriptor), 1);
    }

    int fieldRef(String owner, String name, String descriptor) {
        return ref("F" + owner + "." + name + ":" + descriptor, 9, classRef(owner), nameAndType(name, descriptor), 1);
    }

    int methodRef(String owner, String name, String descriptor) {
        return ref("M" + owner + "." + name + ":" + descriptor, 10, classRef(owner), nameAndType(name, descriptor), 1);
    }

    // ---- members -----------------------------------------------------------------------------------

    void field(int flags, String name, String descriptor) {
        fields.add(new Bytes(8).u2(flags).u2(utf8(name)).u2(utf8(descriptor)).u2(0).toArray());
    }

    CodeWriter method(int flags, String name, String descriptor, int argSlots) {
        return new CodeWriter(this, flags, name, descriptor, argSlots);
    }

    void addMethod(int flags, String name, String descriptor, byte[] code, int maxStack, int maxLocals) {
        Bytes b = new Bytes(code.length + 32);
        b.u2(flags).u2(utf8(name)).u2(utf8(descriptor));
        b.u2(1).u2(utf8("Code")).u4(12 + code.length); // one attribute: Code
        b.u2(maxStack).u2(maxLocals).u4(code.length).bytes(code, code.length);
        b.u2(0).u2(0); // no exception table, no attributes of the code
        methods.add(b.toArray());
    }

    byte[] toBytes() {
        Bytes b = new Bytes(pool.size + 256);
        b.u4(0xCAFEBABE).u2(0).u2(49).u2(poolCount).bytes(pool.data, pool.size);
        b.u2(0x0010 | 0x0020).u2(thisClass).u2(superClass); // ACC_FINAL | ACC_SUPER
        b.u2(0); // no interfaces
        b.u2(fields.size());
        for (byte[] f : fields) {
            b.bytes(f, f.length);
        }
        b.u2(methods.size());
        for (byte[] m : methods) {
            b.bytes(m, m.length);
        }
        b.u2(0); // no class attributes
        return b.toArray();
    }

    /**
     * A growable big-endian byte buffer. Not {@code DataOutputStream}, whose first use starts
     * the JDK's byte-array VarHandles (a dozen classes, a few milliseconds on a cold JVM, on
     * the way to a script's first compiled loop).
     */
    static final class Bytes {
        byte[] data;
        int size;

        Bytes(int capacity) {
            data = new byte[Math.max(16, capacity)];
        }

        private void room(int n) {
            if (size + n > data.length) {
                data = Arrays.copyOf(data, Math.max(size + n, data.length * 2));
            }
        }

        Bytes u1(int v) {
            room(1);
            data[size++] = (byte) v;
            return this;
        }

        Bytes u2(int v) {
            room(2);
            data[size++] = (byte) (v >>> 8);
            data[size++] = (byte) v;
            return this;
        }

        Bytes u4(int v) {
            room(4);
            data[size++] = (byte) (v >>> 24);
            data[size++] = (byte) (v >>> 16);
            data[size++] = (byte) (v >>> 8);
            data[size++] = (byte) v;
            return this;
        }

        Bytes bytes(byte[] b, int n) {
            room(n);
            System.arraycopy(b, 0, data, size, n);
            size += n;
            return this;
        }

        /** A class file's modified UTF-8: its length in bytes, then U+0000 and chars above U+007F as 2 or 3 bytes. */
        Bytes utf(String s) {
            int n = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                n += c >= 1 && c <= 0x7F ? 1 : c <= 0x7FF ? 2 : 3;
            }
            if (n > 0xFFFF) {
                throw new IllegalStateException("constant of " + n + " bytes is too long for a class file");
            }
            u2(n);
            room(n);
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c >= 1 && c <= 0x7F) {
                    data[size++] = (byte) c;
                } else if (c <= 0x7FF) {
                    data[size++] = (byte) (0xC0 | (c >> 6));
                    data[size++] = (byte) (0x80 | (c & 0x3F));
                } else {
                    data[size++] = (byte) (0xE0 | (c >> 12));
                    data[size++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                    data[size++] = (byte) (0x80 | (c & 0x3F));
                }
            }
            return this;
        }

        byte[] toArray() {
            return Arrays.copyOf(data, size);
        }
    }
}

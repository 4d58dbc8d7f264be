package duso.lang.nodes;

import java.nio.charset.StandardCharsets;
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
    /*
     * One map per kind of entry, keyed by the strings themselves: the emitter passes string
     * literals, whose hash codes the JVM computes once, where a concatenated key string would be
     * built and hashed again on every instruction (two thirds of a first compilation's time,
     * which runs in HotSpot's interpreter).
     */
    private final Map<String, Integer> utf8s = new HashMap<>(64);
    private final Map<String, Integer> classes = new HashMap<>(64);
    private final Map<String, Integer> strings = new HashMap<>(64);
    private final Map<Member, Integer> members = new HashMap<>(128);
    private final Map<Integer, Integer> ints = new HashMap<>();
    private final Map<Long, Integer> doubles = new HashMap<>();
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

    /** A field, method or name-and-type entry: its tag and up to three strings. */
    private static final class Member {
        final int tag;
        final String owner;
        final String name;
        final String descriptor;
        private final int hash;

        Member(int tag, String owner, String name, String descriptor) {
            this.tag = tag;
            this.owner = owner;
            this.name = name;
            this.descriptor = descriptor;
            this.hash = ((tag * 31 + owner.hashCode()) * 31 + name.hashCode()) * 31 + descriptor.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && m.tag == tag && m.owner.equals(owner) && m.name.equals(name)
                    && m.descriptor.equals(descriptor);
        }
    }

    private int next(int slots) {
        int index = poolCount;
        poolCount += slots;
        return index;
    }

    int utf8(String s) {
        Integer i = utf8s.get(s);
        if (i != null) {
            return i;
        }
        pool.u1(1).utf(s);
        int index = next(1);
        utf8s.put(s, index);
        return index;
    }

    int classRef(String internalName) {
        return naming(classes, 7, internalName);
    }

    int string(String s) {
        return naming(strings, 8, s);
    }

    /** An entry of the given tag that names a UTF-8 entry (a class or a string constant). */
    private int naming(Map<String, Integer> entries, int tag, String text) {
        Integer i = entries.get(text);
        if (i != null) {
            return i;
        }
        int utf = utf8(text);
        pool.u1(tag).u2(utf);
        int index = next(1);
        entries.put(text, index);
        return index;
    }

    int integer(int v) {
        Integer i = ints.get(v);
        if (i != null) {
            return i;
        }
        pool.u1(3).u4(v);
        int index = next(1);
        ints.put(v, index);
        return index;
    }

    int doubleConst(double v) {
        long bits = Double.doubleToRawLongBits(v);
        Integer i = doubles.get(bits);
        if (i != null) {
            return i;
        }
        pool.u1(6).u4((int) (bits >>> 32)).u4((int) bits);
        int index = next(2);
        doubles.put(bits, index);
        return index;
    }

    private int nameAndType(String name, String descriptor) {
        return member(12, "", name, descriptor);
    }

    int fieldRef(String owner, String name, String descriptor) {
        return member(9, owner, name, descriptor);
    }

    int methodRef(String owner, String name, String descriptor) {
        return member(10, owner, name, descriptor);
    }

    private int member(int tag, String owner, String name, String descriptor) {
        Member key = new Member(tag, owner, name, descriptor);
        Integer i = members.get(key);
        if (i != null) {
            return i;
        }
        if (tag == 12) {
            int n = utf8(name);
            int d = utf8(descriptor);
            pool.u1(12).u2(n).u2(d);
        } else {
            int c = classRef(owner);
            int nt = nameAndType(name, descriptor);
            pool.u1(tag).u2(c).u2(nt);
        }
        int index = next(1);
        members.put(key, index);
        return index;
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
            // Names and descriptors are ASCII: the JDK's (compiled) encoder does them in one
            // call, where this class's loop would run in HotSpot's interpreter.
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            if (utf8.length == s.length() && s.indexOf('\0') < 0) {
                if (utf8.length > 0xFFFF) {
                    throw new IllegalStateException("constant of " + utf8.length + " bytes is too long for a class file");
                }
                u2(utf8.length);
                return bytes(utf8, utf8.length);
            }
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

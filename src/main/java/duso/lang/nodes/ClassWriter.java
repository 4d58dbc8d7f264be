package duso.lang.nodes;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
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
    private final ByteArrayOutputStream pool = new ByteArrayOutputStream();
    private final DataOutputStream poolOut = new DataOutputStream(pool);
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
        try {
            poolOut.writeByte(1);
            poolOut.writeUTF(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return added(key, 1);
    }

    private int ref(String key, int tag, int a, int b, int slots) {
        int i = existing(key);
        if (i >= 0) {
            return i;
        }
        try {
            poolOut.writeByte(tag);
            poolOut.writeShort(a);
            if (b >= 0) {
                poolOut.writeShort(b);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
        try {
            poolOut.writeByte(3);
            poolOut.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return added(key, 1);
    }

    int doubleConst(double v) {
        String key = "D" + Double.doubleToRawLongBits(v);
        int i = existing(key);
        if (i >= 0) {
            return i;
        }
        try {
            poolOut.writeByte(6);
            poolOut.writeDouble(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        try {
            out.writeShort(flags);
            out.writeShort(utf8(name));
            out.writeShort(utf8(descriptor));
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        fields.add(b.toByteArray());
    }

    CodeWriter method(int flags, String name, String descriptor, int argSlots) {
        return new CodeWriter(this, flags, name, descriptor, argSlots);
    }

    void addMethod(int flags, String name, String descriptor, byte[] code, int maxStack, int maxLocals) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        try {
            out.writeShort(flags);
            out.writeShort(utf8(name));
            out.writeShort(utf8(descriptor));
            out.writeShort(1);
            out.writeShort(utf8("Code"));
            out.writeInt(12 + code.length);
            out.writeShort(maxStack);
            out.writeShort(maxLocals);
            out.writeInt(code.length);
            out.write(code);
            out.writeShort(0);
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        methods.add(b.toByteArray());
    }

    byte[] toBytes() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        try {
            out.writeInt(0xCAFEBABE);
            out.writeShort(0);
            out.writeShort(49);
            out.writeShort(poolCount);
            out.write(pool.toByteArray());
            out.writeShort(0x0010 | 0x0020); // ACC_FINAL | ACC_SUPER
            out.writeShort(thisClass);
            out.writeShort(superClass);
            out.writeShort(0);
            out.writeShort(fields.size());
            for (byte[] f : fields) {
                out.write(f);
            }
            out.writeShort(methods.size());
            for (byte[] m : methods) {
                out.write(m);
            }
            out.writeShort(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }
}

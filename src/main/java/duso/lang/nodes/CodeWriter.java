package duso.lang.nodes;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emits one method's bytecode for {@link ClassWriter}: the instructions the JIT needs, with
 * labels resolved when the method ends. It tracks the operand stack depth as it goes (each
 * instruction states its effect) to compute max_stack; at a label the depth is the one the
 * jumps to it left, so generated code must keep the stack consistent at every label, which the
 * JVM's verifier checks anyway.
 */
final class CodeWriter {
    /** A jump target. */
    static final class Label {
        int position = -1;
        int depth = -1;
        final List<int[]> fixups = new ArrayList<>();
    }

    private final ClassWriter cw;
    private final int flags;
    private final String name;
    private final String descriptor;
    private final ClassWriter.Bytes code = new ClassWriter.Bytes(256);
    private int locals;
    private int depth;
    private int maxDepth;
    private boolean reachable = true;
    private final List<Label> labels = new ArrayList<>();

    CodeWriter(ClassWriter cw, int flags, String name, String descriptor, int argSlots) {
        this.cw = cw;
        this.flags = flags;
        this.name = name;
        this.descriptor = descriptor;
        this.locals = argSlots;
    }

    int size() {
        return code.size;
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private void op(int opcode, int stackDelta) {
        code.u1(opcode);
        stack(stackDelta);
    }

    private void stack(int delta) {
        depth += delta;
        if (depth > maxDepth) {
            maxDepth = depth;
        }
    }

    private void u2(int v) {
        code.u1((v >> 8) & 0xFF);
        code.u1(v & 0xFF);
    }

    private void local(int opcode, int wideOpcode, int index, int delta) {
        if (index < 256) {
            code.u1(opcode);
            code.u1(index);
        } else {
            code.u1(0xC4); // wide
            code.u1(opcode);
            u2(index);
        }
        stack(delta);
    }

    /** A new local variable slot (two for long and double). */
    int allocateLocal(boolean wide) {
        int i = locals;
        locals += wide ? 2 : 1;
        return i;
    }

    Label newLabel() {
        Label l = new Label();
        labels.add(l);
        return l;
    }

    void bind(Label l) {
        l.position = code.size;
        if (!reachable || l.depth >= 0) {
            depth = l.depth >= 0 ? l.depth : depth;
        }
        l.depth = depth;
        reachable = true;
    }

    private void jump(int opcode, Label target, int popped) {
        int at = code.size;
        code.u1(opcode);
        u2(0);
        stack(-popped);
        target.fixups.add(new int[] {at});
        if (target.depth < 0) {
            target.depth = depth;
        }
    }

    private void end() {
        reachable = false;
    }

    /** Finishes the method (resolving jumps) and adds it to the class. */
    void finish() {
        byte[] bytes = code.toArray();
        for (Label l : labels) {
            for (int[] f : l.fixups) {
                int offset = l.position - f[0];
                bytes[f[0] + 1] = (byte) (offset >> 8);
                bytes[f[0] + 2] = (byte) offset;
            }
        }
        cw.addMethod(flags, name, descriptor, bytes, maxDepth + 2, locals);
    }

    // ---- loads, stores, constants -------------------------------------------------------------

    CodeWriter aload(int i) { local(0x19, 0x19, i, 1); return this; }
    CodeWriter astore(int i) { local(0x3A, 0x3A, i, -1); return this; }
    CodeWriter iload(int i) { local(0x15, 0x15, i, 1); return this; }
    CodeWriter istore(int i) { local(0x36, 0x36, i, -1); return this; }
    CodeWriter lload(int i) { local(0x16, 0x16, i, 2); return this; }
    CodeWriter lstore(int i) { local(0x37, 0x37, i, -2); return this; }
    CodeWriter dload(int i) { local(0x18, 0x18, i, 2); return this; }
    CodeWriter dstore(int i) { local(0x39, 0x39, i, -2); return this; }

    CodeWriter iconst(int v) {
        if (v >= -1 && v <= 5) {
            op(0x03 + v, 1);
        } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
            op(0x10, 1);
            code.u1(v);
        } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
            op(0x11, 1);
            u2(v);
        } else {
            ldc(cw.integer(v), 1);
        }
        return this;
    }

    CodeWriter lconst0() { op(0x09, 2); return this; }
    /** Adds a small constant to an int local. */
    CodeWriter iinc(int local, int delta) {
        if (local < 256 && delta >= -128 && delta <= 127) {
            code.u1(0x84);
            code.u1(local);
            code.u1(delta);
        } else {
            code.u1(0xC4); // wide
            code.u1(0x84);
            u2(local);
            u2(delta);
        }
        return this;
    }

    CodeWriter lconst1() { op(0x0A, 2); return this; }
    CodeWriter aconstNull() { op(0x01, 1); return this; }
    CodeWriter dconst0() { op(0x0E, 2); return this; }

    CodeWriter dconst(double v) {
        if (v == 0 && Double.doubleToRawLongBits(v) == 0) {
            return dconst0();
        }
        op(0x14, 2); // ldc2_w
        u2(cw.doubleConst(v));
        return this;
    }

    CodeWriter sconst(String s) {
        ldc(cw.string(s), 1);
        return this;
    }

    CodeWriter classConst(String internalName) {
        ldc(cw.classRef(internalName), 1);
        return this;
    }

    private void ldc(int index, int delta) {
        if (index < 256) {
            op(0x12, delta);
            code.u1(index);
        } else {
            op(0x13, delta);
            u2(index);
        }
    }

    // ---- stack and arithmetic -------------------------------------------------------------------

    CodeWriter pop() { op(0x57, -1); return this; }
    CodeWriter pop2() { op(0x58, -2); return this; }
    CodeWriter dup() { op(0x59, 1); return this; }
    CodeWriter dup2() { op(0x5C, 2); return this; }
    CodeWriter aaload() { op(0x32, -1); return this; }
    CodeWriter aastore() { op(0x53, -3); return this; }
    CodeWriter dadd() { op(0x63, -2); return this; }
    CodeWriter dsub() { op(0x67, -2); return this; }
    CodeWriter dmul() { op(0x6B, -2); return this; }
    CodeWriter ddiv() { op(0x6F, -2); return this; }
    CodeWriter dneg() { op(0x77, 0); return this; }
    CodeWriter ladd() { op(0x61, -2); return this; }
    CodeWriter lrem() { op(0x71, -2); return this; }
    CodeWriter l2d() { op(0x8A, 0); return this; }
    CodeWriter i2d() { op(0x87, 1); return this; }
    CodeWriter d2l() { op(0x8F, 0); return this; }
    CodeWriter lcmp() { op(0x94, -3); return this; }
    CodeWriter dcmpl() { op(0x97, -3); return this; }
    CodeWriter dcmpg() { op(0x98, -3); return this; }

    // ---- fields, calls, types ------------------------------------------------------------------------

    CodeWriter getstatic(String owner, String field, String desc) {
        op(0xB2, slots(desc));
        u2(cw.fieldRef(owner, field, desc));
        return this;
    }

    CodeWriter putstatic(String owner, String field, String desc) {
        op(0xB3, -slots(desc));
        u2(cw.fieldRef(owner, field, desc));
        return this;
    }

    CodeWriter getfield(String owner, String field, String desc) {
        op(0xB4, slots(desc) - 1);
        u2(cw.fieldRef(owner, field, desc));
        return this;
    }

    CodeWriter putfield(String owner, String field, String desc) {
        op(0xB5, -slots(desc) - 1);
        u2(cw.fieldRef(owner, field, desc));
        return this;
    }

    CodeWriter invokevirtual(String owner, String method, String desc) {
        op(0xB6, callDelta(desc, true));
        u2(cw.methodRef(owner, method, desc));
        return this;
    }

    CodeWriter invokespecial(String owner, String method, String desc) {
        op(0xB7, callDelta(desc, true));
        u2(cw.methodRef(owner, method, desc));
        return this;
    }

    CodeWriter invokestatic(String owner, String method, String desc) {
        op(0xB8, callDelta(desc, false));
        u2(cw.methodRef(owner, method, desc));
        return this;
    }

    CodeWriter newObject(String internalName) {
        code.u1(0xBB);
        u2(cw.classRef(internalName));
        stack(1);
        return this;
    }

    CodeWriter checkcast(String internalName) {
        op(0xC0, 0);
        u2(cw.classRef(internalName));
        return this;
    }

    CodeWriter instanceOf(String internalName) {
        op(0xC1, 0);
        u2(cw.classRef(internalName));
        return this;
    }

    // ---- control ----------------------------------------------------------------------------------

    CodeWriter goto_(Label l) { jump(0xA7, l, 0); end(); return this; }
    CodeWriter ifeq(Label l) { jump(0x99, l, 1); return this; }
    CodeWriter ifne(Label l) { jump(0x9A, l, 1); return this; }
    CodeWriter iflt(Label l) { jump(0x9B, l, 1); return this; }
    CodeWriter ifge(Label l) { jump(0x9C, l, 1); return this; }
    CodeWriter ifgt(Label l) { jump(0x9D, l, 1); return this; }
    CodeWriter ifle(Label l) { jump(0x9E, l, 1); return this; }
    CodeWriter ifIcmpeq(Label l) { jump(0x9F, l, 2); return this; }
    CodeWriter ifIcmplt(Label l) { jump(0xA1, l, 2); return this; }
    CodeWriter ifIcmpgt(Label l) { jump(0xA3, l, 2); return this; }
    CodeWriter ifnonnull(Label l) { jump(0xC7, l, 1); return this; }
    CodeWriter ireturn() { op(0xAC, -1); end(); return this; }
    CodeWriter vreturn() { op(0xB1, 0); end(); return this; }
    CodeWriter athrow() { op(0xBF, -1); end(); return this; }

    // ---- descriptors -----------------------------------------------------------------------------------

    private static int slots(String desc) {
        char c = desc.charAt(0);
        return c == 'J' || c == 'D' ? 2 : c == 'V' ? 0 : 1;
    }

    /** Stack effects of the descriptors seen so far (parsing one is slow while this code is cold). */
    private static final ConcurrentHashMap<String, Integer> CALL_DELTAS = new ConcurrentHashMap<>();

    /** Stack effect of a call: minus arguments (and receiver), plus result. */
    private static int callDelta(String desc, boolean hasReceiver) {
        Integer known = CALL_DELTAS.get(desc);
        int delta = known != null ? known : parseCallDelta(desc);
        if (known == null) {
            CALL_DELTAS.put(desc, delta);
        }
        return hasReceiver ? delta - 1 : delta;
    }

    private static int parseCallDelta(String desc) {
        int delta = 0;
        int i = 1;
        while (desc.charAt(i) != ')') {
            char c = desc.charAt(i);
            if (c == 'J' || c == 'D') {
                delta -= 2;
                i++;
            } else if (c == 'L') {
                delta--;
                i = desc.indexOf(';', i) + 1;
            } else if (c == '[') {
                while (desc.charAt(i) == '[') {
                    i++;
                }
                if (desc.charAt(i) == 'L') {
                    i = desc.indexOf(';', i) + 1;
                } else {
                    i++;
                }
                delta--;
            } else {
                delta--;
                i++;
            }
        }
        return delta + slots(desc.substring(i + 1));
    }
}

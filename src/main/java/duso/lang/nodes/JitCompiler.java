package duso.lang.nodes;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a hot function body or loop into a class extending {@link CompiledCode}.
 *
 * <p>The generated method is the node tree's control flow written out as straight bytecode,
 * so HotSpot compiles it like ordinary Java instead of dispatching through megamorphic node
 * calls. Every node the emitter does not write out itself is called as a constant (a static
 * final field of the generated class), which HotSpot can inline; the semantics therefore stay
 * in the nodes. Methods above HotSpot's huge-method limit are not produced: they would never
 * be JIT-compiled and would run slower than the interpreter.
 */
final class JitCompiler {
    static final String COMPILED = "duso/lang/nodes/CompiledCode";
    static final String FRAME = "duso/lang/nodes/Frame";
    static final String D_FRAME = "L" + FRAME + ";";
    private static final int MAX_CODE_BYTES = 7_500;
    /** {@code -Dduso.jit.strict=true} (the compiled-tier tests): generated code that fails to load is an error, not a quiet fallback. */
    private static final boolean STRICT = Boolean.getBoolean("duso.jit.strict");
    /** {@code -Dduso.jit.dump=DIR}: each generated class is also written there, for {@code javap -c}. */
    private static final String DUMP = System.getProperty("duso.jit.dump");
    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_PRIVATE = 0x0002;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_FINAL = 0x0010;

    private JitCompiler() {}

    /** Compiles a function body; null when it cannot or should not be compiled. */
    static CompiledCode compileBody(StmtNode body, String name) {
        CompiledCode c = Jit.regions ? compileBody(body, true) : null;
        return c != null ? c : compileBody(body, false);
    }

    private static CompiledCode compileBody(StmtNode body, boolean regions) {
        Constants k = new Constants(JitLoader.nextName());
        ClassWriter cw = new ClassWriter(k.self, COMPILED);
        CodeWriter code = cw.method(ACC_PUBLIC, "exec", "(" + D_FRAME + ")I", 2);
        JitEmitter e = new JitEmitter(code, k, 1, regions);
        e.stmt(body, e.rootContext());
        code.iconst(0).ireturn();
        return finish(cw, k, code);
    }

    /**
     * Compiles a loop statement as an entry the interpreter can hand a running loop to. A method
     * that grows past the size limit with number loops in registers is tried again without.
     */
    static CompiledCode compileLoop(Jit.JitLoop loop) {
        CompiledCode c = Jit.regions ? compileLoop(loop, true) : null;
        return c != null ? c : compileLoop(loop, false);
    }

    /** One attempt; null when the method is too big or does not load. */
    static CompiledCode compileLoop(Jit.JitLoop loop, boolean regions) {
        Constants k = new Constants(JitLoader.nextName());
        ClassWriter cw = new ClassWriter(k.self, COMPILED);
        CodeWriter code;
        if (loop.node() instanceof LoopNodes.NumericFor nf) {
            code = cw.method(ACC_PUBLIC, "resume", "(" + D_FRAME + D_FRAME + "JJJ)I", 9);
            new JitEmitter(code, k, 1, regions).resumeNumericFor(nf, 2, 3, 5, 7);
        } else {
            code = cw.method(ACC_PUBLIC, "exec", "(" + D_FRAME + ")I", 2);
            JitEmitter e = new JitEmitter(code, k, 1, regions);
            e.whileLoop((LoopNodes.While) loop.node(), e.rootContext(), false);
            code.iconst(0).ireturn();
        }
        return finish(cw, k, code);
    }

    private static CompiledCode finish(ClassWriter cw, Constants k, CodeWriter main) {
        if (main.size() > MAX_CODE_BYTES) {
            if (Jit.DEBUG) {
                System.err.println("duso-jit: " + main.size() + " bytes of code, over the " + MAX_CODE_BYTES + " limit");
            }
            return null;
        }
        main.finish();
        CodeWriter init = cw.method(ACC_PUBLIC, "<init>", "()V", 1);
        init.aload(0).invokespecial(COMPILED, "<init>", "()V").vreturn();
        init.finish();
        k.emitFieldsAndInit(cw);
        try {
            long t0 = System.nanoTime();
            byte[] bytes = cw.toBytes();
            if (DUMP != null) {
                dump(k.self, bytes);
            }
            long t1 = System.nanoTime();
            Class<?> c = JitLoader.define(k.self, bytes);
            long t2 = System.nanoTime();
            CompiledCode code = CompiledCode.initialize(c, k.values.toArray());
            long t3 = System.nanoTime();
            if (Jit.DEBUG) {
                System.err.println("duso-jit: bytes " + (t1 - t0) / 1000 + " us, define " + (t2 - t1) / 1000
                        + " us, initialize " + (t3 - t2) / 1000 + " us");
            }
            return code;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException t) {
            if (STRICT) {
                throw new IllegalStateException("generated code did not load", t);
            }
            if (Jit.DEBUG) {
                t.printStackTrace();
            }
            return null;
        }
    }

    private static void dump(String name, byte[] bytes) {
        try {
            Path file = Path.of(DUMP, name.substring(name.lastIndexOf('/') + 1) + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            System.err.println("duso-jit: cannot dump " + name + ": " + e.getMessage());
        }
    }

    /**
     * Objects the generated code refers to (nodes, boxed constants), each held in a static final
     * field of the generated class so HotSpot treats it as a constant. The class initializer
     * takes them from {@link CompiledCode#constants()}.
     */
    static final class Constants {
        /** Internal name of the class being generated. */
        final String self;
        final List<Object> values = new ArrayList<>();
        final List<String> types = new ArrayList<>();
        /*
         * Each field's name and descriptor, built once: a constant is loaded many times, and
         * strings made afresh for every load would be hashed afresh by the constant pool.
         */
        private final List<String> fieldNames = new ArrayList<>();
        private final List<String> fieldDescriptors = new ArrayList<>();

        Constants(String self) {
            this.self = self;
        }

        /** Emits a load of the constant; returns its field type's internal name. */
        String load(CodeWriter code, Object value) {
            int i = indexOf(value);
            if (i < 0) {
                String type = typeOf(value);
                values.add(value);
                types.add(type);
                fieldNames.add("k" + (values.size() - 1));
                fieldDescriptors.add("L" + type + ";");
                i = values.size() - 1;
            }
            code.getstatic(self, fieldNames.get(i), fieldDescriptors.get(i));
            return types.get(i);
        }

        private int indexOf(Object value) {
            for (int i = 0; i < values.size(); i++) {
                if (values.get(i) == value) {
                    return i;
                }
            }
            return -1;
        }

        /**
         * A node's nearest public class (the generated class is in another package, so it can
         * name only public types); HotSpot still knows a constant's exact class when inlining.
         */
        private static String typeOf(Object value) {
            return TYPES.get(value.getClass());
        }

        /** {@link #typeOf} per class: finding it takes reflection, which is slow while cold. */
        private static final ClassValue<String> TYPES = new ClassValue<>() {
            @Override
            protected String computeValue(Class<?> c) {
                return nearestPublic(c);
            }
        };

        private static String nearestPublic(Class<?> c) {
            if (!c.getName().startsWith("duso.lang.nodes.")) {
                return "java/lang/Object";
            }
            while (!isPublic(c)) {
                c = c.getSuperclass();
            }
            return c.getName().replace('.', '/');
        }

        private static boolean isPublic(Class<?> c) {
            for (Class<?> x = c; x != null; x = x.getEnclosingClass()) {
                if (!Modifier.isPublic(x.getModifiers())) {
                    return false;
                }
            }
            return true;
        }

        void emitFieldsAndInit(ClassWriter cw) {
            for (int i = 0; i < values.size(); i++) {
                cw.field(ACC_PRIVATE | ACC_STATIC | ACC_FINAL, fieldNames.get(i), fieldDescriptors.get(i));
            }
            CodeWriter code = cw.method(ACC_STATIC, "<clinit>", "()V", 0);
            int data = code.allocateLocal(false);
            code.invokestatic(COMPILED, "constants", "()[Ljava/lang/Object;").astore(data);
            for (int i = 0; i < values.size(); i++) {
                code.aload(data).iconst(i).aaload().checkcast(types.get(i))
                        .putstatic(self, fieldNames.get(i), fieldDescriptors.get(i));
            }
            code.newObject(self).dup().invokespecial(self, "<init>", "()V");
            code.invokestatic(COMPILED, "created", "(L" + COMPILED + ";)V");
            code.vreturn();
            code.finish();
        }
    }
}

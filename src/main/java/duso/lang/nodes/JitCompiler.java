package duso.lang.nodes;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a hot function body or loop into a hidden class extending {@link CompiledCode}.
 *
 * <p>The generated method is the node tree's control flow written out as straight bytecode,
 * so HotSpot compiles it like ordinary Java instead of dispatching through megamorphic node
 * calls. Every node the emitter does not write out itself is called as a constant (a static
 * final field of the hidden class), which HotSpot can inline; the semantics therefore stay
 * in the nodes. Methods above HotSpot's huge-method limit are not produced: they would never
 * be JIT-compiled and run slower than the interpreter.
 */
final class JitCompiler {
    static final ClassDesc CD_SELF = ClassDesc.of("duso.lang.nodes.JitCode");
    static final ClassDesc CD_COMPILED = ClassDesc.of(CompiledCode.class.getName());
    static final ClassDesc CD_FRAME = ClassDesc.of(Frame.class.getName());
    private static final int MAX_CODE_BYTES = 7_500;

    private static final ClassFile CLASS_FILE = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
            ClassHierarchyResolver.ofClassLoading(JitCompiler.class.getClassLoader())));

    private JitCompiler() {}

    /** Compiles a function body; null when it cannot or should not be compiled. */
    static CompiledCode compileBody(StmtNode body, String name) {
        Constants k = new Constants();
        byte[] bytes = CLASS_FILE.build(CD_SELF, cb -> {
            header(cb);
            cb.withMethodBody("exec", MethodTypeDesc.of(ConstantDescs.CD_int, CD_FRAME), ClassFile.ACC_PUBLIC,
                    code -> {
                        JitEmitter e = new JitEmitter(code, k, 1);
                        e.stmt(body, e.rootContext());
                        code.iconst_0();
                        code.ireturn();
                    });
            k.emitFieldsAndInit(cb);
        });
        return define(bytes, k);
    }

    /** Compiles a loop statement as an entry the interpreter can hand a running loop to. */
    static CompiledCode compileLoop(Jit.JitLoop loop) {
        Constants k = new Constants();
        StmtNode node = loop.node();
        byte[] bytes = CLASS_FILE.build(CD_SELF, cb -> {
            header(cb);
            if (node instanceof LoopNodes.NumericFor nf) {
                MethodTypeDesc type = MethodTypeDesc.of(ConstantDescs.CD_int, CD_FRAME, CD_FRAME,
                        ConstantDescs.CD_long, ConstantDescs.CD_long, ConstantDescs.CD_long);
                cb.withMethodBody("resume", type, ClassFile.ACC_PUBLIC, code -> {
                    JitEmitter e = new JitEmitter(code, k, 1);
                    e.resumeNumericFor(nf, 2, 3, 5, 7);
                });
            } else {
                cb.withMethodBody("exec", MethodTypeDesc.of(ConstantDescs.CD_int, CD_FRAME), ClassFile.ACC_PUBLIC,
                        code -> {
                            JitEmitter e = new JitEmitter(code, k, 1);
                            e.whileLoop((LoopNodes.While) node, e.rootContext(), false);
                            code.iconst_0();
                            code.ireturn();
                        });
            }
            k.emitFieldsAndInit(cb);
        });
        return define(bytes, k);
    }

    private static void header(java.lang.classfile.ClassBuilder cb) {
        cb.withFlags(ClassFile.ACC_FINAL | ClassFile.ACC_SUPER);
        cb.withSuperclass(CD_COMPILED);
        cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, code -> {
            code.aload(0);
            code.invokespecial(CD_COMPILED, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
            code.return_();
        });
    }

    private static CompiledCode define(byte[] bytes, Constants k) {
        if (!fitsHotSpot(bytes)) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup()
                    .defineHiddenClassWithClassData(bytes, k.values.toArray(), true);
            return (CompiledCode) lookup.findConstructor(lookup.lookupClass(), MethodType.methodType(void.class))
                    .invoke();
        } catch (Throwable t) {
            if (Boolean.getBoolean("duso.jit.debug")) {
                t.printStackTrace();
            }
            return null;
        }
    }

    private static boolean fitsHotSpot(byte[] bytes) {
        ClassModel model = ClassFile.of().parse(bytes);
        for (MethodModel m : model.methods()) {
            int len = m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(0);
            if (len > MAX_CODE_BYTES) {
                return false;
            }
        }
        return true;
    }

    /**
     * Objects the generated code refers to (nodes, boxed constants), each held in a static final
     * field of the hidden class so HotSpot treats it as a constant. Loaded from class data.
     */
    static final class Constants {
        final List<Object> values = new ArrayList<>();
        final List<ClassDesc> types = new ArrayList<>();

        /** Emits a load of the constant; returns its static type. */
        ClassDesc load(CodeBuilder code, Object value) {
            int i = indexOf(value);
            if (i < 0) {
                values.add(value);
                types.add(typeOf(value));
                i = values.size() - 1;
            }
            code.getstatic(CD_SELF, "k" + i, types.get(i));
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

        private static ClassDesc typeOf(Object value) {
            Class<?> c = value.getClass();
            if (c.getName().startsWith("duso.lang.nodes.")) {
                return ClassDesc.of(c.getName());
            }
            return ConstantDescs.CD_Object;
        }

        void emitFieldsAndInit(java.lang.classfile.ClassBuilder cb) {
            for (int i = 0; i < values.size(); i++) {
                cb.withField("k" + i, types.get(i), ClassFile.ACC_STATIC | ClassFile.ACC_FINAL | ClassFile.ACC_PRIVATE);
            }
            cb.withMethodBody(ConstantDescs.CLASS_INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_STATIC, code -> {
                ClassDesc objArray = ConstantDescs.CD_Object.arrayType();
                code.invokestatic(ClassDesc.of("java.lang.invoke.MethodHandles"), "lookup",
                        MethodTypeDesc.of(ClassDesc.of("java.lang.invoke.MethodHandles$Lookup")));
                code.loadConstant(ConstantDescs.DEFAULT_NAME);
                code.loadConstant(objArray);
                code.invokestatic(ClassDesc.of("java.lang.invoke.MethodHandles"), "classData",
                        MethodTypeDesc.of(ConstantDescs.CD_Object, ClassDesc.of("java.lang.invoke.MethodHandles$Lookup"),
                                ConstantDescs.CD_String, ConstantDescs.CD_Class));
                code.checkcast(objArray);
                code.astore(0);
                for (int i = 0; i < values.size(); i++) {
                    code.aload(0);
                    code.loadConstant(i);
                    code.aaload();
                    code.checkcast(types.get(i));
                    code.putstatic(CD_SELF, "k" + i, types.get(i));
                }
                code.return_();
            });
        }
    }
}

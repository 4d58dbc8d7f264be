package duso.lang.nodes;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Defines one generated class in a class loader of its own, so the class can be unloaded with
 * the code it was compiled from. A plain {@code defineClass} costs about a millisecond on a cold
 * JVM where {@code Lookup.defineHiddenClass} costs over ten (it starts up java.lang.invoke), and
 * the first compilation is usually the one a short script is waiting for.
 */
final class JitLoader extends ClassLoader {
    private static final AtomicInteger COUNT = new AtomicInteger();

    private JitLoader() {
        super(JitLoader.class.getClassLoader());
    }

    /** A fresh internal name for a generated class. */
    static String nextName() {
        return "duso/jit/Code" + COUNT.incrementAndGet();
    }

    static Class<?> define(String internalName, byte[] bytes) {
        return new JitLoader().defineClass(internalName.replace('/', '.'), bytes, 0, bytes.length);
    }
}

package duso.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.errors.DusoError;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.FunctionValue;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import org.junit.jupiter.api.Test;

/** The shared deep copy: both function rules, key order, sharing of immutable values, cycles. */
class DeepCopyTest {
    static final FunctionValue FN = new FunctionValue() {
        @Override
        public String name() {
            return "f";
        }
    };

    private static DusoObject sample() {
        DusoObject inner = new DusoObject();
        inner.put("z", 1.0);
        inner.put("a", DusoArray.of("x", FN));
        DusoObject o = new DusoObject();
        o.put("inner", inner);
        o.put("fn", FN);
        return o;
    }

    @Test
    void copyKeepsFunctionsAndCopiesContainers() {
        DusoObject o = sample();
        DusoObject c = (DusoObject) DeepCopy.copy(o);
        assertNotSame(o.get("inner"), c.get("inner"));
        assertSame(FN, c.get("fn"));
        assertEquals("[\"inner\", \"fn\"]", Render.syntax(DusoArray.copyOf(c.keys())), "key order kept");
        ((DusoObject) c.get("inner")).put("z", 2.0);
        assertEquals(1.0, ((DusoObject) o.get("inner")).get("z"));
    }

    @Test
    void copyWithoutFunctionsDropsFieldsAndNilsSlots() {
        DusoObject c = (DusoObject) DeepCopy.copyWithoutFunctions(sample());
        assertEquals("{inner={a=[\"x\", nil], z=1}}", Render.syntax(c));
        assertEquals(Nil.NIL, DeepCopy.copyWithoutFunctions(FN));
        assertSame("s", DeepCopy.copy("s"));
    }

    @Test
    void aValueContainingItselfIsAnErrorNotAStackOverflow() {
        DusoArray a = new DusoArray();
        a.add(a);
        assertThrows(DusoError.class, () -> DeepCopy.copy(a));
    }

    /** On a thread whose stack runs out before the depth limit, the error is the same. */
    @Test
    void aSmallStackGivesTheSameError() throws InterruptedException {
        DusoObject o = new DusoObject();
        o.put("self", o);
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(null, () -> {
            try {
                DeepCopy.acrossInstances(o);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 64 * 1024);
        t.start();
        t.join();
        assertInstanceOf(DusoError.class, thrown[0]);
        assertEquals(DeepCopy.tooDeep().getMessage(), thrown[0].getMessage());
    }
}

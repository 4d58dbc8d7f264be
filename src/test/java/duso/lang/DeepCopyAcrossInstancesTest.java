package duso.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import duso.lang.ast.Program;
import duso.lang.values.BinaryValue;
import duso.lang.values.CodeValue;
import duso.lang.values.DeepCopy;
import duso.lang.values.DusoArray;
import duso.lang.values.DusoObject;
import duso.lang.values.ErrorValue;
import duso.lang.values.Nil;
import duso.lang.values.RegexValue;
import duso.lang.values.Render;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serialization contract for values crossing between script instances. */
class DeepCopyAcrossInstancesTest {
    private static final duso.lang.values.FunctionValue FN = new duso.lang.nodes.Builtin("f") {
        @Override
        public Object call(duso.lang.nodes.Interp interp, duso.lang.nodes.CallArgs args) {
            return Nil.NIL;
        }
    };

    @Test
    void instanceBoundValuesAreFlattened() {
        DusoObject inner = new DusoObject();
        inner.put("n", 1.0);
        DusoObject o = new DusoObject();
        o.put("fn", FN);
        o.put("re", new RegexValue("a+", com.google.re2j.Pattern.compile("a+")));
        o.put("err", new ErrorValue(inner, "stack"));
        o.put("code", new CodeValue("1 + 1", new Program(null, List.of()), null));
        o.put("list", DusoArray.of(FN, "s"));
        DusoObject copy = (DusoObject) DeepCopy.acrossInstances(o);
        assertEquals("{code=\"1 + 1\", err={n=1}, list=[nil, \"s\"], re=\"a+\"}", Render.syntax(copy));
        assertNotSame(inner, copy.get("err"));
    }

    @Test
    void topLevelValues() {
        assertSame(Nil.NIL, DeepCopy.acrossInstances(FN));
        assertEquals("boom", DeepCopy.acrossInstances(new ErrorValue("boom", "")));
        BinaryValue bin = new BinaryValue(new byte[] {1});
        assertSame(bin, DeepCopy.acrossInstances(bin));
        assertEquals(2.0, DeepCopy.acrossInstances(2.0));
    }
}

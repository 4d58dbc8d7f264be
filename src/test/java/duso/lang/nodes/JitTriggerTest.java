package duso.lang.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.Render;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the JIT compiles when a number loop turns hot (default mode): the outermost number loop
 * around it, or the function whose loop it is, and that the script's results do not change.
 */
class JitTriggerTest {

    @BeforeEach
    void defaultMode() {
        Assumptions.assumeTrue(Jit.MODE == Jit.Mode.ON && Jit.regions, "the triggers belong to the default mode");
    }

    private static final Globals NO_BUILTINS = name -> null;

    private record Run(CompiledUnit unit, Frame root, List<LoopNodes.CompilableLoop> loops) {
        Object value(String name) {
            return root.slots[root.slotOf(name)];
        }

        /** A function the script defined, and the loops of its body. */
        FunctionCode function(String name, List<LoopNodes.CompilableLoop> loops) {
            FunctionCode code = ((ScriptFunction) value(name)).code;
            collect(code.body, loops);
            return code;
        }
    }

    /** Compiles and runs a script; its loops are listed outermost first, in source order. */
    private static Run run(String script) {
        CompiledUnit unit = Compiler.compile(Parser.parse(Source.of("t.du", script)), "t.du", NO_BUILTINS);
        List<LoopNodes.CompilableLoop> loops = new ArrayList<>();
        collect(unit.body(), loops);
        Frame root = unit.newRootFrame(new Interp(NO_BUILTINS, false));
        TopLevel.run(unit.body(), root);
        return new Run(unit, root, loops);
    }

    private static void collect(StmtNode s, List<LoopNodes.CompilableLoop> out) {
        if (s instanceof LoopNodes.CompilableLoop l) {
            out.add(l);
            collect(l.body, out);
        } else if (s instanceof BlockNode b) {
            for (StmtNode x : b.statements) {
                collect(x, out);
            }
        } else if (s instanceof ControlNodes.If i) {
            for (StmtNode x : i.branches) {
                collect(x, out);
            }
            if (i.otherwise != null) {
                collect(i.otherwise, out);
            }
        }
    }

    @Test
    void loopsKnowTheLoopAroundThemAndTheirFunction() {
        Run r = run("""
                t = 0
                for i = 1, 2 do
                  if i > 0 then
                    while t < 0 do
                      t = t
                    end
                  end
                end
                function f(n)
                  for k = 1, n do
                    t += k
                  end
                end
                """);
        assertEquals(2, r.loops().size());
        assertSame(r.loops().get(0), r.loops().get(1).enclosing());
        assertNull(r.loops().get(0).enclosing());
        assertNull(r.loops().get(0).function(), "the top level is not a function");
        List<LoopNodes.CompilableLoop> inF = new ArrayList<>();
        FunctionCode f = r.function("f", inF);
        assertEquals(1, inF.size());
        assertSame(f, inF.get(0).function());
    }

    @Test
    void aHotInnerLoopCompilesTheWholeNest() {
        Run r = run("""
                t = 0
                for i = 1, 40 do
                  for j = 1, 100 do
                    t += i * j
                  end
                end
                """);
        LoopNodes.CompilableLoop outer = r.loops().get(0);
        LoopNodes.CompilableLoop inner = r.loops().get(1);
        assertNotNull(outer.compiled, "the outer loop takes over from its 11th iteration");
        assertNull(inner.compiled, "its runs are short and the outer loop's code runs them");
        assertEquals(820.0 * 5050.0, (Double) r.value("t"));
    }

    @Test
    void aLongInnerRunCompilesItselfToo() {
        Run r = run("""
                t = 0
                for i = 1, 2 do
                  for j = 1, 50000 do
                    t += j % 3
                  end
                end
                """);
        assertNotNull(r.loops().get(0).compiled);
        assertNotNull(r.loops().get(1).compiled, "the first run goes on for 49,000 iterations after the check");
        assertEquals(2.0 * 50001.0, (Double) r.value("t"));
    }

    @Test
    void aFunctionCalledInALoopIsCompiledForItsShortLoop() {
        Run r = run("""
                function tri(n)
                  var s = 0
                  for k = 1, n do
                    s += k
                  end
                  return s
                end
                t = 0
                for r = 1, 300 do
                  t += tri(10)
                end
                """);
        List<LoopNodes.CompilableLoop> inTri = new ArrayList<>();
        FunctionCode tri = r.function("tri", inTri);
        assertNotNull(tri.compiled, "1,000 iterations in runs of 10 compile tri");
        assertNull(inTri.get(0).compiled, "its runs are short: the function's code runs them");
        assertNull(r.loops().get(0).compiled, "a loop that calls out waits for the ordinary threshold");
        assertEquals(300.0 * 55.0, (Double) r.value("t"));
    }

    @Test
    void nonNumberLoopsWaitForTheOrdinaryThreshold() {
        Run r = run("""
                s = ""
                for i = 1, 3000 do
                  s = s + "x"
                end
                """);
        assertNull(r.loops().get(0).compiled);
        assertEquals(3000, Render.display(r.value("s")).length());
    }
}

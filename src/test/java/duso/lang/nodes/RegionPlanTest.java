package duso.lang.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import duso.lang.compiler.Compiler;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which loops run with their variables in registers, and that those compile. */
class RegionPlanTest {

    /** The first loop statement of a script's top level. */
    private static StmtNode loopOf(String script) {
        StmtNode body = Compiler.compile(Parser.parse(Source.of("t.du", script)), "t.du", null).body();
        for (StmtNode s : ((BlockNode) body).statements) {
            if (s instanceof LoopNodes.NumericFor || s instanceof LoopNodes.While) {
                return s;
            }
        }
        throw new AssertionError("no loop in " + script);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "t = 0\nfor i = 1, 10 do\n  t += i * 2\nend",
        "t = 0\nfor i = 1, 10 do\n  for j = i, 1, -1 do\n    var p = i * j\n    t = t + p % 7 - -p / 3\n  end\nend",
        "n = 0\nwhile n < 100 do\n  n++\n  if n % 3 == 0 or not (n < 50) then\n    continue\n  elseif n > 90 then\n    break\n  end\nend",
        "x = 1\nfor i = 1, 5 do\n  var y = x\n  x = y * 2\nend",
    })
    void numberLoopsQualifyAndCompile(String script) {
        StmtNode loop = loopOf(script);
        assertNotNull(RegionPlan.of(loop), script);
        // Straight to the register form: compileLoop(loop) alone would fall back to boxed code.
        assertNotNull(JitCompiler.compileLoop((Jit.JitLoop) loop, true), script);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "for i = 1, 3 do\n  print(i)\nend",
        "s = \"\"\nfor i = 1, 3 do\n  s = s + \"x\"\nend",
        "a = [1, 2]\nfor i = 1, 2 do\n  a[i] = i\nend",
        "fs = []\nfor i = 1, 2 do\n  f = function() return i end\nend",
        "t = 0\nfor i = 1, 3 do\n  for j = 1, 2 do\n    if i > 1 then\n      var q = j\n    end\n    t = t + q\n  end\nend",
        "t = 0\nfor i = 1, 3 do\n  t = t + len([i])\nend",
    })
    void otherLoopsDoNot(String script) {
        assertNull(RegionPlan.of(loopOf(script)), script);
    }

    @Test
    void liveInAreTheVariablesThatMustAlreadyHoldNumbers() {
        StmtNode loop = loopOf("a = 1\nb = 2\nfor i = 1, 3 do\n  var c = a\n  b = c + i\nend");
        RegionPlan plan = RegionPlan.of(loop);
        assertNotNull(plan);
        // a is read before any assignment, and b = ... must find b bound (else it would assign
        // an outer b); c is defined by var and i is the loop's own.
        assertEquals(2, plan.liveIn.cardinality());
        assertEquals(3, plan.written.cardinality());
    }
}

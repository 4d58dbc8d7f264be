package duso.lang.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.errors.DusoError;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.Render;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random number loops, each run twice from the same start: once by the interpreter, once by
 * the register code {@link JitRegion} generates for it. Both must leave every variable with
 * the same value (or fail with the same message at the same place): the register code saves
 * variables back on every way out, including a division by zero in the middle of a pass.
 */
class RegionDifferentialTest {
    private static final String[] VARS = {"a", "b", "c", "d"};
    private static final Globals NO_BUILTINS = name -> null;

    private final Random random = new Random(20261127);

    @Test
    void registerCodeMatchesTheInterpreter() {
        int compared = 0;
        for (int n = 0; n < 400; n++) {
            String script = program();
            String interpreted = run(script, false);
            String compiled = run(script, true);
            assertEquals(interpreted, compiled, script);
            compared++;
        }
        assertEquals(400, compared);
    }

    /** Runs the script's top level; the loop either stays interpreted or gets register code first. */
    private static String run(String script, boolean registers) {
        CompiledUnit unit = Compiler.compile(Parser.parse(Source.of("t.du", script)), "t.du", NO_BUILTINS);
        BlockNode body = (BlockNode) unit.body();
        LoopNodes.CompilableLoop loop = null;
        for (StmtNode s : body.statements) {
            if (s instanceof LoopNodes.CompilableLoop l) {
                loop = l;
            }
        }
        assertNotNull(loop, script);
        loop.markJitRequested(); // the interpreter must not compile it behind the test's back
        if (registers) {
            assertNotNull(RegionPlan.of(loop), () -> "no register plan for\n" + script);
            CompiledCode code = JitCompiler.compileLoop(loop, true);
            assertNotNull(code, () -> "register code did not compile for\n" + script);
            loop.publish(code);
        }
        Frame root = unit.newRootFrame(new Interp(NO_BUILTINS, false));
        StringBuilder out = new StringBuilder();
        try {
            TopLevel.run(body, root);
        } catch (DusoError e) {
            out.append("error ").append(Render.display(e.value())).append(" at ").append(e.pos()).append(' ');
        }
        for (String v : VARS) {
            int slot = root.slotOf(v);
            Object value = slot < 0 ? null : root.slots[slot];
            out.append(v).append('=').append(value == null ? "unbound" : Render.display(value)).append(' ');
        }
        return out.toString();
    }

    private String program() {
        StringBuilder p = new StringBuilder();
        for (String v : VARS) {
            p.append(v).append(" = ").append(constant()).append('\n');
        }
        if (random.nextBoolean()) {
            p.append("for i = ").append(random.nextInt(3)).append(", ").append(3 + random.nextInt(40)).append(" do\n");
        } else {
            p.append("a = 0\nwhile a < ").append(5 + random.nextInt(30)).append(" do\n  a = a + 1\n");
        }
        block(p, "  ", 1);
        p.append("end\n");
        return p.toString();
    }

    private void block(StringBuilder p, String indent, int depth) {
        int count = 1 + random.nextInt(3);
        for (int k = 0; k < count; k++) {
            statement(p, indent, depth);
        }
    }

    private void statement(StringBuilder p, String indent, int depth) {
        int kind = random.nextInt(depth > 0 ? 9 : 6);
        String target = VARS[1 + random.nextInt(VARS.length - 1)];
        switch (kind) {
            case 0, 1 -> p.append(indent).append(target).append(" = ").append(expr(2)).append('\n');
            case 2 -> p.append(indent).append(target).append(' ').append("+-*/%".charAt(random.nextInt(5)))
                    .append("= ").append(expr(1)).append('\n');
            case 3 -> p.append(indent).append(target).append(random.nextBoolean() ? "++" : "--").append('\n');
            case 4 -> p.append(indent).append("var t = ").append(expr(2)).append('\n')
                    .append(indent).append(target).append(" = t - ").append(expr(0)).append('\n');
            case 5 -> p.append(indent).append("if ").append(condition()).append(" then\n").append(indent)
                    .append(random.nextBoolean() ? "  break\n" : "  continue\n").append(indent).append("end\n");
            case 6, 7 -> {
                p.append(indent).append("if ").append(condition()).append(" then\n");
                block(p, indent + "  ", depth - 1);
                if (random.nextBoolean()) {
                    p.append(indent).append("elseif ").append(condition()).append(" then\n");
                    block(p, indent + "  ", depth - 1);
                }
                if (random.nextBoolean()) {
                    p.append(indent).append("else\n");
                    block(p, indent + "  ", depth - 1);
                }
                p.append(indent).append("end\n");
            }
            default -> {
                p.append(indent).append("for j = 1, ").append(1 + random.nextInt(4)).append(" do\n");
                block(p, indent + "  ", depth - 1);
                p.append(indent).append("end\n");
            }
        }
    }

    private String condition() {
        String c = expr(1) + " " + new String[] {"<", "<=", ">", ">=", "==", "!="}[random.nextInt(6)] + " " + expr(1);
        return switch (random.nextInt(5)) {
            case 0 -> "not (" + c + ")";
            case 1 -> c + " and " + expr(0) + " < " + expr(0);
            case 2 -> c + " or " + expr(0) + " == " + expr(0);
            default -> c;
        };
    }

    private String expr(int depth) {
        if (depth == 0 || random.nextInt(3) == 0) {
            return random.nextInt(3) == 0 ? constant() : VARS[random.nextInt(VARS.length)];
        }
        if (random.nextInt(8) == 0) {
            return "-(" + expr(depth - 1) + ")";
        }
        char op = "+-*/%".charAt(random.nextInt(5));
        return "(" + expr(depth - 1) + " " + op + " " + expr(depth - 1) + ")";
    }

    private String constant() {
        return switch (random.nextInt(6)) {
            case 0 -> "0";
            case 1 -> "0.5";
            case 2 -> String.valueOf(random.nextInt(10));
            case 3 -> "2.25";
            case 4 -> "-3";
            default -> String.valueOf(random.nextInt(1000));
        };
    }
}

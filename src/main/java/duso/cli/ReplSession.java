package duso.cli;

import duso.lang.ast.Expr;
import duso.lang.ast.Program;
import duso.lang.ast.Stmt;
import duso.lang.compiler.CompiledUnit;
import duso.lang.compiler.Compiler;
import duso.lang.errors.DusoError;
import duso.lang.nodes.ExitSignal;
import duso.lang.nodes.Frame;
import duso.lang.nodes.Interp;
import duso.lang.nodes.StmtNode;
import duso.lang.nodes.TopLevel;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.Nil;
import duso.lang.values.Render;
import duso.runtime.Args;
import duso.runtime.DusoRuntime;
import duso.runtime.Output;
import duso.runtime.ScriptInstance;

/**
 * The state behind the REPL prompt: one script instance whose top-level frame lives as long
 * as the session, so every entry sees the variables and functions of the ones before it.
 * Entries are compiled as run-time code (names looked up by name) and run against that frame.
 *
 * <p>As in the reference, an entry that is a single bare expression has its value printed
 * (a call included, so {@code print(1)} shows {@code 1} and then {@code nil}), errors print
 * {@code Error: …} on stderr and the session goes on, and {@code exit()} ends it. Errors name
 * no file, as the reference's REPL does.
 */
final class ReplSession {
    private final DusoRuntime runtime;
    private final Output output;
    private final Frame frame;

    ReplSession(DusoRuntime runtime) {
        this.runtime = runtime;
        this.output = Output.of(runtime.console());
        ScriptInstance instance = new ScriptInstance(runtime, "", runtime.cwd(), Nil.NIL, output, 0);
        Interp interp = instance.newInterp(false);
        this.frame = new Frame(new Object[0], new String[0], null, null, interp);
    }

    /** Runs one entry; false when it called exit() and the session should end. */
    boolean evaluate(String code) {
        try {
            Program program = Parser.parse(Source.of("", code), "");
            CompiledUnit unit = Compiler.compileDynamic(program, "", runtime.registry());
            frame.result = null;
            int status = TopLevel.run(unit.body(), frame);
            if (status == StmtNode.RETURN) {
                throw Args.error("return outside of function");
            }
            if (status != StmtNode.NORMAL) {
                throw Args.error(status == StmtNode.BREAK ? "break" : "continue");
            }
            if (autoPrinted(program)) {
                Object v = frame.result;
                output.out(Render.display(v == null ? Nil.NIL : v) + "\n");
            }
        } catch (ExitSignal e) {
            return false;
        } catch (DusoError e) {
            output.err("Error: " + e.render() + "\n");
        }
        return true;
    }

    /** A single expression statement of the kinds the reference wraps in print(). */
    private static boolean autoPrinted(Program program) {
        if (program.statements().size() != 1 || !(program.statements().get(0) instanceof Stmt.ExprStmt es)) {
            return false;
        }
        Expr e = es.expr();
        return !(e instanceof Expr.NilLit || e instanceof Expr.RegexLit);
    }
}

package duso.cli;

import duso.lang.ast.Expr;
import duso.lang.ast.Program;
import duso.lang.ast.Stmt;
import duso.lang.compiler.Compiler;
import duso.lang.errors.DusoError;
import duso.lang.nodes.Interp;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import duso.lang.values.DusoObject;
import duso.lang.values.Nil;
import duso.runtime.DusoRuntime;
import duso.runtime.Output;
import duso.runtime.ScriptInstance;
import duso.runtime.ScriptRunner;

/**
 * {@code -config 'port=8080,name="x"'}: evaluated as a Duso object literal (braces added when
 * missing), as the reference does; anything that does not evaluate to an object stays the raw
 * string.
 */
final class ConfigFlag {
    private ConfigFlag() {}

    static Object parse(String text, DusoRuntime rt) {
        String code = text.strip().startsWith("{") ? text : "{" + text + "}";
        try {
            Program p = Parser.parse(Source.of("<config>", code));
            if (p.statements().size() != 1 || !(p.statements().get(0) instanceof Stmt.ExprStmt es)
                    || !(es.expr() instanceof Expr.ObjectLit)) {
                return text;
            }
            ScriptInstance inst = new ScriptInstance(rt, "<config>", rt.cwd(), Nil.NIL, Output.of(rt.console()), 0);
            Interp in = inst.newInterp(false);
            Object v = ScriptRunner.runScript(Compiler.compile(p, "<config>", rt.registry()), in).value();
            return v instanceof DusoObject ? v : text;
        } catch (DusoError e) {
            return text;
        }
    }
}

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
 * string. The reference evaluates it before any builtin or variable exists, so a value that
 * names one ({@code a=env("HOME")}, {@code a=b}) keeps the raw string too, and an empty value
 * is nil.
 */
final class ConfigFlag {
    private ConfigFlag() {}

    static Object parse(String text, DusoRuntime rt) {
        if (text.isEmpty()) {
            return Nil.NIL;
        }
        String code = text.strip().startsWith("{") ? text : "{" + text + "}";
        try {
            Program p = Parser.parse(Source.of("<config>", code));
            if (p.statements().size() != 1 || !(p.statements().get(0) instanceof Stmt.ExprStmt es)
                    || !(es.expr() instanceof Expr.ObjectLit) || namesSomething(es.expr())) {
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

    /** Whether evaluating the expression would look up a name (a variable or a builtin). */
    private static boolean namesSomething(Expr e) {
        return switch (e) {
            case Expr.Ident i -> true;
            case Expr.Call c -> true;
            case Expr.ArrayLit a -> a.elements().stream().anyMatch(ConfigFlag::namesSomething);
            case Expr.ObjectLit o -> o.entries().stream().anyMatch(
                    x -> (x.keyExpr() != null && namesSomething(x.keyExpr())) || namesSomething(x.value()));
            case Expr.Binary b -> namesSomething(b.left()) || namesSomething(b.right());
            case Expr.Unary u -> namesSomething(u.operand());
            case Expr.Ternary t -> namesSomething(t.condition()) || namesSomething(t.whenTrue())
                    || namesSomething(t.whenFalse());
            case Expr.Index x -> namesSomething(x.object()) || namesSomething(x.index());
            case Expr.Property x -> namesSomething(x.object());
            default -> false; // literals, function literals (their bodies do not run), templates
        };
    }
}

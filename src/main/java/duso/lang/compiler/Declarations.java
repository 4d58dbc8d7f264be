package duso.lang.compiler;

import duso.lang.ast.Expr;
import duso.lang.ast.Stmt;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Pre-pass facts the builder needs before it compiles a body: which names a scope declares
 * ({@code var}, {@code function name}), which names the program assigns without declaring
 * (they may become globals, so the root frame gets a slot for each), and whether a body holds
 * a function literal (then its loop variables can be captured and need their own frame).
 */
final class Declarations {
    private Declarations() {}

    /** Names declared directly in a scope's statements (descending into if/while/try bodies only). */
    static Set<String> declaredIn(List<Stmt> body) {
        Set<String> out = new LinkedHashSet<>();
        collectDeclared(body, out);
        return out;
    }

    private static void collectDeclared(List<Stmt> body, Set<String> out) {
        for (Stmt s : body) {
            switch (s) {
                case Stmt.Assign a when a.isVar() && a.target() instanceof Expr.Ident id -> out.add(id.name());
                case Stmt.FunctionDecl fd -> out.add(fd.function().name());
                case Stmt.If i -> {
                    collectDeclared(i.then(), out);
                    for (Stmt.ElseIf e : i.elseIfs()) {
                        collectDeclared(e.body(), out);
                    }
                    if (i.otherwise() != null) {
                        collectDeclared(i.otherwise(), out);
                    }
                }
                case Stmt.While w -> collectDeclared(w.body(), out);
                case Stmt.Try t -> collectDeclared(t.body(), out);
                default -> { }
            }
        }
    }

    /** Every name the program assigns with =, op= or ++/-- (anywhere, functions included). */
    static Set<String> assignedAnywhere(List<Stmt> body) {
        Set<String> out = new LinkedHashSet<>();
        new Walker() {
            @Override
            void stmt(Stmt s) {
                switch (s) {
                    case Stmt.Assign a when !a.isVar() && a.target() instanceof Expr.Ident id -> out.add(id.name());
                    case Stmt.CompoundAssign c when c.target() instanceof Expr.Ident id -> out.add(id.name());
                    case Stmt.PostIncrement p when p.target() instanceof Expr.Ident id -> out.add(id.name());
                    default -> { }
                }
                super.stmt(s);
            }

            @Override
            void expr(Expr e) {
                if (e instanceof Expr.Unary u && u.operand() instanceof Expr.Ident id
                        && (u.op() == duso.lang.lexer.TokenType.INCREMENT || u.op() == duso.lang.lexer.TokenType.DECREMENT)) {
                    out.add(id.name());
                }
                super.expr(e);
            }
        }.stmts(body);
        return out;
    }

    /** Whether any function literal occurs in these statements (at any depth). */
    static boolean containsFunction(List<Stmt> body) {
        boolean[] found = {false};
        new Walker() {
            @Override
            void expr(Expr e) {
                if (e instanceof Expr.Function) {
                    found[0] = true;
                    return;
                }
                super.expr(e);
            }
        }.stmts(body);
        return found[0];
    }

    /** Visits every statement and expression, functions included. */
    abstract static class Walker {
        void stmts(List<Stmt> body) {
            for (Stmt s : body) {
                stmt(s);
            }
        }

        void stmt(Stmt s) {
            switch (s) {
                case Stmt.ExprStmt e -> expr(e.expr());
                case Stmt.Assign a -> {
                    expr(a.target());
                    expr(a.value());
                }
                case Stmt.CompoundAssign c -> {
                    expr(c.target());
                    expr(c.value());
                }
                case Stmt.PostIncrement p -> expr(p.target());
                case Stmt.If i -> {
                    expr(i.condition());
                    stmts(i.then());
                    for (Stmt.ElseIf e : i.elseIfs()) {
                        expr(e.condition());
                        stmts(e.body());
                    }
                    if (i.otherwise() != null) {
                        stmts(i.otherwise());
                    }
                }
                case Stmt.While w -> {
                    expr(w.condition());
                    stmts(w.body());
                }
                case Stmt.NumericFor f -> {
                    expr(f.start());
                    expr(f.end());
                    if (f.step() != null) {
                        expr(f.step());
                    }
                    stmts(f.body());
                }
                case Stmt.IterFor f -> {
                    expr(f.iterable());
                    stmts(f.body());
                }
                case Stmt.FunctionDecl fd -> expr(fd.function());
                case Stmt.Try t -> {
                    stmts(t.body());
                    stmts(t.handler());
                }
                case Stmt.Return r -> {
                    if (r.value() != null) {
                        expr(r.value());
                    }
                }
                case Stmt.Break b -> { }
                case Stmt.Continue c -> { }
            }
        }

        void expr(Expr e) {
            switch (e) {
                case Expr.TemplateLit t -> {
                    for (Object p : t.parts()) {
                        if (p instanceof Expr x) {
                            expr(x);
                        }
                    }
                }
                case Expr.ArrayLit a -> a.elements().forEach(this::expr);
                case Expr.ObjectLit o -> {
                    for (Expr.ObjectLit.Entry en : o.entries()) {
                        if (en.keyExpr() != null) {
                            expr(en.keyExpr());
                        }
                        expr(en.value());
                    }
                }
                case Expr.Binary b -> {
                    expr(b.left());
                    expr(b.right());
                }
                case Expr.Unary u -> expr(u.operand());
                case Expr.Ternary t -> {
                    expr(t.condition());
                    expr(t.whenTrue());
                    expr(t.whenFalse());
                }
                case Expr.Call c -> {
                    expr(c.callee());
                    c.args().forEach(this::expr);
                    for (Expr.NamedArg n : c.named()) {
                        expr(n.value());
                    }
                }
                case Expr.Index i -> {
                    expr(i.object());
                    expr(i.index());
                }
                case Expr.Property p -> expr(p.object());
                case Expr.Function f -> {
                    for (Expr.Param p : f.params()) {
                        if (p.defaultValue() != null) {
                            expr(p.defaultValue());
                        }
                    }
                    stmts(f.body());
                }
                default -> { }
            }
        }
    }
}

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
 *
 * <p>Written with instanceof chains rather than pattern switches: each type switch is an
 * invokedynamic whose first bootstrap costs milliseconds of start-up.
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
            if (s instanceof Stmt.Assign a) {
                if (a.isVar() && a.target() instanceof Expr.Ident id) {
                    out.add(id.name());
                }
            } else if (s instanceof Stmt.FunctionDecl fd) {
                out.add(fd.function().name());
            } else if (s instanceof Stmt.If i) {
                collectDeclared(i.then(), out);
                for (Stmt.ElseIf e : i.elseIfs()) {
                    collectDeclared(e.body(), out);
                }
                if (i.otherwise() != null) {
                    collectDeclared(i.otherwise(), out);
                }
            } else if (s instanceof Stmt.While w) {
                collectDeclared(w.body(), out);
            } else if (s instanceof Stmt.Try t) {
                collectDeclared(t.body(), out);
            }
        }
    }

    /** Every name the program assigns with =, op= or ++/-- (anywhere, functions included). */
    static Set<String> assignedAnywhere(List<Stmt> body) {
        Set<String> out = new LinkedHashSet<>();
        new Walker() {
            @Override
            void stmt(Stmt s) {
                Expr target = null;
                if (s instanceof Stmt.Assign a && !a.isVar()) {
                    target = a.target();
                } else if (s instanceof Stmt.CompoundAssign c) {
                    target = c.target();
                } else if (s instanceof Stmt.PostIncrement p) {
                    target = p.target();
                }
                if (target instanceof Expr.Ident id) {
                    out.add(id.name());
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
            if (s instanceof Stmt.ExprStmt e) {
                expr(e.expr());
            } else if (s instanceof Stmt.Assign a) {
                expr(a.target());
                expr(a.value());
            } else if (s instanceof Stmt.CompoundAssign c) {
                expr(c.target());
                expr(c.value());
            } else if (s instanceof Stmt.PostIncrement p) {
                expr(p.target());
            } else if (s instanceof Stmt.If i) {
                expr(i.condition());
                stmts(i.then());
                for (Stmt.ElseIf e : i.elseIfs()) {
                    expr(e.condition());
                    stmts(e.body());
                }
                if (i.otherwise() != null) {
                    stmts(i.otherwise());
                }
            } else if (s instanceof Stmt.While w) {
                expr(w.condition());
                stmts(w.body());
            } else if (s instanceof Stmt.NumericFor f) {
                expr(f.start());
                expr(f.end());
                if (f.step() != null) {
                    expr(f.step());
                }
                stmts(f.body());
            } else if (s instanceof Stmt.IterFor f) {
                expr(f.iterable());
                stmts(f.body());
            } else if (s instanceof Stmt.FunctionDecl fd) {
                expr(fd.function());
            } else if (s instanceof Stmt.Try t) {
                stmts(t.body());
                stmts(t.handler());
            } else if (s instanceof Stmt.Return r && r.value() != null) {
                expr(r.value());
            }
        }

        void expr(Expr e) {
            if (e instanceof Expr.TemplateLit t) {
                for (Object p : t.parts()) {
                    if (p instanceof Expr x) {
                        expr(x);
                    }
                }
            } else if (e instanceof Expr.ArrayLit a) {
                for (Expr x : a.elements()) {
                    expr(x);
                }
            } else if (e instanceof Expr.ObjectLit o) {
                for (Expr.ObjectLit.Entry en : o.entries()) {
                    if (en.keyExpr() != null) {
                        expr(en.keyExpr());
                    }
                    expr(en.value());
                }
            } else if (e instanceof Expr.Binary b) {
                expr(b.left());
                expr(b.right());
            } else if (e instanceof Expr.Unary u) {
                expr(u.operand());
            } else if (e instanceof Expr.Ternary t) {
                expr(t.condition());
                expr(t.whenTrue());
                expr(t.whenFalse());
            } else if (e instanceof Expr.Call c) {
                expr(c.callee());
                for (Expr x : c.args()) {
                    expr(x);
                }
                for (Expr.NamedArg n : c.named()) {
                    expr(n.value());
                }
            } else if (e instanceof Expr.Index i) {
                expr(i.object());
                expr(i.index());
            } else if (e instanceof Expr.Property p) {
                expr(p.object());
            } else if (e instanceof Expr.Function f) {
                for (Expr.Param p : f.params()) {
                    if (p.defaultValue() != null) {
                        expr(p.defaultValue());
                    }
                }
                stmts(f.body());
            }
        }
    }
}

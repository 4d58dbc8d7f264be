package duso.lang.ast;

import duso.lang.lexer.TokenType;
import java.util.List;

/** Statements of the plain AST. Bodies are lists of statements; none of them is a scope by itself. */
public sealed interface Stmt {
    int pos();

    record ExprStmt(Expr expr) implements Stmt {
        @Override
        public int pos() {
            return expr.pos();
        }
    }

    /** {@code target = value}, or {@code var name = value} when {@code isVar}. */
    record Assign(int pos, Expr target, Expr value, boolean isVar) implements Stmt {}

    record CompoundAssign(int pos, Expr target, TokenType op, Expr value) implements Stmt {}

    /** Statement form {@code x++} / {@code x--}. */
    record PostIncrement(int pos, Expr target, TokenType op) implements Stmt {}

    record If(int pos, Expr condition, List<Stmt> then, List<ElseIf> elseIfs, List<Stmt> otherwise) implements Stmt {}

    record ElseIf(Expr condition, List<Stmt> body) {}

    record While(int pos, Expr condition, List<Stmt> body) implements Stmt {}

    record NumericFor(int pos, String var, Expr start, Expr end, Expr step, List<Stmt> body) implements Stmt {}

    record IterFor(int pos, String var, Expr iterable, List<Stmt> body) implements Stmt {}

    record FunctionDecl(int pos, Expr.Function function) implements Stmt {}

    record Try(int pos, List<Stmt> body, String catchVar, List<Stmt> handler) implements Stmt {}

    record Return(int pos, Expr value) implements Stmt {}

    record Break(int pos) implements Stmt {}

    record Continue(int pos) implements Stmt {}
}

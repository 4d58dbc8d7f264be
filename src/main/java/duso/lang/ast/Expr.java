package duso.lang.ast;

import duso.lang.lexer.TokenType;
import java.util.List;

/**
 * Expressions of the plain, immutable AST. Every node carries {@code pos} (see
 * {@link duso.lang.source.Pos}): the column the reference reports for errors raised there, e.g.
 * the operator of a binary expression or the opening parenthesis of a call.
 */
public sealed interface Expr {
    int pos();

    record NumberLit(int pos, double value) implements Expr {}

    record StringLit(int pos, String value) implements Expr {}

    /** A string literal with {{expr}} parts: each part is a {@code String} or an {@code Expr}. */
    record TemplateLit(int pos, List<Object> parts) implements Expr {}

    record RegexLit(int pos, String pattern) implements Expr {}

    record BoolLit(int pos, boolean value) implements Expr {}

    record NilLit(int pos) implements Expr {}

    record ArrayLit(int pos, List<Expr> elements) implements Expr {}

    /** Object literal; static-key entries first (source order), then computed ones. */
    record ObjectLit(int pos, List<Entry> entries) implements Expr {
        /** Either {@code key} (static) or {@code keyExpr} (computed, {@code [expr] = v}) is set. */
        public record Entry(String key, Expr keyExpr, Expr value) {}
    }

    record Ident(int pos, String name) implements Expr {}

    record Binary(int pos, TokenType op, Expr left, Expr right) implements Expr {}

    /** Prefix operators: NOT, MINUS, INCREMENT and DECREMENT ({@code ++x} yields the new value). */
    record Unary(int pos, TokenType op, Expr operand) implements Expr {}

    record Ternary(int pos, Expr condition, Expr whenTrue, Expr whenFalse) implements Expr {}

    record Call(int pos, Expr callee, List<Expr> args, List<NamedArg> named) implements Expr {}

    record NamedArg(String name, Expr value) {}

    record Index(int pos, Expr object, Expr index) implements Expr {}

    record Property(int pos, Expr object, String name) implements Expr {}

    /** A function literal; {@code name} is set for {@code function name() … end} declarations. */
    record Function(int pos, String name, List<Param> params, List<Stmt> body) implements Expr {}

    record Param(String name, int pos, Expr defaultValue) {}
}

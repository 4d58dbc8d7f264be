package duso.lang.parser;

import duso.lang.errors.DusoError;
import duso.lang.lexer.Keywords;
import duso.lang.lexer.Token;
import duso.lang.lexer.TokenType;
import duso.lang.source.Pos;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * The parser's position in the token list and its error reporting: every parse error names
 * the file, points at the offending token and, when that token is a reserved word, says so,
 * exactly as the reference words it. Opening brackets are remembered so a missing closer can
 * say where it was opened.
 */
abstract class TokenCursor {
    record Bracket(TokenType type, int line, int column) {}

    final List<Token> tokens;
    final String fileName;
    final Deque<Bracket> brackets = new ArrayDeque<>();
    int index;

    TokenCursor(List<Token> tokens, String fileName) {
        this.tokens = tokens;
        this.fileName = fileName;
    }

    Token current() {
        return index < tokens.size() ? tokens.get(index) : tokens.get(tokens.size() - 1);
    }

    Token peek() {
        return index + 1 < tokens.size() ? tokens.get(index + 1) : tokens.get(tokens.size() - 1);
    }

    TokenType type() {
        return current().type();
    }

    void advance() {
        if (index < tokens.size() - 1) {
            index++;
        }
    }

    static int posOf(Token t) {
        return Pos.of(t.line(), t.column());
    }

    int pos() {
        return posOf(current());
    }

    DusoError error(String message, int pos) {
        Token t = current();
        if (!t.value().isEmpty() && Keywords.isReserved(t.value()) && !message.contains("reserved")) {
            message = message + " ('" + t.value() + "' is a reserved word)";
        }
        return new DusoError(message, fileName, pos, List.of());
    }

    void expect(TokenType type) {
        if (type() != type) {
            throw error("expected " + type + ", got " + type(), pos());
        }
        advance();
    }

    void expectClosing(TokenType open, TokenType close) {
        if (type() != close) {
            String msg = "expected " + close + ", got " + type();
            Bracket last = brackets.peek();
            if (last != null && last.type() == open) {
                msg = "expected " + close + " to close " + open + " opened at line " + last.line()
                        + ", col " + last.column() + ", but got " + type();
            }
            throw error(msg, pos());
        }
        brackets.poll();
        advance();
    }

    void checkNotReserved(String name, int pos, String role) {
        if (Keywords.isReserved(name)) {
            throw error("'" + name + "' is a reserved keyword or builtin and cannot be " + role, pos);
        }
    }

}

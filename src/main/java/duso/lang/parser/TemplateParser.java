package duso.lang.parser;

import duso.lang.ast.Expr;
import duso.lang.errors.DusoError;
import duso.lang.lexer.Escapes;
import duso.lang.lexer.Lexer;
import duso.lang.lexer.Token;
import duso.lang.source.Pos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string literal containing {@code {{…}}} into text and expression parts.
 *
 * <p>Text parts are unescaped; expression text is lexed raw, starting at the line and column
 * the reference computes for it (which is one column right of the true position on the first
 * line; kept so error positions match). Only the first expression inside each {@code {{ }}} is
 * parsed. Failures are reported as "error in template expression: …".
 */
final class TemplateParser {
    private TemplateParser() {}

    static Expr parse(TokenCursor outer, String raw, int pos) {
        List<Object> parts = new ArrayList<>();
        int i = 0;
        while (i < raw.length()) {
            int open = raw.indexOf("{{", i);
            if (open < 0) {
                parts.add(Escapes.unescape(raw.substring(i)));
                break;
            }
            if (open > i) {
                parts.add(Escapes.unescape(raw.substring(i, open)));
            }
            int exprStart = open + 2;
            int close = raw.indexOf("}}", exprStart);
            if (close < 0) {
                throw outer.error("unclosed {{ in template string", Pos.of(1, byteLen(raw, 0, exprStart)));
            }
            String exprText = raw.substring(exprStart, close);
            parts.add(parseExpression(outer, raw, exprStart, exprText, pos));
            i = close + 2;
        }
        if (parts.isEmpty()) {
            return new Expr.StringLit(pos, "");
        }
        if (parts.size() == 1 && parts.get(0) instanceof String s) {
            return new Expr.StringLit(pos, s);
        }
        return new Expr.TemplateLit(pos, List.copyOf(parts));
    }

    private static Expr parseExpression(TokenCursor outer, String raw, int exprStart, String text, int pos) {
        int lines = 0;
        int lastNewline = -1;
        for (int j = 0; j < exprStart; j++) {
            if (raw.charAt(j) == '\n') {
                lines++;
                lastNewline = j;
            }
        }
        int startLine = Pos.line(pos) + lines;
        int startCol = lastNewline < 0
                ? Pos.column(pos) + 1 + byteLen(raw, 0, exprStart)
                : byteLen(raw, lastNewline + 1, exprStart);
        int errPos = Pos.of(startLine, startCol);
        try {
            List<Token> tokens = new Lexer(text.getBytes(StandardCharsets.UTF_8), startLine, startCol).tokenize();
            return Parser.subExpression(tokens);
        } catch (DusoError e) {
            throw outer.error("error in template expression: " + e.render(), errPos);
        }
    }

    private static int byteLen(String s, int from, int to) {
        return s.substring(from, to).getBytes(StandardCharsets.UTF_8).length;
    }
}

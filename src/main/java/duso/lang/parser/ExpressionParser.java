package duso.lang.parser;

import duso.lang.ast.Expr;
import duso.lang.lexer.Escapes;
import duso.lang.lexer.Token;
import duso.lang.lexer.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expressions, by precedence climbing as the reference parses them: the true branch of
 * {@code ?:} is an or-expression, {@code not} binds tighter than comparison, a call's
 * {@code name = value} arguments are named, and object literals put static keys before
 * computed ones. Function literals are parsed by the statement parser (they hold statements).
 */
abstract class ExpressionParser extends TokenCursor {
    ExpressionParser(List<Token> tokens, String fileName) {
        super(tokens, fileName);
    }

    /** A {@code function(…) … end} literal; its body needs the statement parser. */
    abstract Expr functionExpression();

    Expr expression() {
        Expr cond = or();
        if (type() == TokenType.QUESTION) {
            int p = pos();
            advance();
            Expr whenTrue = or();
            expect(TokenType.COLON);
            Expr whenFalse = expression();
            return new Expr.Ternary(p, cond, whenTrue, whenFalse);
        }
        return cond;
    }

    Expr or() {
        Expr left = and();
        while (type() == TokenType.OR) {
            int p = pos();
            advance();
            left = new Expr.Binary(p, TokenType.OR, left, and());
        }
        return left;
    }

    Expr and() {
        Expr left = equality();
        while (type() == TokenType.AND) {
            int p = pos();
            advance();
            left = new Expr.Binary(p, TokenType.AND, left, equality());
        }
        return left;
    }

    Expr equality() {
        Expr left = comparison();
        while (type() == TokenType.EQUAL || type() == TokenType.NOT_EQUAL) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, comparison());
        }
        return left;
    }

    Expr comparison() {
        Expr left = additive();
        while (type() == TokenType.LT || type() == TokenType.GT || type() == TokenType.LTE || type() == TokenType.GTE) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, additive());
        }
        return left;
    }

    Expr additive() {
        Expr left = multiplicative();
        while (type() == TokenType.PLUS || type() == TokenType.MINUS) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, multiplicative());
        }
        return left;
    }

    Expr multiplicative() {
        Expr left = unary();
        while (type() == TokenType.STAR || type() == TokenType.SLASH || type() == TokenType.PERCENT) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, unary());
        }
        return left;
    }

    Expr unary() {
        TokenType t = type();
        if (t == TokenType.NOT || t == TokenType.MINUS) {
            int p = pos();
            advance();
            return new Expr.Unary(p, t, unary());
        }
        if (t == TokenType.INCREMENT || t == TokenType.DECREMENT) {
            int p = pos();
            advance();
            return new Expr.Unary(p, t, postfix());
        }
        return postfix();
    }

    Expr postfix() {
        Expr expr = primary();
        while (true) {
            switch (type()) {
                case LPAREN -> expr = call(expr);
                case LBRACKET -> {
                    int p = pos();
                    advance();
                    Expr idx = expression();
                    expect(TokenType.RBRACKET);
                    expr = new Expr.Index(p, expr, idx);
                }
                case DOT -> {
                    int p = pos();
                    advance();
                    String name = current().value();
                    expect(TokenType.IDENT);
                    expr = new Expr.Property(p, expr, name);
                }
                default -> {
                    return expr;
                }
            }
        }
    }

    Expr call(Expr callee) {
        int p = pos();
        advance();
        List<Expr> args = new ArrayList<>();
        Map<String, Expr> named = new LinkedHashMap<>();
        while (type() != TokenType.RPAREN && type() != TokenType.EOF) {
            if ((type() == TokenType.IDENT || type() == TokenType.STRING) && peek().type() == TokenType.ASSIGN) {
                String name = current().value();
                advance();
                advance();
                named.put(name, expression());
            } else {
                args.add(expression());
            }
            if (type() == TokenType.COMMA) {
                advance();
            } else if (type() != TokenType.RPAREN) {
                throw error("expected ',' or ')' in function call", pos());
            }
        }
        expect(TokenType.RPAREN);
        List<Expr.NamedArg> namedArgs = new ArrayList<>(named.size());
        named.forEach((k, v) -> namedArgs.add(new Expr.NamedArg(k, v)));
        return new Expr.Call(p, callee, List.copyOf(args), List.copyOf(namedArgs));
    }

    Expr primary() {
        Token t = current();
        int p = posOf(t);
        switch (t.type()) {
            case FUNCTION:
                return functionExpression();
            case NUMBER:
                advance();
                return new Expr.NumberLit(p, parseNumber(t.value()));
            case RAW: {
                advance();
                if (type() != TokenType.STRING) {
                    throw error("expected string after 'raw' keyword", pos());
                }
                String raw = current().value();
                advance();
                return new Expr.StringLit(p, Escapes.unescape(raw));
            }
            case STRING:
                advance();
                if (t.value().contains("{{")) {
                    return TemplateParser.parse(this, t.value(), p);
                }
                return new Expr.StringLit(p, Escapes.unescape(t.value()));
            case REGEX:
                advance();
                return new Expr.RegexLit(p, t.value());
            case TRUE:
                advance();
                return new Expr.BoolLit(p, true);
            case FALSE:
                advance();
                return new Expr.BoolLit(p, false);
            case NIL:
                advance();
                return new Expr.NilLit(p);
            case IDENT:
                advance();
                return new Expr.Ident(p, t.value());
            case LPAREN: {
                advance();
                brackets.push(new Bracket(TokenType.LPAREN, t.line(), t.column()));
                Expr inner = expression();
                expectClosing(TokenType.LPAREN, TokenType.RPAREN);
                return inner;
            }
            case LBRACKET:
                return arrayLiteral(t);
            case LBRACE:
                return objectLiteral(t);
            default:
                throw error("unexpected token " + t, p);
        }
    }

    /** strconv.ParseFloat with its error ignored, as the reference does ("1e" is 0). */
    static double parseNumber(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    Expr arrayLiteral(Token open) {
        advance();
        brackets.push(new Bracket(TokenType.LBRACKET, open.line(), open.column()));
        List<Expr> elements = new ArrayList<>();
        while (type() != TokenType.RBRACKET && type() != TokenType.EOF) {
            elements.add(expression());
            if (type() == TokenType.COMMA) {
                advance();
            } else if (type() != TokenType.RBRACKET) {
                throw error("expected ',' or ']' in array literal", pos());
            }
        }
        expectClosing(TokenType.LBRACKET, TokenType.RBRACKET);
        return new Expr.ArrayLit(posOf(open), List.copyOf(elements));
    }

    Expr objectLiteral(Token open) {
        advance();
        brackets.push(new Bracket(TokenType.LBRACE, open.line(), open.column()));
        Map<String, Expr> statics = new LinkedHashMap<>();
        List<Expr.ObjectLit.Entry> computed = new ArrayList<>();
        while (type() != TokenType.RBRACE && type() != TokenType.EOF) {
            String key = null;
            Expr keyExpr = null;
            if (type() == TokenType.LBRACKET) {
                advance();
                keyExpr = expression();
                expect(TokenType.RBRACKET);
            } else if (type() == TokenType.IDENT || type() == TokenType.STRING) {
                key = current().value();
                advance();
            } else {
                throw error("expected identifier, string, or [expr] as object key", pos());
            }
            expect(TokenType.ASSIGN);
            Expr value = expression();
            if (keyExpr != null) {
                computed.add(new Expr.ObjectLit.Entry(null, keyExpr, value));
            } else {
                statics.put(key, value);
            }
            if (type() == TokenType.COMMA) {
                advance();
            } else if (type() != TokenType.RBRACE) {
                throw error("expected ',' or '}' in object literal", pos());
            }
        }
        expectClosing(TokenType.LBRACE, TokenType.RBRACE);
        List<Expr.ObjectLit.Entry> entries = new ArrayList<>(statics.size() + computed.size());
        statics.forEach((k, v) -> entries.add(new Expr.ObjectLit.Entry(k, null, v)));
        entries.addAll(computed);
        return new Expr.ObjectLit(posOf(open), List.copyOf(entries));
    }

}

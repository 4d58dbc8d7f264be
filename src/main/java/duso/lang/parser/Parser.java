package duso.lang.parser;

import duso.lang.ast.Expr;
import duso.lang.ast.Program;
import duso.lang.ast.Stmt;
import duso.lang.errors.DusoError;
import duso.lang.lexer.Escapes;
import duso.lang.lexer.Keywords;
import duso.lang.lexer.Lexer;
import duso.lang.lexer.Token;
import duso.lang.lexer.TokenType;
import duso.lang.source.Pos;
import duso.lang.source.Source;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser producing the plain AST, with the reference's grammar, precedence
 * and error messages (including its quirks: the true branch of {@code ?:} is an or-expression,
 * parameters need no commas, template expressions parse one expression and ignore the rest).
 *
 * <p>Errors are {@link DusoError}s positioned at the offending token and named after
 * {@code fileName} ("&lt;parser&gt;" for code given to {@code parse()}).
 */
public final class Parser {
    private static final Set<TokenType> IF_TERMINATORS = EnumSet.of(TokenType.ELSEIF, TokenType.ELSE, TokenType.END);
    private static final Set<TokenType> END = EnumSet.of(TokenType.END);
    private static final Set<TokenType> CATCH = EnumSet.of(TokenType.CATCH);

    private record Bracket(TokenType type, int line, int column) {}

    private final List<Token> tokens;
    private final String fileName;
    private final Deque<Bracket> brackets = new ArrayDeque<>();
    private int index;

    private Parser(List<Token> tokens, String fileName) {
        this.tokens = tokens;
        this.fileName = fileName;
    }

    /** Parses a whole source unit; lexer and parser errors are thrown as DusoError. */
    public static Program parse(Source source) {
        return parse(source, source.displayName());
    }

    /** Parses with a given name for parse errors (the reference uses "&lt;parser&gt;" for parse()). */
    public static Program parse(Source source, String errorFileName) {
        List<Token> tokens = new Lexer(skipShebang(source.bytes())).tokenize();
        Parser p = new Parser(tokens, errorFileName);
        List<Stmt> statements = new ArrayList<>();
        while (p.current().type() != TokenType.EOF) {
            statements.add(p.statement());
        }
        return new Program(source, List.copyOf(statements));
    }

    /**
     * A {@code #!} first line is blanked (bytes replaced by spaces, newline kept) so the
     * script can be made executable while every position stays where it was.
     */
    private static byte[] skipShebang(byte[] src) {
        if (src.length < 2 || src[0] != '#' || src[1] != '!') {
            return src;
        }
        byte[] copy = src.clone();
        for (int i = 0; i < copy.length && copy[i] != '\n'; i++) {
            copy[i] = ' ';
        }
        return copy;
    }

    // ---- token helpers -------------------------------------------------------------------

    private Token current() {
        return index < tokens.size() ? tokens.get(index) : tokens.get(tokens.size() - 1);
    }

    private Token peek() {
        return index + 1 < tokens.size() ? tokens.get(index + 1) : tokens.get(tokens.size() - 1);
    }

    private TokenType type() {
        return current().type();
    }

    private void advance() {
        if (index < tokens.size() - 1) {
            index++;
        }
    }

    private static int posOf(Token t) {
        return Pos.of(t.line(), t.column());
    }

    private int pos() {
        return posOf(current());
    }

    private DusoError error(String message, int pos) {
        Token t = current();
        if (!t.value().isEmpty() && Keywords.isReserved(t.value()) && !message.contains("reserved")) {
            message = message + " ('" + t.value() + "' is a reserved word)";
        }
        return new DusoError(message, fileName, pos, List.of());
    }

    private void expect(TokenType type) {
        if (type() != type) {
            throw error("expected " + type + ", got " + type(), pos());
        }
        advance();
    }

    private void expectClosing(TokenType open, TokenType close) {
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

    private void checkNotReserved(String name, int pos, String role) {
        if (Keywords.isReserved(name)) {
            throw error("'" + name + "' is a reserved keyword or builtin and cannot be " + role, pos);
        }
    }

    // ---- statements ----------------------------------------------------------------------

    private Stmt statement() {
        switch (type()) {
            case IF:
                return ifStatement();
            case WHILE:
                return whileStatement();
            case FOR:
                return forStatement();
            case FUNCTION:
                return functionDeclaration();
            case TRY:
                return tryStatement();
            case RETURN:
                return returnStatement();
            case BREAK: {
                int p = pos();
                advance();
                return new Stmt.Break(p);
            }
            case CONTINUE: {
                int p = pos();
                advance();
                return new Stmt.Continue(p);
            }
            case VAR:
                return varDeclaration();
            default:
                return expressionStatement();
        }
    }

    private Stmt expressionStatement() {
        Expr expr = expression();
        int exprPos = expr instanceof Expr.Ident id ? id.pos() : targetPos(expr);
        TokenType t = type();
        if (t == TokenType.ASSIGN || t.isCompoundAssign() || t == TokenType.INCREMENT || t == TokenType.DECREMENT) {
            if (expr instanceof Expr.Ident id) {
                checkNotReserved(id.name(), id.pos(), "assigned to");
            }
            advance();
            if (t == TokenType.ASSIGN) {
                return new Stmt.Assign(exprPos, expr, expression(), false);
            }
            if (t.isCompoundAssign()) {
                return new Stmt.CompoundAssign(exprPos, expr, t, expression());
            }
            return new Stmt.PostIncrement(exprPos, expr, t);
        }
        return new Stmt.ExprStmt(expr);
    }

    /** Where errors about an assignment target are reported: the identifier, '[' or '.'. */
    private static int targetPos(Expr target) {
        return target.pos();
    }

    private List<Stmt> block(Set<TokenType> terminators) {
        List<Stmt> body = new ArrayList<>();
        while (!terminators.contains(type()) && type() != TokenType.EOF) {
            body.add(statement());
        }
        return List.copyOf(body);
    }

    private Stmt ifStatement() {
        int start = pos();
        advance();
        Expr condition = expression();
        expect(TokenType.THEN);
        List<Stmt> then = block(IF_TERMINATORS);
        List<Stmt.ElseIf> elseIfs = new ArrayList<>();
        while (type() == TokenType.ELSEIF) {
            advance();
            Expr c = expression();
            expect(TokenType.THEN);
            elseIfs.add(new Stmt.ElseIf(c, block(IF_TERMINATORS)));
        }
        List<Stmt> otherwise = null;
        if (type() == TokenType.ELSE) {
            advance();
            otherwise = block(END);
        }
        expect(TokenType.END);
        return new Stmt.If(start, condition, then, List.copyOf(elseIfs), otherwise);
    }

    private Stmt whileStatement() {
        int start = pos();
        advance();
        Expr condition = expression();
        expect(TokenType.DO);
        List<Stmt> body = block(END);
        expect(TokenType.END);
        return new Stmt.While(start, condition, body);
    }

    private Stmt forStatement() {
        int start = pos();
        advance();
        if (type() == TokenType.VAR) {
            advance();
        }
        String name = current().value();
        checkNotReserved(name, pos(), "used as a loop variable name");
        expect(TokenType.IDENT);
        if (type() == TokenType.ASSIGN) {
            advance();
            Expr from = expression();
            expect(TokenType.COMMA);
            Expr to = expression();
            Expr step = null;
            if (type() == TokenType.COMMA) {
                advance();
                step = expression();
            }
            expect(TokenType.DO);
            List<Stmt> body = block(END);
            expect(TokenType.END);
            return new Stmt.NumericFor(start, name, from, to, step, body);
        }
        if (type() == TokenType.IN) {
            advance();
            Expr iterable = expression();
            expect(TokenType.DO);
            List<Stmt> body = block(END);
            expect(TokenType.END);
            return new Stmt.IterFor(start, name, iterable, body);
        }
        throw error("expected '=' or 'in' in for loop", pos());
    }

    private List<Expr.Param> parameters() {
        List<Expr.Param> params = new ArrayList<>();
        while (type() == TokenType.IDENT) {
            String name = current().value();
            int p = pos();
            checkNotReserved(name, p, "used as a parameter name");
            advance();
            Expr def = null;
            if (type() == TokenType.ASSIGN) {
                advance();
                def = expression();
            }
            params.add(new Expr.Param(name, p, def));
            if (type() == TokenType.COMMA) {
                advance();
            }
        }
        expect(TokenType.RPAREN);
        return List.copyOf(params);
    }

    private Stmt functionDeclaration() {
        int start = pos();
        advance();
        String name = current().value();
        checkNotReserved(name, pos(), "used as a function name");
        expect(TokenType.IDENT);
        expect(TokenType.LPAREN);
        List<Expr.Param> params = parameters();
        List<Stmt> body = block(END);
        expect(TokenType.END);
        return new Stmt.FunctionDecl(start, new Expr.Function(start, name, params, body));
    }

    private Expr functionExpression() {
        int start = pos();
        advance();
        expect(TokenType.LPAREN);
        List<Expr.Param> params = parameters();
        List<Stmt> body = block(END);
        expect(TokenType.END);
        return new Expr.Function(start, null, params, body);
    }

    private Stmt tryStatement() {
        int start = pos();
        advance();
        List<Stmt> body = block(CATCH);
        expect(TokenType.CATCH);
        expect(TokenType.LPAREN);
        String name = current().value();
        checkNotReserved(name, pos(), "used as a catch variable name");
        expect(TokenType.IDENT);
        expect(TokenType.RPAREN);
        List<Stmt> handler = block(END);
        expect(TokenType.END);
        return new Stmt.Try(start, body, name, handler);
    }

    private Stmt returnStatement() {
        int start = pos();
        advance();
        Expr value = null;
        if (type() != TokenType.END && type() != TokenType.EOF) {
            value = expression();
        }
        return new Stmt.Return(start, value);
    }

    private Stmt varDeclaration() {
        int start = pos();
        advance();
        if (type() != TokenType.IDENT) {
            throw error("expected identifier after 'var'", pos());
        }
        String name = current().value();
        int namePos = pos();
        checkNotReserved(name, namePos, "used as a variable name");
        advance();
        if (type() != TokenType.ASSIGN) {
            throw error("expected '=' after variable name", pos());
        }
        advance();
        Expr value = expression();
        return new Stmt.Assign(start, new Expr.Ident(namePos, name), value, true);
    }

    // ---- expressions ---------------------------------------------------------------------

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

    private Expr or() {
        Expr left = and();
        while (type() == TokenType.OR) {
            int p = pos();
            advance();
            left = new Expr.Binary(p, TokenType.OR, left, and());
        }
        return left;
    }

    private Expr and() {
        Expr left = equality();
        while (type() == TokenType.AND) {
            int p = pos();
            advance();
            left = new Expr.Binary(p, TokenType.AND, left, equality());
        }
        return left;
    }

    private Expr equality() {
        Expr left = comparison();
        while (type() == TokenType.EQUAL || type() == TokenType.NOT_EQUAL) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, comparison());
        }
        return left;
    }

    private Expr comparison() {
        Expr left = additive();
        while (type() == TokenType.LT || type() == TokenType.GT || type() == TokenType.LTE || type() == TokenType.GTE) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, additive());
        }
        return left;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (type() == TokenType.PLUS || type() == TokenType.MINUS) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, multiplicative());
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (type() == TokenType.STAR || type() == TokenType.SLASH || type() == TokenType.PERCENT) {
            TokenType op = type();
            int p = pos();
            advance();
            left = new Expr.Binary(p, op, left, unary());
        }
        return left;
    }

    private Expr unary() {
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

    private Expr postfix() {
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

    private Expr call(Expr callee) {
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

    private Expr primary() {
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
    private static double parseNumber(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private Expr arrayLiteral(Token open) {
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

    private Expr objectLiteral(Token open) {
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

    // ---- used by TemplateParser ----------------------------------------------------------

    DusoError templateError(String message, int pos) {
        return error(message, pos);
    }

    /** Parses a single expression from a template's {{…}}; the remaining tokens are ignored. */
    static Expr subExpression(List<Token> tokens) {
        return new Parser(tokens, "<parser>").expression();
    }

    /**
     * Parses text as the body of a template string, as {@code template()} renders it: each
     * {@code {{…}}} becomes an expression, the text around it is unescaped. The result is a
     * {@link Expr.TemplateLit}, or a {@link Expr.StringLit} when there is nothing to evaluate.
     * Errors are named "&lt;template&gt;"; expressions carry no positions (the text has no
     * place in any file).
     */
    public static Expr parseTemplate(String text) {
        Parser p = new Parser(Lexer.of("").tokenize(), "<template>");
        return TemplateParser.parse(p, text, Pos.NONE);
    }

    /** Parses one expression from text, for tools such as the REPL and watch(). */
    public static Expr parseExpression(String text) {
        return new Parser(Lexer.of(text).tokenize(), "<parser>").expression();
    }
}

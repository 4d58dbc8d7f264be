package duso.lang.parser;

import duso.lang.ast.Expr;
import duso.lang.ast.Program;
import duso.lang.ast.Stmt;
import duso.lang.errors.DusoError;
import duso.lang.lexer.Lexer;
import duso.lang.lexer.Token;
import duso.lang.lexer.TokenType;
import duso.lang.source.Pos;
import duso.lang.source.Source;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser producing the plain AST, with the reference's grammar, precedence
 * and error messages (including its quirks: the true branch of {@code ?:} is an or-expression,
 * parameters need no commas, template expressions parse one expression and ignore the rest).
 *
 * <p>Errors are {@link DusoError}s positioned at the offending token and named after
 * {@code fileName} ("&lt;parser&gt;" for code given to {@code parse()}).
 */
public final class Parser extends ExpressionParser {
    private static final Set<TokenType> IF_TERMINATORS = EnumSet.of(TokenType.ELSEIF, TokenType.ELSE, TokenType.END);
    private static final Set<TokenType> END = EnumSet.of(TokenType.END);
    private static final Set<TokenType> CATCH = EnumSet.of(TokenType.CATCH);

    private Parser(List<Token> tokens, String fileName) {
        super(tokens, fileName);
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

    @Override
    Expr functionExpression() {
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

    // ---- used by TemplateParser ----------------------------------------------------------

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

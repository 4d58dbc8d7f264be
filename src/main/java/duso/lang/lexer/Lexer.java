package duso.lang.lexer;

import duso.lang.errors.DusoError;
import duso.lang.source.Pos;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns source bytes into tokens, exactly as the reference scanner does.
 *
 * <p>The reference walks UTF-8 bytes and treats each byte as a Latin-1 code point, so columns
 * are byte columns and a byte above 0x7F only continues an identifier when it is a Latin-1
 * letter. We keep that model byte for byte: positions and lexer errors match the reference.
 * {@code ;} is whitespace, {@code //} and nested {@code /* *\/} are comments, {@code !} is
 * {@code not}. String and regex tokens carry their raw content; the parser unescapes them.
 */
public final class Lexer {
    private final byte[] src;
    private int pos; // index of the byte after ch
    private int ch; // current byte (0 at end)
    private int line;
    private int column;

    public Lexer(byte[] src) {
        this(src, 1, 0);
    }

    /** Starts at a given line and column, for expressions inside template strings. */
    public Lexer(byte[] src, int startLine, int startColumn) {
        this.src = src;
        this.line = startLine;
        this.column = startColumn;
        readChar();
    }

    public static Lexer of(String text) {
        return new Lexer(text.getBytes(StandardCharsets.UTF_8));
    }

    /** All tokens up to and including EOF; throws a position-only DusoError on a bad character. */
    public List<Token> tokenize() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            Token t = next();
            if (t.type() == TokenType.ERROR) {
                throw DusoError.lexical(t.value(), Pos.of(t.line(), t.column()));
            }
            tokens.add(t);
            if (t.type() == TokenType.EOF) {
                return tokens;
            }
        }
    }

    private void readChar() {
        ch = pos < src.length ? src[pos] & 0xFF : 0;
        pos++;
        column++;
    }

    private int peek(int ahead) {
        int i = pos + ahead - 1;
        return i < src.length ? src[i] & 0xFF : 0;
    }

    private void newline() {
        line++;
        column = 0;
    }

    private void skipWhitespace() {
        while (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n' || ch == ';') {
            if (ch == '\n') {
                newline();
            }
            readChar();
        }
    }

    private void skipLineComment() {
        while (ch != '\n' && ch != 0) {
            readChar();
        }
        if (ch == '\n') {
            newline();
            readChar();
        }
    }

    private void skipBlockComment() {
        int depth = 1;
        readChar();
        readChar();
        while (depth > 0 && ch != 0) {
            if (ch == '/' && peek(1) == '*') {
                depth++;
                readChar();
                readChar();
            } else if (ch == '*' && peek(1) == '/') {
                depth--;
                readChar();
                readChar();
            } else {
                if (ch == '\n') {
                    newline();
                }
                readChar();
            }
        }
    }

    public Token next() {
        skipWhitespace();
        while (ch == '/' && (peek(1) == '*' || peek(1) == '/')) {
            if (peek(1) == '*') {
                skipBlockComment();
            } else {
                skipLineComment();
            }
            skipWhitespace();
        }
        int l = line;
        int c = column;
        switch (ch) {
            case 0:
                return new Token(TokenType.EOF, "", l, c);
            case '+':
                return op2(l, c, TokenType.PLUS, '=', TokenType.PLUS_ASSIGN, '+', TokenType.INCREMENT);
            case '-':
                return op2(l, c, TokenType.MINUS, '=', TokenType.MINUS_ASSIGN, '-', TokenType.DECREMENT);
            case '*':
                return op2(l, c, TokenType.STAR, '=', TokenType.STAR_ASSIGN, -1, null);
            case '/':
                return op2(l, c, TokenType.SLASH, '=', TokenType.SLASH_ASSIGN, -1, null);
            case '%':
                return op2(l, c, TokenType.PERCENT, '=', TokenType.MOD_ASSIGN, -1, null);
            case '=':
                return op2(l, c, TokenType.ASSIGN, '=', TokenType.EQUAL, -1, null);
            case '<':
                return op2(l, c, TokenType.LT, '=', TokenType.LTE, -1, null);
            case '>':
                return op2(l, c, TokenType.GT, '=', TokenType.GTE, -1, null);
            case '!':
                readChar();
                if (ch == '=') {
                    readChar();
                    return new Token(TokenType.NOT_EQUAL, "!=", l, c);
                }
                return new Token(TokenType.NOT, "not", l, c);
            case '(':
                return single(TokenType.LPAREN, l, c);
            case ')':
                return single(TokenType.RPAREN, l, c);
            case '[':
                return single(TokenType.LBRACKET, l, c);
            case ']':
                return single(TokenType.RBRACKET, l, c);
            case '{':
                return single(TokenType.LBRACE, l, c);
            case '}':
                return single(TokenType.RBRACE, l, c);
            case ',':
                return single(TokenType.COMMA, l, c);
            case ':':
                return single(TokenType.COLON, l, c);
            case '?':
                return single(TokenType.QUESTION, l, c);
            case '.':
                if (isDigit(peek(1))) {
                    int start = pos - 1;
                    readChar();
                    while (isDigit(ch)) {
                        readChar();
                    }
                    return new Token(TokenType.NUMBER, "0" + slice(start, pos - 1), l, c);
                }
                return single(TokenType.DOT, l, c);
            case '"':
            case '\'': {
                int quote = ch;
                if (peek(1) == quote && peek(2) == quote) {
                    return new Token(TokenType.STRING, TripleQuote.normalize(readTripleQuoted(quote)), l, c);
                }
                return new Token(TokenType.STRING, readQuoted(quote), l, c);
            }
            case '~':
                return new Token(TokenType.REGEX, readRegex(), l, c);
            default:
                if (isLetter(ch) || ch == '_') {
                    String word = readIdent();
                    return new Token(Keywords.lookup(word), word, l, c);
                }
                if (isDigit(ch)) {
                    return new Token(TokenType.NUMBER, readNumber(), l, c);
                }
                String msg = String.format("unexpected character '%s' (U+%04X)",
                        new String(Character.toChars(ch)), ch);
                readChar();
                return new Token(TokenType.ERROR, msg, l, c);
        }
    }

    private Token single(TokenType type, int l, int c) {
        readChar();
        return new Token(type, type.toString(), l, c);
    }

    private Token op2(int l, int c, TokenType plain, int second1, TokenType type1, int second2, TokenType type2) {
        readChar();
        if (ch == second1) {
            readChar();
            return new Token(type1, type1.toString(), l, c);
        }
        if (second2 >= 0 && ch == second2) {
            readChar();
            return new Token(type2, type2.toString(), l, c);
        }
        return new Token(plain, plain.toString(), l, c);
    }

    private String readQuoted(int quote) {
        int start = pos; // first content byte
        readChar();
        while (ch != quote && ch != 0) {
            if (ch == '\\') {
                readChar();
                if (ch != 0) {
                    readChar();
                }
            } else {
                if (ch == '\n') {
                    newline();
                }
                readChar();
            }
        }
        String result = slice(start, pos - 1);
        if (ch == quote) {
            readChar();
        }
        return result;
    }

    private String readTripleQuoted(int quote) {
        readChar();
        readChar();
        readChar();
        int start = pos - 1;
        while (ch != 0 && !(ch == quote && peek(1) == quote && peek(2) == quote)) {
            if (ch == '\n') {
                newline();
            }
            readChar();
        }
        String result = slice(start, pos - 1);
        if (ch == quote) {
            readChar();
            readChar();
            readChar();
        }
        return result;
    }

    private String readRegex() {
        int start = pos;
        readChar();
        while (ch != 0) {
            if (ch == '\\' && peek(1) == '~') {
                readChar();
                readChar();
            } else if (ch == '~') {
                break;
            } else {
                if (ch == '\n') {
                    newline();
                }
                readChar();
            }
        }
        String result = slice(start, pos - 1);
        if (ch == '~') {
            readChar();
        }
        return result;
    }

    private String readNumber() {
        int start = pos - 1;
        while (isDigit(ch)) {
            readChar();
        }
        if (ch == '.' && isDigit(peek(1))) {
            readChar();
            while (isDigit(ch)) {
                readChar();
            }
        }
        if (ch == 'e' || ch == 'E') {
            readChar();
            if (ch == '+' || ch == '-') {
                readChar();
            }
            while (isDigit(ch)) {
                readChar();
            }
        }
        return slice(start, pos - 1);
    }

    private String readIdent() {
        int start = pos - 1;
        while (isLetter(ch) || isDigit(ch) || ch == '_') {
            readChar();
        }
        return slice(start, pos - 1);
    }

    private String slice(int from, int to) {
        int end = Math.min(to, src.length);
        return from >= end ? "" : new String(src, from, end - from, StandardCharsets.UTF_8);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** unicode.IsLetter of a byte read as a Latin-1 code point. */
    private static boolean isLetter(int c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        }
        return c != 0 && Character.isLetter(c);
    }
}

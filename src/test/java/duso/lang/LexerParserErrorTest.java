package duso.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import duso.lang.errors.DusoError;
import duso.lang.lexer.Lexer;
import duso.lang.lexer.Token;
import duso.lang.lexer.TokenType;
import duso.lang.parser.Parser;
import duso.lang.source.Source;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Where lexer and parser errors point, and how their messages read (the reference's words). */
class LexerParserErrorTest {

    private static String parseError(String code) {
        DusoError e = assertThrows(DusoError.class, () -> Parser.parse(Source.of("t.du", code)));
        return e.render();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "x = 1 @ 2 | 1:7: unexpected character '@' (U+0040)",
        "f(1 2) | t.du:1:5: expected ',' or ')' in function call",
        "x = (1 + 2 | t.du:1:11: expected ) to close ( opened at line 1, col 5, but got EOF",
        "self = 1 | t.du:1:1: 'self' is a reserved keyword or builtin and cannot be assigned to",
        "for if = 1, 2 do end | t.du:1:5: 'if' is a reserved keyword or builtin and cannot be used as a loop variable name",
        "x = [1, 2 | t.du:1:10: expected ',' or ']' in array literal",
        "x = [1, 2, | t.du:1:11: expected ] to close [ opened at line 1, col 5, but got EOF",
        "x = {a 1} | t.du:1:8: expected =, got NUMBER",
        "var 5 = 1 | t.du:1:5: expected identifier after 'var'",
        "x = '{{a b' | t.du:1:2: unclosed {{ in template string",
    })
    void errorPositions(String code, String expected) {
        assertEquals(expected, parseError(code.replace("\\n", "\n")));
    }

    @Test
    void lexerErrorsHaveNoFileName() {
        assertEquals("2:3: unexpected character '#' (U+0023)", parseError("print(1)\n  #x"));
    }

    @Test
    void missingEndIsReportedAtEndOfInput() {
        assertEquals("t.du:2:11: expected END, got EOF", parseError("if true then\n  print(1)"));
    }

    @Test
    void unexpectedTokenShowsTheToken() {
        assertEquals("t.du:1:5: unexpected token =(\"=\") at 1:5", parseError("x = = 2"));
    }

    @Test
    void reservedWordHintIsAppended() {
        assertEquals("t.du:1:5: unexpected token THEN(\"then\") at 1:5 ('then' is a reserved word)",
                parseError("x = then"));
    }

    @Test
    void columnsAreUtf8ByteOffsets() {
        List<Token> tokens = Lexer.of("\"é\" + x").tokenize();
        assertEquals(TokenType.PLUS, tokens.get(1).type());
        assertEquals(6, tokens.get(1).column());
        assertEquals(8, tokens.get(2).column());
    }

    @Test
    void semicolonsAreWhitespaceAndCommentsNest() {
        List<Token> tokens = Lexer.of("a; /* x /* y */ z */ b // c\n").tokenize();
        assertEquals(List.of(TokenType.IDENT, TokenType.IDENT, TokenType.EOF), tokens.stream().map(Token::type).toList());
        assertEquals(22, tokens.get(1).column());
    }

    @Test
    void numbersIncludingLeadingDotAndExponents() {
        List<Token> tokens = Lexer.of(".5 1e10 1.5E-3 7").tokenize();
        assertEquals(List.of("0.5", "1e10", "1.5E-3", "7"), tokens.subList(0, 4).stream().map(Token::value).toList());
    }

    @Test
    void bangIsNotAndDoubleMinusIsDecrement() {
        List<Token> tokens = Lexer.of("!a != b 5--3").tokenize();
        assertEquals(List.of(TokenType.NOT, TokenType.IDENT, TokenType.NOT_EQUAL, TokenType.IDENT,
                TokenType.NUMBER, TokenType.DECREMENT, TokenType.NUMBER, TokenType.EOF),
                tokens.stream().map(Token::type).toList());
    }

    @Test
    void shebangLineKeepsPositions() {
        String text = "#!/usr/bin/env duso\nx = 1 / 0 +\n";
        String error = parseError(text);
        assertEquals("t.du:3:1: unexpected token EOF at 3:1", error);
    }
}

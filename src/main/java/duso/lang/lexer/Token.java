package duso.lang.lexer;

/**
 * One token: its kind, its text (raw, unescaped content for strings and regexes) and where it
 * starts. {@link #toString()} matches the reference's token rendering used in parse errors,
 * e.g. {@code =("=") at 1:5} or {@code EOF at 3:1}.
 */
public record Token(TokenType type, String value, int line, int column) {

    @Override
    public String toString() {
        if (!value.isEmpty() && type != TokenType.EOF) {
            return type + "(" + GoQuote.quote(value) + ") at " + line + ":" + column;
        }
        return type + " at " + line + ":" + column;
    }
}

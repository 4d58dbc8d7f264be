package duso.lang.lexer;

import java.util.Map;
import java.util.Set;

/** Keywords, and the reserved names that may not be assigned or declared ("self" included). */
public final class Keywords {
    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("if", TokenType.IF), Map.entry("then", TokenType.THEN),
            Map.entry("else", TokenType.ELSE), Map.entry("elseif", TokenType.ELSEIF),
            Map.entry("end", TokenType.END), Map.entry("while", TokenType.WHILE),
            Map.entry("do", TokenType.DO), Map.entry("for", TokenType.FOR),
            Map.entry("in", TokenType.IN), Map.entry("function", TokenType.FUNCTION),
            Map.entry("return", TokenType.RETURN), Map.entry("break", TokenType.BREAK),
            Map.entry("continue", TokenType.CONTINUE), Map.entry("try", TokenType.TRY),
            Map.entry("catch", TokenType.CATCH), Map.entry("and", TokenType.AND),
            Map.entry("or", TokenType.OR), Map.entry("not", TokenType.NOT),
            Map.entry("var", TokenType.VAR), Map.entry("raw", TokenType.RAW),
            Map.entry("true", TokenType.TRUE), Map.entry("false", TokenType.FALSE),
            Map.entry("nil", TokenType.NIL));

    private static final Set<String> RESERVED = Set.of(
            "if", "then", "else", "elseif", "end", "while", "do", "for", "in", "function",
            "return", "break", "continue", "try", "catch", "and", "or", "not", "var", "raw",
            "true", "false", "nil", "self");

    private Keywords() {}

    public static TokenType lookup(String word) {
        return KEYWORDS.getOrDefault(word, TokenType.IDENT);
    }

    public static boolean isReserved(String name) {
        return RESERVED.contains(name);
    }

    public static Set<String> keywords() {
        return KEYWORDS.keySet();
    }
}

package duso.lang.lexer;

/** Token kinds, with the names the reference prints in parse errors ("expected END, got EOF"). */
public enum TokenType {
    EOF("EOF"), ERROR("ERROR"),
    NUMBER("NUMBER"), STRING("STRING"), REGEX("TILDE_STRING"),
    TRUE("TRUE"), FALSE("FALSE"), NIL("NIL"), IDENT("IDENT"),
    IF("IF"), THEN("THEN"), ELSE("ELSE"), ELSEIF("ELSEIF"), END("END"),
    WHILE("WHILE"), DO("DO"), FOR("FOR"), IN("IN"), FUNCTION("FUNCTION"),
    RETURN("RETURN"), BREAK("BREAK"), CONTINUE("CONTINUE"), TRY("TRY"), CATCH("CATCH"),
    AND("AND"), OR("OR"), NOT("NOT"), VAR("VAR"), RAW("RAW"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"),
    EQUAL("=="), NOT_EQUAL("!="), LT("<"), GT(">"), LTE("<="), GTE(">="),
    ASSIGN("="), PLUS_ASSIGN("+="), MINUS_ASSIGN("-="), STAR_ASSIGN("*="), SLASH_ASSIGN("/="),
    MOD_ASSIGN("%="), INCREMENT("++"), DECREMENT("--"),
    LPAREN("("), RPAREN(")"), LBRACKET("["), RBRACKET("]"), LBRACE("{"), RBRACE("}"),
    COMMA(","), DOT("."), COLON(":"), QUESTION("?");

    private final String display;

    TokenType(String display) {
        this.display = display;
    }

    @Override
    public String toString() {
        return display;
    }

    public boolean isCompoundAssign() {
        return this == PLUS_ASSIGN || this == MINUS_ASSIGN || this == STAR_ASSIGN
                || this == SLASH_ASSIGN || this == MOD_ASSIGN;
    }
}

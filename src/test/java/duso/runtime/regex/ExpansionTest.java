package duso.runtime.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Go's Regexp.Expand rules, applied to the first match of a pattern. */
class ExpansionTest {

    private static String expand(String regex, String input, String template) {
        Pattern p = Pattern.compile(regex);
        Matcher m = p.matcher(input);
        assertTrue(m.find(), "pattern must match");
        Expansion e = Expansion.parse(template, p.groupCount(), p.namedGroups());
        StringBuilder b = new StringBuilder();
        e.appendTo(b, input, m.start(), m.end(), m);
        return b.toString();
    }

    @ParameterizedTest(name = "{2} -> [{3}]")
    @CsvSource(delimiter = ';', value = {
        "(a)(b) ; ab ; $2$1 ; ba",
        "(a)(b) ; ab ; ${2}x${1} ; bxa",
        "(a) ; a ; $1_ ; ''",
        "(a) ; a ; ${1}_ ; a_",
        "(a) ; a ; $$1 ; $1",
        "(a) ; a ; $ ; $",
        "(a) ; a ; x$ ; x$",
        "(a) ; a ; ${1 ; ${1",
        "(a) ; a ; ${} ; ${}",
        "(a) ; a ; $-1 ; $-1",
        "(a) ; a ; $01 ; ''",
        "(a) ; a ; $0$0 ; aa",
        "(a) ; a ; $2 ; ''",
        "(a) ; a ; $999999999999 ; ''",
        "(?P<w>a) ; a ; [$w][${w}] ; [a][a]",
        "(?<w_1>a) ; a ; $w_1! ; a!",
        "(a)|(b) ; b ; <$1|$2> ; <|b>",
    })
    void expandsLikeGo(String regex, String input, String template, String expected) {
        assertEquals(expected, expand(regex.strip(), input.strip(), template.strip()));
    }

    @Test
    void aReplacementWithoutGroupsIsConstant() {
        Expansion e = Expansion.parse("a$$b$", 2, java.util.Map.of());
        assertTrue(e.isConstant());
        assertEquals("a$b$", e.constant());
        assertFalse(Expansion.parse("$1", 1, java.util.Map.of()).isConstant());
        assertTrue(Expansion.parse("$1", 0, java.util.Map.of()).isConstant(), "a missing group expands to nothing");
    }
}

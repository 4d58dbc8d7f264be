package duso.lang.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.re2j.PatternSyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's regexp limits and wording on top of re2j. */
class RegexCompilerTest {

    private static String error(String pattern) {
        PatternSyntaxException e = assertThrows(PatternSyntaxException.class, () -> RegexCompiler.compile(pattern, false));
        return RegexErrors.describe(e);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "(a{10}){101} ; error parsing regexp: invalid repeat count: `{101}`",
        "(?:(?:a{50}){50}){50} ; error parsing regexp: invalid repeat count: `{50}`",
        "((a{10}){10}){11}? ; error parsing regexp: invalid repeat count: `{11}?`",
        "(a{1000}|b){2} ; error parsing regexp: invalid repeat count: `{2}`",
        "[{]{100}(a{100}){11} ; error parsing regexp: invalid repeat count: `{11}`",
        "\\8(a{100}){100} ; error parsing regexp: invalid escape sequence: `\\8`",
        "(a{100}){100}\\8 ; error parsing regexp: invalid repeat count: `{100}`",
        "a) ; error parsing regexp: unexpected ): `a)`",
        "a{2}{2} ; error parsing regexp: invalid nested repetition operator: `{2}{2}`",
    })
    void rejectsAsGoDoes(String pattern, String expected) {
        assertEquals(expected, error(pattern.strip()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(a{10}){100}", "(?:a{0}){1000}", "(a{1}){1000}", "(a{1000}|b)", "a{01}{1000}",
        "x{,5}{1000}", "[(]{1000}", "\\({1000}", "\\Q(\\E{1000}", "(?i)(a){500}(?P<x>b{2}){500}", "\\x{41}{1000}",
        "\\p{L}{2}(?:x{500}){2}"})
    void acceptsWhatGoAccepts(String pattern) {
        RegexCompiler.compile(pattern, false);
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 1000})
    void captureNestingLimit(int depth) {
        String pattern = "(".repeat(depth) + "a" + ")".repeat(depth);
        if (depth < 1000) {
            RegexCompiler.compile(pattern, false);
            assertNull(RegexLimits.check(pattern));
        } else {
            assertEquals("error parsing regexp: expression nests too deeply: `" + pattern + "`", error(pattern));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"(?i)\u1c80", "(?i)\\x{1c84}", "(?i)[\\x{400}-\\x{1d00}]", "(?i)[^\u1c88]",
        "(?i:a)\\Q\u1c81\\E", "(?is)[\\x{0}-\\x{1c80}]"})
    void refusesWhatWouldHangRe2j(String pattern) {
        assertEquals("error parsing regexp: " + RegexCompiler.UNSUPPORTED_FOLD + ": `" + pattern + "`", error(pattern));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u1c80", "[\\x{400}-\\x{1d00}]", "(?i)\\pL", "(?i)\\p{Cyrillic}+",
        "(?i)[\\x{0}-\\x{10ffff}]", "(?i)[\\t-\\x{10ffff}]", "(?i)[a-z\u0430-\u044f]", "(?-s)\u1c80"})
    void compilesSafePatternsNearTheGap(String pattern) {
        RegexCompiler.compile(pattern, false);
    }

    @org.junit.jupiter.api.Test
    void ignoreCaseFlagCountsAsFolding() {
        assertThrows(PatternSyntaxException.class, () -> RegexCompiler.compile("\u1c80", true));
    }
}

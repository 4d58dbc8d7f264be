package duso.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import duso.lang.values.GoNumbers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's number parsing: ParseFloat acceptance (underscores included), Atoi, and Sscanf's %f. */
class GoNumbersTest {
    @ParameterizedTest(name = "scanFloat({0}) = {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "42|42", "' 42 '|42", "12abc|12", "-3.5e2x|-350", "1,5|1", "5.|5", ".5|0.5", "3.14.15|3.14",
        "1_000|1000", "1__0|0", "_1|0", "1_|0", "0x10|0", "0x1p4|16", "0X1.8P1|3", "1p3|8", "1.5p-1|0.75",
        "1P3|0", "1p|0", "1e|0", "1e+|0", "2e3|2000", "inf|Infinity", "-Inf|-Infinity", "infinity|Infinity",
        "nan|NaN", "NaN|NaN", "+nan|0", "1e400|0", "1e-400|0", "abc|0", "''|0", "' '|0", "+|0", "-|0",
        "'\t7'|7", "'\u00a07'|7", "'\u30007'|7",
    })
    void scanFloatReadsALeadingNumber(String input, double expected) {
        assertEquals(expected, GoNumbers.scanFloat(input));
    }

    @Test
    void aNewlineBeforeTheNumberFailsTheScan() {
        assertEquals(0.0, GoNumbers.scanFloat("\n5"));
        assertEquals(0.0, GoNumbers.scanFloat(" \r\n5"));
        assertEquals(5.0, GoNumbers.scanFloat("\r5"));
    }

    @ParameterizedTest(name = "parseFloat({0}) = {1}")
    @CsvSource(delimiter = '|', value = {
        "1_000|1000", "1_000.000_5|1000.0005", "1e1_0|1e10", "0x_1p4|16", "1.5|1.5", "-0|-0.0", "+7|7",
        "Inf|Infinity", "-infinity|-Infinity", "NaN|NaN",
    })
    void parseFloatAcceptsGoSyntax(String input, double expected) {
        assertEquals(expected, GoNumbers.parseFloat(input));
    }

    @ParameterizedTest(name = "parseFloat({0}) fails")
    @CsvSource(delimiter = '|', value = {
        "1__000", "_1", "1_", "1_.5", "1._5", "1e_5", "1e", "0x10", "' 1'", "'1 '", "+nan", "1e400", "''", ".",
        "1d", "١",
    })
    void parseFloatRejects(String input) {
        assertNull(GoNumbers.parseFloat(input));
    }

    @Test
    void atoiReadsSignedDecimalIntegersOnly() {
        assertEquals(5L, GoNumbers.atoi("+5"));
        assertEquals(-30L, GoNumbers.atoi("-30"));
        assertEquals(7L, GoNumbers.atoi("07"));
        assertNull(GoNumbers.atoi(""));
        assertNull(GoNumbers.atoi("+"));
        assertNull(GoNumbers.atoi("1_0"));
        assertNull(GoNumbers.atoi("١٢"));
        assertNull(GoNumbers.atoi("9223372036854775808"));
        assertEquals(Long.MIN_VALUE, GoNumbers.atoi("-9223372036854775808"));
    }
}

package duso.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import duso.lang.values.NumberFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The number layouts behind print/tostring, concatenation and Go's %v, at their edges. */
class NumberFormatTest {

    @ParameterizedTest(name = "display({0}) = {1}")
    @CsvSource({
        "3.0, 3",
        "1e21, 1e+21",
        "1e18, 1000000000000000000",
        "1e19, 1e+19",
        "1e20, 1e+20",
        "0.30000000000000004, 0.30000000000000004",
        "1234567.5, 1.2345675e+06",
        "123456.5, 123456.5",
        "123.5, 123.5",
        "1e-7, 1e-07",
        "0.000123, 0.000123",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "2.5, 2.5",
        "-2.5, -2.5",
        "0.6666666666666666, 0.6666666666666666",
        "-9223372036854775808, -9223372036854775808",
        "1.7976931348623157e308, 1.7976931348623157e+308",
        "4.9e-324, 5e-324",
        "NaN, NaN",
        "Infinity, +Inf",
        "-Infinity, -Inf",
    })
    void display(double value, String expected) {
        assertEquals(expected, NumberFormat.display(value));
    }

    @ParameterizedTest(name = "concat({0}) = {1}")
    @CsvSource({
        "3.0, 3",
        "1e21, 1000000000000000000000",
        "1234567.5, 1234567.5",
        "1e-7, 0.0000001",
        "0.5, 0.5",
        "-0.25, -0.25",
        "1e25, 10000000000000000000000000",
        "NaN, NaN",
        "Infinity, +Inf",
    })
    void concat(double value, String expected) {
        assertEquals(expected, NumberFormat.concat(value));
    }

    @ParameterizedTest(name = "%v({0}) = {1}")
    @CsvSource({
        "42, 42",
        "42.5, 42.5",
        "1000000, 1e+06",
        "123456, 123456",
        "1e21, 1e+21",
        "0, 0",
    })
    void goPercentV(double value, String expected) {
        assertEquals(expected, NumberFormat.formatG(value));
    }

    @org.junit.jupiter.api.Test
    void negativeZero() {
        assertEquals("-0", NumberFormat.display(-0.0));
        assertEquals("0", NumberFormat.concat(-0.0));
        assertEquals("-0", NumberFormat.formatG(-0.0));
    }

    @org.junit.jupiter.api.Test
    void exponentLayouts() {
        assertEquals("1e+21", NumberFormat.formatE(1e21));
        assertEquals("1.5e-07", NumberFormat.formatE(1.5e-7));
        assertEquals("1e+100", NumberFormat.formatE(1e100));
    }
}

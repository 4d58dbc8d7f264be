package duso.runtime.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's time.Parse: accepted inputs, zones, and its error texts word for word. */
class GoTimeParseTest {
    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "2006-01-02T15:04:05Z07:00|2024-01-23T15:30:45Z|1706023845",
        "2006-01-02T15:04:05Z07:00|2024-01-23T15:30:45-01:30|1706029245",
        "2006-01-02T15:04:05-0700|2024-01-23T15:30:45+0100|1706020245",
        "2006-01-02 15:04:05 MST|2024-01-23 15:30:45 PST|1706023845",
        "2006-01-02 15:04:05 MST|2024-01-23 15:30:45 GMT+3|1706023845",
        "2006-01-02 15:04:05|2024-01-23 15:30:45.999|1706023845",
        "2006-01-02 15:04:05.000|2024-01-23 15:30:45.123|1706023845",
        "2006-01-02 15:04:05.999|2024-01-23 15:30:45|1706023845",
        "Jan _2 2006|Jan  3 2024|1704240000",
        "Jan _2 2006|JAN 3 2024|1704240000",
        "January 2 2006|february 29 2024|1709164800",
        "Mon, 02 Jan 06|Tue, 23 Jan 24|1705968000",
        "02 Jan 06|01 Jan 69|-31536000",
        "02 Jan 06|01 Jan 68|3092601600",
        "2006 002|2023 365|1703980800",
        "2006 __2|2024  60|1709164800",
        "3:04PM|12:00AM|-62167219200",
        "2006-01-02  15|2024-01-23 15|1706022000",
        "2006|0000|-62167219200",
    })
    void parses(String layout, String value, long expected) throws Exception {
        assertEquals(expected, GoTimeParse.parse(layout, value));
    }

    @ParameterizedTest(name = "{1} as {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "2006-01-02|2024-1-02|'parsing time \"2024-1-02\" as \"2006-01-02\": cannot parse \"1-02\" as \"01\"'",
        "2006-01-02|2024/01/02|'parsing time \"2024/01/02\" as \"2006-01-02\": cannot parse \"/01/02\" as \"-\"'",
        "2006-01-02|2024-00-02|'parsing time \"2024-00-02\": month out of range'",
        "2006-01-02|2023-02-29|'parsing time \"2023-02-29\": day out of range'",
        "15:04:05|25:00:00|'parsing time \"25:00:00\": hour out of range'",
        "15:04:05|10:00:60|'parsing time \"10:00:60\": second out of range'",
        "2006|2024x|'parsing time \"2024x\": extra text: \"x\"'",
        "Jan 2006|Foo 2024|'parsing time \"Foo 2024\" as \"Jan 2006\": cannot parse \"Foo 2024\" as \"Jan\"'",
        "2006 002|2023 366|'parsing time \"2023 366\": day-of-year out of range'",
        "2006-01 002|2024-03 060|'parsing time \"2024-03 060\": day-of-year does not match month'",
        "-07:00|+25:00|'parsing time \"+25:00\": time zone offset hour out of range'",
        "-0700|x0100|'parsing time \"x0100\" as \"-0700\": cannot parse \"x0100\" as \"-0700\"'",
        "MST|Pacific|'parsing time \"Pacific\" as \"MST\": cannot parse \"Pacific\" as \"MST\"'",
        "2006-01-02|é|'parsing time \"\\xc3\\xa9\" as \"2006-01-02\": cannot parse \"\\xc3\\xa9\" as \"2006\"'",
        "15:04:05.000|10:00:00.12|'parsing time \"10:00:00.12\" as \"15:04:05.000\": cannot parse \".12\" as \".000\"'",
    })
    void reportsGoErrors(String layout, String value, String message) {
        GoTimeParse.Failure f = assertThrows(GoTimeParse.Failure.class, () -> GoTimeParse.parse(layout, value));
        assertEquals(message, f.getMessage());
    }
}

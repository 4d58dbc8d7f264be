package duso.runtime.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Go's encoding/csv Reader and Writer defaults, including error positions. */
class CsvTest {

    private static List<String[]> read(String text) {
        return CsvReader.readAll(text, ',');
    }

    private static String error(String text) {
        return assertThrows(CsvException.class, () -> read(text)).getMessage();
    }

    @Test
    void records() {
        List<String[]> rows = read("a,b\r\n\"c\"\"d\",\"e\r\nf\"\n\n,\n");
        assertEquals(3, rows.size());
        assertArrayEquals(new String[] {"a", "b"}, rows.get(0));
        assertArrayEquals(new String[] {"c\"d", "e\nf"}, rows.get(1));
        assertArrayEquals(new String[] {"", ""}, rows.get(2));
    }

    @Test
    void endOfInput() {
        assertEquals(0, read("").size());
        assertEquals(0, read("\n\r\n").size());
        assertEquals(0, read("\r").size());
        assertArrayEquals(new String[] {"x"}, read("x\r").get(0));
        assertArrayEquals(new String[] {"x\r\ry"}, read("\"x\r\ry\"").get(0));
    }

    @Test
    void quotedFieldEndingAtEndOfInput() {
        assertArrayEquals(new String[] {"a", "b"}, read("\"a\",\"b\"").get(0));
        assertArrayEquals(new String[] {"a\n"}, read("\"a\n\"").get(0));
    }

    @Test
    void errorPositionsAreByteColumns() {
        assertEquals("parse error on line 1, column 6: bare \" in non-quoted-field", error("é,ab\"c"));
        assertEquals("parse error on line 1, column 4: extraneous or missing \" in quoted-field", error("\"é\"x"));
        assertEquals("parse error on line 1, column 5: extraneous or missing \" in quoted-field", error("\"abc"));
        assertEquals("parse error on line 1, column 6: extraneous or missing \" in quoted-field", error("\"abc\n"));
        assertEquals("record on line 1; parse error on line 2, column 3: extraneous or missing \" in quoted-field",
                error("\"abc\nde"));
        assertEquals("record on line 3: wrong number of fields", error("a,b\n\nc"));
    }

    @Test
    void multiByteDelimiter() {
        List<String[]> rows = CsvReader.readAll("a→\"b→c\"→d", '→');
        assertArrayEquals(new String[] {"a", "b→c", "d"}, rows.get(0));
    }

    @Test
    void invalidDelimiters() {
        for (int d : new int[] {0, '"', '\r', '\n', 0xFFFD, 0xD800}) {
            assertEquals("csv: invalid field or comment delimiter",
                    assertThrows(CsvException.class, () -> CsvReader.readAll("a", d)).getMessage());
        }
    }

    @Test
    void writerQuotesOnlyWhenNeeded() {
        CsvWriter w = new CsvWriter(';');
        w.write(new String[] {"a,b", "c;d", "e\"f", "\u00A0x", "\u2003y", "\\.", "", "g\rh"});
        w.write(new String[0]);
        assertEquals("a,b;\"c;d\";\"e\"\"f\";\"\u00A0x\";\"\u2003y\";\"\\.\";;\"g\rh\"\n\n", w.text());
    }
}

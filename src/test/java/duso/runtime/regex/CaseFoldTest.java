package duso.runtime.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The folding search agrees with re2j's (that is, Go's) case-insensitive literal matching. */
class CaseFoldTest {

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource({
        "k, \u212a, true", "s, \u017f, true", "\u03c3, \u03c2, true", "\u03a3, \u03c2, true",
        "\u03b8, \u03d1, true", "\u03b8, \u03f4, true", "\u00b5, \u039c, true", "\u00df, \u1e9e, true",
        "\u01c4, \u01c5, true", "\u03b9, \u0345, true", "\u10d0, \u1c90, true", "\ud801\udc00, \ud801\udc28, true",
        "i, \u0130, false", "I, \u0131, false", "\u00df, ss, false", "a, b, false",
    })
    void matchesLikeRe2(String a, String b, boolean same) {
        boolean re2 = Pattern.compile(quote(a), Pattern.CASE_INSENSITIVE).matcher(b).matches();
        assertEquals(same, re2, "re2j disagrees with the expectation");
        assertEquals(same, CaseFold.matchAt(b, 0, a) == b.length());
    }

    private static String quote(String s) {
        return "\\Q" + s + "\\E";
    }

    @Test
    void everyBmpCodePointFoldsLikeRe2() {
        StringBuilder mismatches = new StringBuilder();
        for (int cp = 0; cp < 0x10000; cp++) {
            if (Character.isSurrogate((char) cp) || Character.getType(cp) == Character.UNASSIGNED
                    || (cp >= 0x1C80 && cp <= 0x1C88)) {
                continue;
            }
            int f = CaseFold.fold(cp);
            if (f == cp) {
                continue;
            }
            String a = new String(Character.toChars(cp));
            String b = new String(Character.toChars(f));
            if (!Pattern.compile(quote(a), Pattern.CASE_INSENSITIVE).matcher(b).matches()) {
                mismatches.append(String.format(" U+%04X", cp));
            }
        }
        assertEquals("", mismatches.toString());
    }

    @Test
    void anchoredForms() {
        assertTrue(CaseFold.startsWith("Stra\u00dfe", "STRA"));
        assertTrue(CaseFold.endsWith("x\u03a3", "\u03c2"));
        assertFalse(CaseFold.endsWith("a", "ab"));
        assertTrue(CaseFold.contains("abc", ""));
        assertEquals(-1, CaseFold.indexOf("abc", "x", 0));
    }
}

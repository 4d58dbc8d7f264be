package duso.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Where $n counts as a placeholder, and what reaches pgjdbc instead. */
class PgPlaceholdersTest {
    @Test
    void eachOccurrenceBecomesAQuestionMarkBoundToItsNumber() {
        PgPlaceholders p = PgPlaceholders.of("SELECT $2 || $1 || $2");
        assertEquals("SELECT ? || ? || ?", p.jdbcSql());
        assertArrayEquals(new int[] {2, 1, 2}, p.occurrences());
        assertEquals(2, p.required());
        assertEquals(-1, p.firstMissing());
        assertEquals(8, p.firstPosition());
    }

    @Test
    void literalQuestionMarksAreDoubledSoPgjdbcSendsThemAsWritten() {
        assertEquals("SELECT j ?? 'a' FROM t WHERE x = ?", PgPlaceholders.of("SELECT j ? 'a' FROM t WHERE x = $1").jdbcSql());
    }

    @Test
    void quotedTextCommentsAndDollarBodiesAreCopiedUnchanged() {
        String sql = "SELECT '$1 ?', E'\\' $1', \"a$1?\", $$ $1 ? $$, $fn$ $2 $fn$ -- $3 ?\n /* $4 /* ? */ */ $1";
        PgPlaceholders p = PgPlaceholders.of(sql);
        assertEquals(sql.substring(0, sql.length() - 2) + "?", p.jdbcSql());
        assertArrayEquals(new int[] {1}, p.occurrences());
    }

    @Test
    void dollarDigitsInsideANameAreNotAPlaceholder() {
        PgPlaceholders p = PgPlaceholders.of("SELECT col$1 FROM t$2");
        assertEquals("SELECT col$1 FROM t$2", p.jdbcSql());
        assertEquals(0, p.required());
    }

    @Test
    void gapsAndDollarZeroAreReported() {
        assertEquals(2, PgPlaceholders.of("SELECT $1, $3").firstMissing());
        assertEquals(0, PgPlaceholders.of("SELECT $0").firstMissing());
        assertEquals(3, PgPlaceholders.of("SELECT $3").required());
    }

    @Test
    void aSecondStatementIsNoticedButATrailingSemicolonOrCommentIsNot() {
        assertTrue(PgPlaceholders.of("SELECT 1; SELECT 2").multipleStatements());
        assertTrue(PgPlaceholders.of("SELECT 1; 'x'").multipleStatements());
        assertFalse(PgPlaceholders.of("SELECT 1;  -- done\n").multipleStatements());
        assertFalse(PgPlaceholders.of("SELECT ';'").multipleStatements());
    }

    @Test
    void positionsCountCharactersNotBytes() {
        assertEquals(13, PgPlaceholders.of("SELECT 'é', $1").firstPosition());
    }
}

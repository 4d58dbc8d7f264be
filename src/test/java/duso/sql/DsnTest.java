package duso.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The Go drivers' connection strings, as JDBC URLs and properties. */
class DsnTest {
    @Test
    void postgresUrlWithEscapesAndSettings() {
        Dsn d = Dsn.postgres("postgres://us%40er:p%2Fw@db.example:6543/my%20db?sslmode=require&search_path=app");
        assertEquals("jdbc:postgresql://db.example:6543/my%20db", d.url());
        assertEquals("us@er", d.props().getProperty("user"));
        assertEquals("p/w", d.props().getProperty("password"));
        assertEquals("require", d.props().getProperty("sslmode"));
        assertEquals("-c search_path=app", d.props().getProperty("options"));
        assertEquals("db.example", d.host());
        assertEquals(6543, d.port());
        assertNull(d.invalid());
    }

    @Test
    void postgresKeyValueWithQuotesAndDefaults() {
        Dsn d = Dsn.postgres("host=::1 user=ann password='it\\'s here' dbname=app");
        assertEquals("jdbc:postgresql://[::1]:5432/app", d.url());
        assertEquals("it's here", d.props().getProperty("password"));
        assertEquals(5432, d.port());
    }

    @Test
    void aMalformedPostgresStringFailsLaterWithLibpqsWords() {
        assertEquals("missing \"=\" after \"oops\" in connection info string", Dsn.postgres("host=x oops").invalid());
    }

    @Test
    void mysqlDsnWithAddressAndParseTime() {
        Dsn d = Dsn.mysql("root:pa:ss@tcp(10.1.2.3:3307)/shop?charset=utf8mb4&parseTime=true");
        assertEquals("jdbc:mariadb://10.1.2.3:3307/shop", d.url());
        assertEquals("root", d.props().getProperty("user"));
        assertEquals("pa:ss", d.props().getProperty("password"));
        assertEquals(3307, d.port());
        assertInstanceOf(MysqlDialect.class, d.dialect());
    }

    @Test
    void mysqlDsnDefaultsToLocalTcp() {
        Dsn d = Dsn.mysql("/shop");
        assertEquals("jdbc:mariadb://127.0.0.1:3306/shop", d.url());
        assertEquals("", d.props().getProperty("user"));
    }

    @Test
    void goTimesWithoutADateAreOnYearZero() {
        assertEquals(-62167219200.0 + 45296, PostgresDialect.timeOfDay("12:34:56"));
        assertEquals(-62167219200.0 + 45296 - 7200, PostgresDialect.timeOfDay("12:34:56.5+02"));
        assertEquals(-62167219200.0 + 45296 + 5400, PostgresDialect.timeOfDay("12:34:56-01:30"));
        assertEquals(-62167219200.0 + 86400, PostgresDialect.timeOfDay("24:00:00"));
    }

    @Test
    void mysqlDatesReadInUtc() {
        assertEquals(1704164645.0, MysqlDialect.unixSeconds("2024-01-02 03:04:05"));
        assertEquals(1704164645.0, MysqlDialect.unixSeconds("2024-01-02 03:04:05.999"));
        assertEquals(1704153600.0, MysqlDialect.unixSeconds("2024-01-02"));
        assertEquals(-62135596800.0, MysqlDialect.unixSeconds("0000-00-00 00:00:00"));
    }
}

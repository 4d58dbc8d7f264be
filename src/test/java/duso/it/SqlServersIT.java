package duso.it;

import duso.golden.GoldenScriptTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * sql() against real servers: a PostgreSQL cluster and a MariaDB server (the MySQL protocol),
 * each started for this class from the machine's packages (see {@link LocalDatabaseServer}).
 * The scripts are {@code src/test/sql/<kind>/*.du} in golden-script format, run in-process with
 * {@code -port N} so they reach the server.
 */
class SqlServersIT {
    static PostgresServer postgres;
    static MariadbServer mariadb;

    @TestFactory
    Stream<DynamicTest> postgres() throws Exception {
        postgres = PostgresServer.start();
        return scripts("postgres", postgres.port);
    }

    @TestFactory
    Stream<DynamicTest> mysql() throws Exception {
        mariadb = MariadbServer.start();
        return scripts("mysql", mariadb.port);
    }

    @AfterAll
    static void stopServers() throws Exception {
        try (LocalDatabaseServer a = postgres; LocalDatabaseServer b = mariadb) {
            // closed in reverse order; either may be null when its start failed
        }
    }

    private static Stream<DynamicTest> scripts(String kind, int port) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/test/sql", kind))) {
            files = s.filter(p -> p.toString().endsWith(".du")).sorted().toList();
        }
        List<String> args = List.of("-port", Integer.toString(port));
        return files.stream().map(p -> DynamicTest.dynamicTest(kind + "/" + p.getFileName(), p.toUri(),
                () -> GoldenScriptTest.check(p, args)));
    }
}

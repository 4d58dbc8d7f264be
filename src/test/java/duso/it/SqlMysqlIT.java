package duso.it;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** sql() against a real MariaDB server (the MySQL protocol) started for this class (see {@link MariadbServer}). */
class SqlMysqlIT {
    static MariadbServer server;

    @BeforeAll
    static void startServer() throws Exception {
        server = MariadbServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> scripts() throws Exception {
        return SqlScripts.against("mysql", server.port);
    }
}

package duso.it;

import java.nio.file.Path;
import java.util.List;

/** A PostgreSQL cluster made with initdb: user duso (SCRAM password), database postgres. */
final class PostgresServer extends LocalDatabaseServer {
    private PostgresServer() throws Exception {
        super("duso-pg-", "postgres");
    }

    static PostgresServer start() throws Exception {
        Path bin = newest(Path.of("/usr/lib/postgresql"), "*", "bin/initdb", "bin/postgres");
        if (bin == null) {
            throw new AssertionError("PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb and"
                    + " postgres): install them with `apt-get install -y postgresql` (.ci/run does this when it can)");
        }
        PostgresServer server = new PostgresServer();
        try {
            Path pw = server.writeFile("pw", PASSWORD + "\n");
            Path data = server.dir.resolve("data");
            server.runSetup(List.of(bin.resolve("bin/initdb").toString(), "-D", data.toString(), "-U", USER,
                    "--pwfile=" + pw, "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"));
            Path log = server.dir.resolve("server.log");
            server.start(List.of(bin.resolve("bin/postgres").toString(), "-D", data.toString(),
                    "-k", server.dir.toString(), "-h", "127.0.0.1", "-p", Integer.toString(server.port),
                    "-c", "fsync=off", "-c", "logging_collector=off", "-c", "log_destination=stderr",
                    "-c", "timezone=UTC"), server.dir.resolve("stdout.log"),
                    "database system is ready to accept connections");
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    @Override
    String stopSignal() {
        return "INT";
    }
}

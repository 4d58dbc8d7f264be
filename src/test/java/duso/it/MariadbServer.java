package duso.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A MariaDB server with a fresh data directory: user duso@127.0.0.1 (password), database app,
 * both made by an init file at start-up.
 */
final class MariadbServer extends LocalDatabaseServer {
    private MariadbServer() throws Exception {
        super("duso-my-", "mysql");
    }

    static MariadbServer start() throws Exception {
        Path server = Path.of("/usr/sbin/mariadbd");
        Path install = Path.of("/usr/bin/mariadb-install-db");
        if (!Files.isExecutable(server) || !Files.isExecutable(install)) {
            throw new AssertionError("MariaDB server not found (/usr/sbin/mariadbd, /usr/bin/mariadb-install-db):"
                    + " install it with `apt-get install -y mariadb-server` (.ci/run does this when it can)");
        }
        MariadbServer s = new MariadbServer();
        try {
            Path data = s.dir.resolve("data");
            List<String> setup = new ArrayList<>(List.of(install.toString(), "--no-defaults",
                    "--datadir=" + data, "--auth-root-authentication-method=normal", "--skip-test-db"));
            if (isRoot()) {
                setup.add("--user=mysql");
            }
            s.runSetup(setup);
            Path init = s.writeFile("init.sql", """
                    CREATE USER 'duso'@'127.0.0.1' IDENTIFIED BY 's3cret';
                    GRANT ALL ON *.* TO 'duso'@'127.0.0.1';
                    CREATE DATABASE app;
                    """);
            Path log = s.dir.resolve("server.log");
            s.start(List.of(server.toString(), "--no-defaults", "--datadir=" + data,
                    "--socket=" + s.dir.resolve("sock"), "--port=" + s.port, "--bind-address=127.0.0.1",
                    "--skip-name-resolve", "--pid-file=" + s.dir.resolve("pid"), "--log-error=" + log,
                    "--init-file=" + init, "--innodb-buffer-pool-size=16M", "--default-time-zone=+00:00"),
                    log, "ready for connections");
            return s;
        } catch (Exception | Error e) {
            s.close();
            throw e;
        }
    }

    @Override
    String stopSignal() {
        return "TERM";
    }
}

package dev.cairn.app.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, for tests that must stop and start the server under a
 * running application (the shared cluster of the PostgreSQL run serves every other test class).
 * It is made as scripts/lib.sh start_postgres makes the shared one: initdb into a temporary folder,
 * 127.0.0.1 and a free port only, local connections trusted, the roles of db/postgresql/roles.sql,
 * and one database {@code cairn} owned by the owner role. Server binaries from {@code CAIRN_PG_BIN}
 * (exported by scripts/lib.sh), else the newest /usr/lib/postgresql/N/bin. As root the server runs
 * as the {@code postgres} user, since PostgreSQL refuses to run as root.
 */
public final class ThrowawayPostgres implements AutoCloseable {

    public static final String DATABASE = "cairn";

    private final Path bin;
    private final Path folder;
    private final int port;
    private final List<String> asPostgres;
    private final Thread removeOnExit;

    private ThrowawayPostgres(Path bin, Path folder, int port, List<String> asPostgres) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgres = asPostgres;
        this.removeOnExit = new Thread(this::close, "throwaway-postgres-stop");
    }

    public static ThrowawayPostgres start() {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path folder = Files.createTempDirectory("cairn-pg-own-");
            List<String> asPostgres = root ? List.of("runuser", "-u", "postgres", "--") : List.of();
            if (root) {
                run(List.of("chown", "postgres", folder.toString()));
            }
            ThrowawayPostgres postgres = new ThrowawayPostgres(findBin(), folder, freePort(), asPostgres);
            Runtime.getRuntime().addShutdownHook(postgres.removeOnExit);
            postgres.initialise();
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JDBC URL of the {@code cairn} database. */
    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public void startServer() {
        run(command(bin.resolve("pg_ctl").toString(), "-D", data(), "-l", folder.resolve("server.log").toString(), "-w",
                "-o", "-h 127.0.0.1 -p " + port + " -k " + folder + " -c fsync=off -c full_page_writes=off", "start"));
    }

    public void stopServer() {
        run(command(bin.resolve("pg_ctl").toString(), "-D", data(), "-m", "fast", "-w", "stop"));
    }

    @Override
    public void close() {
        if (Files.isDirectory(folder.resolve("data"))) {
            try {
                stopServer();
            } catch (IllegalStateException alreadyStopped) {
                // nothing to stop
            }
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
        try {
            Runtime.getRuntime().removeShutdownHook(removeOnExit);
        } catch (IllegalStateException shuttingDown) {
            // called from the hook itself
        }
    }

    private void initialise() throws IOException {
        run(command(bin.resolve("initdb").toString(), "-D", data(), "-U", "postgres", "--auth=trust", "-E", "UTF8",
                "--locale=C.UTF-8"));
        startServer();
        Path roles = folder.resolve("roles.sql");
        try (InputStream script = ThrowawayPostgres.class.getResourceAsStream("/db/postgresql/roles.sql")) {
            if (script == null) {
                throw new IllegalStateException("db/postgresql/roles.sql is not on the test classpath");
            }
            Files.copy(script, roles);
        }
        psql("-v", "owner_password=unused-trust-auth", "-v", "app_password=unused-trust-auth", "-f", roles.toString());
        psql("-c", "CREATE DATABASE " + DATABASE + " OWNER " + PostgresTestDatabase.OWNER_ROLE);
    }

    private void psql(String... arguments) {
        List<String> command = new ArrayList<>(List.of(bin.resolve("psql").toString(), "-q", "-h", "127.0.0.1",
                "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1"));
        command.addAll(List.of(arguments));
        run(command);
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>(asPostgres);
        command.addAll(List.of(arguments));
        return command;
    }

    private String data() {
        return folder.resolve("data").toString();
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path findBin() throws IOException {
        String configured = System.getenv("CAIRN_PG_BIN");
        if (configured != null && Files.isExecutable(Path.of(configured, "initdb"))) {
            return Path.of(configured);
        }
        try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.map(version -> version.resolve("bin")).filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                    .max(Comparator.comparingInt(dir -> Integer.parseInt(dir.getParent().getFileName().toString().replaceAll("\\D", "0"))))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries: set CAIRN_PG_BIN"));
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

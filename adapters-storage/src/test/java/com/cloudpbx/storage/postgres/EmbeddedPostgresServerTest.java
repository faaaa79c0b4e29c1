package com.cloudpbx.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path temp;

    @Test
    void keepsItsDataAcrossARestartOnTheSameDirectory() throws SQLException {
        Path data = temp.resolve("postgres");

        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.start(data)) {
            assertThat(first.jdbcUrl()).endsWith("/" + EmbeddedPostgresServer.DATABASE);
            try (Connection connection = connect(first); Statement sql = connection.createStatement()) {
                sql.execute("CREATE TABLE notes (body text NOT NULL)");
                sql.execute("INSERT INTO notes VALUES ('survives a restart')");
            }
        }

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.start(data);
             Connection connection = connect(second);
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT body FROM notes")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("survives a restart");
            assertThat(second.dataDirectory()).isEqualTo(data.toAbsolutePath());
        }
    }

    @Test
    void flushesEveryCommitToDisk() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("durable"));
             Connection connection = connect(server);
             Statement sql = connection.createStatement()) {
            assertThat(setting(sql, "fsync")).isEqualTo("on");
            assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
        }
    }

    @Test
    void refusesADataDirectoryThatAServerIsStillUsing() {
        Path data = temp.resolve("busy");
        try (EmbeddedPostgresServer running = EmbeddedPostgresServer.start(data)) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(data))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already running");
            assertThat(running.port()).isPositive();
        }
    }

    @Test
    void leavesADirectoryWithOtherContentAlone() throws IOException {
        Path elsewhere = Files.createDirectories(temp.resolve("documents"));
        Files.writeString(elsewhere.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> EmbeddedPostgresServer.start(elsewhere))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not empty");
        assertThat(elsewhere.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void rejectsAnImpossiblePort() {
        assertThatThrownBy(() -> EmbeddedPostgresServer.start(temp.resolve("x"), 70_000))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void saysSoWhenAFixedPortIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(temp.resolve("y"), taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void listensOnTheFixedPortItWasGiven() throws IOException, SQLException {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(temp.resolve("fixed"), port);
             Connection connection = connect(server)) {
            assertThat(server.port()).isEqualTo(port);
            assertThat(server.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/voip");
            assertThat(connection.isValid(2)).isTrue();
        }
    }

    private static String setting(Statement sql, String name) throws SQLException {
        try (ResultSet row = sql.executeQuery("SHOW " + name)) {
            row.next();
            return row.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.user(), server.password());
    }
}

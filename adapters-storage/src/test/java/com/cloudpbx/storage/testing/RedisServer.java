package com.cloudpbx.storage.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A real Redis for tests: the one {@code VOIP_TEST_REDIS_URL} names, else the machine's own on
 * 127.0.0.1:6379 when one answers there, else a {@code redis-server} started on a free port (and
 * stopped at exit). Tests share it and keep apart by key prefix ({@link #uniquePrefix()}). A test
 * that stops and restarts Redis takes a server of its own ({@link #startOwn()}).
 */
public final class RedisServer implements AutoCloseable {

    private static final Object SHARED_LOCK = new Object();
    private static RedisServer shared;

    private final String host;
    private final int port;
    private final boolean owned;
    private final String password;
    private Process process;

    private RedisServer(String host, int port, boolean owned, String password) {
        this.host = host;
        this.port = port;
        this.owned = owned;
        this.password = password;
    }

    /** The Redis every test of this JVM shares. */
    public static RedisServer shared() {
        synchronized (SHARED_LOCK) {
            if (shared == null) {
                shared = locate();
            }
            return shared;
        }
    }

    /** A redis-server process of the caller's own, on a free port, stopped by {@link #close()}. */
    public static RedisServer startOwn() {
        return startOwn(null);
    }

    /** As {@link #startOwn()}, asking clients for the password (null: none). */
    public static RedisServer startOwn(String password) {
        RedisServer server = new RedisServer("127.0.0.1", freePort(), true, password);
        server.start();
        return server;
    }

    public String url() {
        return "redis://" + (password == null ? "" : ":" + password + "@") + host + ":" + port;
    }

    public int port() {
        return port;
    }

    /** A key prefix no other test uses. */
    public static String uniquePrefix() {
        return "test-" + UUID.randomUUID().toString().substring(0, 12);
    }

    /** Starts (again) this server's own process, on the same port. */
    public void start() {
        requireOwned();
        try {
            List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port),
                    "--bind", host, "--save", "", "--appendonly", "no", "--protected-mode", "no"));
            if (password != null) {
                command.addAll(List.of("--requirepass", password));
            }
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server is not installed (Debian: apt-get install redis-server)", e);
        }
        awaitAnswering(true);
    }

    /** Stops this server's own process, as a crash would. */
    public void stop() {
        requireOwned();
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
        awaitAnswering(false);
    }

    @Override
    public void close() {
        if (owned) {
            stop();
        }
    }

    private static RedisServer locate() {
        String url = System.getenv("VOIP_TEST_REDIS_URL");
        if (url != null && !url.isBlank()) {
            var uri = URI.create(url.strip());
            return new RedisServer(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), false, null);
        }
        if (answers("127.0.0.1", 6379)) {
            return new RedisServer("127.0.0.1", 6379, false, null);
        }
        RedisServer started = startOwn();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "test-redis-stop"));
        return started;
    }

    private void requireOwned() {
        if (!owned) {
            throw new IllegalStateException("only a server started by startOwn() can be stopped or started");
        }
    }

    private void awaitAnswering(boolean expected) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (answers(host, port) != expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Redis on " + host + ":" + port + (expected ? " did not start" : " did not stop"));
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 200);
            socket.setSoTimeout(500);
            socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] reply = new byte[7];
            int read = socket.getInputStream().read(reply);
            // '+PONG', or '-NOAUTH' from a server that wants a password: either way it answers.
            return read > 0 && (reply[0] == '+' || reply[0] == '-');
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

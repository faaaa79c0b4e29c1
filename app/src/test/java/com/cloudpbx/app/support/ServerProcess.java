package com.cloudpbx.app.support;

import com.cloudpbx.app.VoipServer;
import io.micronaut.json.JsonMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The server as an operator runs it: its own JVM, configured by environment variables, with its
 * console (stdout and stderr) captured in a file. It is the built jar ({@code java -jar}) when the
 * system property {@value #JAR_PROPERTY} names one (the integration-test phase, after packaging),
 * otherwise {@link VoipServer#main} on this build's runtime classpath. Stopping it is the test's business:
 * {@link #sigterm()} as an orchestrator would; {@link #close()} only kills what is left.
 */
public final class ServerProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    /** The path of the packaged server jar, set for tests that run after packaging. */
    public static final String JAR_PROPERTY = "voip.server.jar";

    private final Process process;
    private final Path console;
    private final int port;
    private final JsonHttp http = new JsonHttp(JsonMapper.createDefault());

    private ServerProcess(Process process, Path console, int port) {
        this.process = process;
        this.console = console;
        this.port = port;
    }

    /** Starts the server on embedded defaults in {@code dataDir} and waits until /health answers. */
    public static ServerProcess start(Path dataDir, Map<String, String> env, Path console) {
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(command());
        builder.environment().keySet().removeIf(name -> name.startsWith("VOIP_") || name.startsWith("MICRONAUT_"));
        builder.environment().putAll(env);
        builder.environment().put("VOIP_DATA_DIR", dataDir.toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        builder.redirectErrorStream(true).redirectOutput(console.toFile());
        try {
            ServerProcess server = new ServerProcess(builder.start(), console, port);
            server.awaitHealthy();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    /** Everything the server printed so far. */
    public String console() {
        try {
            return Files.readString(console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends SIGTERM, as {@code kill <pid>}, {@code systemctl stop} and every orchestrator do first. */
    public void sigterm() {
        process.destroy();
    }

    /** The exit code, once the process has ended within {@code limit}; empty if it is still running. */
    public Optional<Integer> awaitExit(Duration limit) {
        try {
            return process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)
                    ? Optional.of(process.exitValue())
                    : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Sends a request; {@code body} as JSON when not null; headers as name/value pairs. */
    public Response send(String method, String path, Object body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, http.jsonBody(body));
        }
        return http.send(request);
    }

    /** Kills the process at once, as {@code kill -9} does: nothing of it runs another instruction. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    /** Kills the process if it is still there (with its database left to the data directory's next start). */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(10));
        }
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited with " + process.exitValue() + " while starting:\n"
                        + console());
            }
            try {
                if (send("GET", "/health", null).status() == 200) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // Still starting.
            }
            sleep(Duration.ofMillis(250));
        }
        close();
        throw new AssertionError("the server did not answer /health within " + STARTUP + ":\n" + console());
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This test run's classpath without the test classes, whose logback-test.xml would replace the server's own. */
    private static List<String> command() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar != null && !jar.isBlank()) {
            if (!Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException(JAR_PROPERTY + " names " + jar + ", which is not a file");
            }
            return List.of(javaExecutable(), "-jar", jar);
        }
        return List.of(javaExecutable(), "-cp", runtimeClasspath(), VoipServer.class.getName());
    }

    private static String runtimeClasspath() {
        List<String> entries = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
        return entries.stream()
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes" + File.separator)
                        && !entry.endsWith("-tests.jar"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

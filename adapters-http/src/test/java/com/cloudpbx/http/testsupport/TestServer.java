package com.cloudpbx.http.testsupport;

import com.cloudpbx.http.errors.ApiError;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An embedded server built from adapters-http alone (plus the test controllers), and a plain JDK
 * HTTP client: the tests need to send bodies and headers no well-behaved client would.
 */
public final class TestServer implements AutoCloseable {

    private final EmbeddedServer server;
    private final HttpClient client = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private TestServer(EmbeddedServer server) {
        this.server = server;
    }

    public static TestServer start() {
        return start(Map.of());
    }

    public static TestServer start(Map<String, Object> properties) {
        ApplicationContext context = ApplicationContext.builder()
            .environments("test")
            .properties(properties)
            .beanConfigurations(new InfrastructureOnly())
            .start();
        return new TestServer(context.getBean(EmbeddedServer.class).start());
    }

    public ApplicationContext context() {
        return server.getApplicationContext();
    }

    public int port() {
        return server.getPort();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10));
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
    }

    public ApiError error(HttpResponse<String> response) {
        try {
            return context().getBean(ObjectMapper.class).readValue(response.body(), ApiError.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Not an ApiError body: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        server.getApplicationContext().close();
    }
}

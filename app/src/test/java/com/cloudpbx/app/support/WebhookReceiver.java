package com.cloudpbx.app.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A webhook receiver on the loopback, as a CRM runs one: it keeps every request it gets (headers,
 * raw body, when) and answers each with the status its script gives — 200 unless told otherwise.
 */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Received, Integer> script = request -> 200;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            var receiver = new WebhookReceiver(server);
            server.createContext("/", receiver::handle);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks/voip";
    }

    /** From now on, each request is answered with the status the script gives it. */
    public void answer(Function<Received, Integer> script) {
        this.script = script;
    }

    public List<Received> received() {
        return new ArrayList<>(received);
    }

    public List<Received> received(String event) {
        return received.stream().filter(r -> event.equals(r.header("X-Webhook-Event"))).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, String.join(",", values)));
            var asked = new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body,
                    Instant.now(), System.nanoTime(), 0);
            int status = script.apply(asked);
            received.add(asked.answered(status));
            byte[] answer = ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** One request as the receiver got it. */
    public record Received(String method, String path, Map<String, String> headers, byte[] body, Instant at,
                           long atNanos, int answeredWith) {

        Received answered(int status) {
            return new Received(method, path, headers, body, at, atNanos, status);
        }

        public String header(String name) {
            return headers.get(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}

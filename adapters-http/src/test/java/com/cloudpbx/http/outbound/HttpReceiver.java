package com.cloudpbx.http.outbound;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** A real HTTP receiver on the loopback: records each request and answers as the test scripts it. */
final class HttpReceiver implements AutoCloseable {

    /** A request as it arrived. */
    record Received(String method, String path, Headers headers, byte[] body) {
    }

    /** An answer: status, headers, body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private HttpReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    static HttpReceiver start() {
        return new HttpReceiver();
    }

    /** Answers requests to {@code path} so. */
    HttpReceiver answer(String path, Answer answer) {
        server.createContext(path, exchange -> respond(exchange, answer));
        return this;
    }

    HttpReceiver answer(String path, int status, String body) {
        return answer(path, new Answer(status, Map.of(), body));
    }

    private void respond(HttpExchange exchange, Answer answer) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders(), body));
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                exchange.getResponseBody().write(out);
            }
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> receivedAt(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package com.cloudpbx.app.support;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A client of the {@code /ws} events socket (java.net.http) that keeps every message it receives,
 * each with the {@link System#nanoTime()} it arrived at.
 */
public final class EventSocket implements WebSocket.Listener, AutoCloseable {

    /** A message as received: its text, parsed JSON and arrival time. */
    public record Received(String text, Map<String, Object> message, long arrivedAtNanos) {
    }

    private final JsonMapper json;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    private EventSocket(JsonMapper json) {
        this.json = json;
    }

    /** Opens {@code /ws} with the given query string (such as {@code "?token=..."}). */
    public static EventSocket open(ApiServer api, String query) throws Exception {
        EventSocket listener = new EventSocket(api.bean(JsonMapper.class));
        URI uri = URI.create(api.baseUrl().replaceFirst("^http", "ws") + "/ws" + query);
        listener.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, listener)
                .get(Eventually.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return listener;
    }

    /** Opens the socket with {@code credential}'s token or key and waits for the {@code connected} message. */
    public static EventSocket connected(ApiServer api, Credential credential) throws Exception {
        String secret = credential.token() != null ? credential.token() : credential.apiKey();
        EventSocket socket = open(api, "?token=" + secret);
        socket.await(e -> "connected".equals(e.get("type")));
        return socket;
    }

    public Map<String, Object> await(Predicate<Map<String, Object>> wanted) {
        return Eventually.value(() -> received.stream().map(Received::message).filter(wanted).findFirst());
    }

    public List<Map<String, Object>> messages() {
        return received.stream().map(Received::message).toList();
    }

    /** The messages as the server sent them, for checks on the wire text itself. */
    public List<String> raw() {
        return received.stream().map(Received::text).toList();
    }

    /** Sends a text frame, such as the first-message authentication. */
    public void send(String text) throws Exception {
        socket.sendText(text, true).get(Eventually.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public CompletableFuture<Integer> closeCode() {
        return closeCode;
    }

    /** A call event of {@code type} about the leg {@code legUuid}. */
    public static Predicate<Map<String, Object>> callEvent(String type, String legUuid) {
        return e -> type.equals(e.get("type")) && legUuid.equals(data(e).get("call_uuid"));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> data(Map<String, Object> event) {
        Object data = event.get("data");
        return data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        synchronized (partial) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received.add(new Received(text, parse(text), System.nanoTime()));
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    private Map<String, Object> parse(String text) {
        try {
            return json.readValue(text, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            Map<String, Object> unreadable = new HashMap<>();
            unreadable.put("type", "unreadable");
            unreadable.put("text", text);
            return unreadable;
        }
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(2, TimeUnit.SECONDS)
                    .exceptionally(ignored -> null);
        }
    }
}

package com.cloudpbx.app.e2e.attacks;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Response;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * An attacker's HTTP client: sends whatever headers it likes, forwarding headers included, to the
 * real server over real TCP (from 127.0.0.1).
 */
final class Outsider {

    private final ApiServer api;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Outsider(ApiServer api) {
        this.api = api;
        this.json = api.bean(JsonMapper.class);
    }

    Response post(String path, Map<String, ?> body, Map<String, String> headers) {
        try {
            return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .header("Content-Type", "application/json"), headers);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET(), headers);
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json");
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Object parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, Argument.OBJECT_ARGUMENT);
        } catch (IOException notJson) {
            return null;
        }
    }
}

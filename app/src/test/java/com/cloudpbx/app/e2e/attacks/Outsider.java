package com.cloudpbx.app.e2e.attacks;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.JsonHttp;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Map;

/**
 * An attacker's HTTP client: sends whatever headers it likes, forwarding headers included, to the
 * real server over real TCP (from 127.0.0.1).
 */
final class Outsider {

    private final ApiServer api;
    private final JsonHttp http;

    Outsider(ApiServer api) {
        this.api = api;
        this.http = new JsonHttp(api.bean(JsonMapper.class));
    }

    Response post(String path, Map<String, ?> body, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .POST(http.jsonBody(body))
                .header("Content-Type", "application/json"), headers);
    }

    Response get(String path, Map<String, String> headers) {
        return send(HttpRequest.newBuilder(URI.create(api.baseUrl() + path)).GET(), headers);
    }

    private Response send(HttpRequest.Builder request, Map<String, String> headers) {
        request.header("Accept", "application/json");
        headers.forEach(request::header);
        return http.send(request);
    }
}

package com.cloudpbx.app.bench;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/**
 * Not a test: run it with {@code bench/presence.sh}. Starts the server in-process on a fresh
 * database (simulated switch), gives one tenant {@code extensions} extensions (written straight to
 * the database: creating them through the API would time the creation, not presence), then times
 * {@code requests} sequential {@code GET /api/presence} and {@code /api/presence/detailed} as the
 * tenant's admin, after {@code warmup} untimed ones, and prints p50, p99 and the maximum in
 * milliseconds, from the request sent to the whole body read.
 */
public final class PresenceBenchmark {

    private PresenceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("extensions", "10000", "requests", "500",
                "warmup", "100"));
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !settings.containsKey(pair[0])) {
                throw new IllegalArgumentException("Unknown setting " + arg + "; known: " + settings.keySet());
            }
            settings.put(pair[0], pair[1]);
        }
        int extensions = Integer.parseInt(settings.get("extensions"));
        int requests = Integer.parseInt(settings.get("requests"));
        int warmup = Integer.parseInt(settings.get("warmup"));
        System.out.println("settings: " + settings);
        try (ApiServer api = ApiServer.start()) {
            TenantFixture tenant = new Platform(api).tenant();
            seed(api, tenant, extensions);
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] {"/api/presence", "/api/presence/detailed"}) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                        .header("Authorization", "Bearer " + tenant.admin().token()).GET().build();
                for (int i = 0; i < warmup; i++) {
                    send(client, request);
                }
                long[] micros = new long[requests];
                int bytes = 0;
                for (int i = 0; i < requests; i++) {
                    long start = System.nanoTime();
                    bytes = send(client, request);
                    micros[i] = (System.nanoTime() - start) / 1_000;
                }
                Arrays.sort(micros);
                System.out.printf("GET %s, %d extensions (%d bytes): p50 %.1f ms, p99 %.1f ms, max %.1f ms "
                                + "over %d requests%n", path, extensions, bytes, micros[requests / 2] / 1000.0,
                        micros[(int) Math.min(requests - 1, Math.ceil(requests * 0.99) - 1)] / 1000.0,
                        micros[requests - 1] / 1000.0, requests);
            }
        }
        System.exit(0);
    }

    private static int send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + request.uri() + " answered " + response.statusCode());
        }
        return response.body().length;
    }

    /** The extensions in one statement; the simulated switch counts each one registered. */
    private static void seed(ApiServer api, TenantFixture tenant, int extensions) throws Exception {
        try (Connection connection = api.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO extensions "
                     + "(id, tenant_id, number, display_name, sip_password_enc) SELECT gen_random_uuid(), ?, "
                     + "(100000 + i)::text, 'Ext ' || i, 'v1:cipher' FROM generate_series(0, ? - 1) AS i")) {
            insert.setObject(1, UUID.fromString(tenant.id()));
            insert.setInt(2, extensions);
            insert.executeUpdate();
        }
        System.out.printf("setup: tenant with %d extensions%n", extensions);
    }
}

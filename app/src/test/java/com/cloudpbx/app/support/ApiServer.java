package com.cloudpbx.app.support;

import com.cloudpbx.app.ServerLauncher;
import com.cloudpbx.app.ServerLauncher.RunningServer;
import com.cloudpbx.storage.testing.TestDatabase;
import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

/**
 * The real server on a random port, over its own fresh PostgreSQL database, spoken to over real
 * HTTP. Tests get it through {@link #start} and close it when done.
 */
public final class ApiServer implements AutoCloseable {

    public static final String SUPERADMIN_EMAIL = "root@platform.test";
    public static final String SUPERADMIN_PASSWORD = "superadmin-password-1";
    public static final String JWT_SECRET = "test-jwt-secret-which-is-long-enough-0123456789";
    public static final String SECRET_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    public static final String TURN_SECRET = "coturn-shared-secret";

    private final RunningServer running;
    private final TestDatabase.Database database;
    private final JsonHttp http;

    private ApiServer(RunningServer running, TestDatabase.Database database) {
        this.running = running;
        this.database = database;
        this.http = new JsonHttp(running.context().getBean(JsonMapper.class));
    }

    public static ApiServer start() {
        return start(Map.of());
    }

    public static ApiServer start(Map<String, Object> overrides) {
        return start(TestDatabase.freshDatabase(), overrides);
    }

    /** A server over a database the test owns, e.g. one it stops and starts again or reaches through a {@link TcpProxy}. */
    public static ApiServer start(TestDatabase.Database database, Map<String, Object> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("VOIP_DB_URL", database.jdbcUrl());
        env.put("VOIP_DB_USER", database.user());
        env.put("VOIP_DB_PASSWORD", database.password());
        env.put("VOIP_JWT_SECRET", JWT_SECRET);
        env.put("VOIP_SECRET_KEY", SECRET_KEY);
        env.put("VOIP_SUPERADMIN_EMAIL", SUPERADMIN_EMAIL);
        env.put("VOIP_SUPERADMIN_PASSWORD", SUPERADMIN_PASSWORD);
        env.put("VOIP_SIP_DOMAIN_SUFFIX", "sip.test");
        env.put("VOIP_TURN_SECRET", TURN_SECRET);
        env.put("VOIP_TURN_URLS", "turn:127.0.0.1:3478?transport=udp,turns:127.0.0.1:5349?transport=tcp");
        Map<String, Object> properties = new HashMap<>();
        properties.put("micronaut.server.port", -1);
        properties.put("voip.bcrypt.cost", 4);
        properties.put("voip.login.attempts-per-address-per-minute", 100_000);
        properties.put("voip.login.attempts-per-account-per-minute", 1_000);
        properties.put("voip.auth.standing-cache-seconds", 0);
        properties.putAll(overrides);
        return new ApiServer(ServerLauncher.launch(env, properties), database);
    }

    /**
     * The environment of a server process (see {@link ServerProcess}) on this database with the
     * credentials every test server uses, to which a test adds its own settings.
     */
    public static Map<String, String> processEnvironment(TestDatabase.Database database) {
        Map<String, String> env = new HashMap<>();
        env.put("VOIP_DB_URL", database.jdbcUrl());
        env.put("VOIP_DB_USER", database.user());
        env.put("VOIP_DB_PASSWORD", database.password());
        env.put("VOIP_JWT_SECRET", JWT_SECRET);
        env.put("VOIP_SECRET_KEY", SECRET_KEY);
        env.put("VOIP_SUPERADMIN_EMAIL", SUPERADMIN_EMAIL);
        env.put("VOIP_SUPERADMIN_PASSWORD", SUPERADMIN_PASSWORD);
        env.put("VOIP_SIP_DOMAIN_SUFFIX", "sip.test");
        env.put("VOIP_BCRYPT_COST", "4");
        return env;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + running.server().getPort();
    }

    public TestDatabase.Database database() {
        return database;
    }

    public <T> T bean(Class<T> type) {
        return running.context().getBean(type);
    }

    public boolean hasBean(Class<?> type) {
        return running.context().containsBean(type);
    }

    public Response get(String path, Credential credential) {
        return send("GET", path, null, credential, "application/json");
    }

    public Response delete(String path, Credential credential) {
        return send("DELETE", path, null, credential, "application/json");
    }

    public Response post(String path, Object body, Credential credential) {
        return send("POST", path, body, credential, "application/json");
    }

    public Response put(String path, Object body, Credential credential) {
        return send("PUT", path, body, credential, "application/json");
    }

    /** Sends {@code body} as is when it is a String, otherwise as JSON. */
    public Response send(String method, String path, Object body, Credential credential, String contentType) {
        var request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        request.header("Accept", "application/json");
        if (credential.apiKey() != null) {
            request.header("X-API-Key", credential.apiKey());
        }
        if (credential.token() != null) {
            request.header("Authorization", "Bearer " + credential.token());
        }
        if (credential.tenantId() != null) {
            request.header("X-Tenant-ID", credential.tenantId());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", contentType);
            request.method(method, body instanceof String text
                    ? HttpRequest.BodyPublishers.ofString(text)
                    : http.jsonBody(body));
        }
        return http.send(request);
    }

    @Override
    public void close() {
        running.close();
    }
}

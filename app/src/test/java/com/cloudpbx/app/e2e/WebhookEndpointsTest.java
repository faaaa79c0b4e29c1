package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The webhook routes over real HTTP, with a real receiver: a JDK HTTP server on 127.0.0.1 that answers
 * 200 ("thanks") on paths under {@code /ok/}, 500 on paths under {@code /broken/}, and whatever a test
 * sets for a path of its own, and keeps every request it got. The server lets webhooks reach private
 * addresses and the receiver's port only, so a URL on any other port is refused.
 */
class WebhookEndpointsTest {

    private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z";

    private static HttpServer receiver;
    private static ExecutorService receiverThreads;
    private static final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private static final Map<String, Integer> statusByPath = new ConcurrentHashMap<>();
    private static ApiServer api;
    private static Platform platform;
    private static JsonMapper json;

    /** One request the receiver got; header names lower-cased. */
    record Received(String path, Map<String, String> headers, String body) {
    }

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiverThreads = Executors.newFixedThreadPool(4);
        receiver.setExecutor(receiverThreads);
        receiver.createContext("/", WebhookEndpointsTest::receive);
        receiver.start();
        api = ApiServer.start(Map.of("voip.webhooks.allow-private-targets", true,
                "voip.webhooks.allowed-ports", String.valueOf(receiverPort())));
        platform = new Platform(api);
        json = api.bean(JsonMapper.class);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        if (receiver != null) {
            receiver.stop(0);
            receiverThreads.shutdownNow();
        }
    }

    private static void receive(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        received.add(new Received(path, headers, body));
        int status = statusByPath.getOrDefault(path, path.startsWith("/broken/") ? 500 : 200);
        byte[] answer = (status < 300 ? "thanks" : "receiver broke: database down").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private static int receiverPort() {
        return receiver.getAddress().getPort();
    }

    private static String receiverUrl(String path) {
        return "http://127.0.0.1:" + receiverPort() + path;
    }

    private static String okUrl() {
        return receiverUrl("/ok/" + UUID.randomUUID());
    }

    private static List<Received> receivedAt(String url) {
        String path = url.substring(url.indexOf('/', "http://".length()));
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    // ---- CRUD ------------------------------------------------------------------------------------

    @Test
    void aCreatedWebhookCarriesEveryFieldAndItsSecretOnce() {
        TenantFixture acme = platform.tenant();
        String url = okUrl();

        Response created = create(acme.admin(), Map.of("name", "CRM Call Logger", "url", url,
                "events", List.of("call.start", "call.end"), "headers", Map.of("X-Api-Token", "tok-123"),
                "maxRetries", 3, "retryDelaySeconds", 30, "active", true));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Map<String, Object> webhook = created.object("webhook");
        assertThat(webhook.get("id").toString()).matches("[0-9a-f-]{36}");
        assertThat(webhook).containsEntry("tenant_id", acme.id()).containsEntry("name", "CRM Call Logger")
                .containsEntry("url", url).containsEntry("events", List.of("call.start", "call.end"))
                .containsEntry("active", true).containsEntry("hasSecret", true)
                .containsEntry("headers", Map.of("X-Api-Token", "tok-123")).containsEntry("max_retries", 3)
                .containsEntry("retry_delay_seconds", 30).containsEntry("failing_since", null)
                .containsEntry("disabled_reason", null).containsEntry("disabled_at", null)
                .containsEntry("previous_secret_expires_at", null).doesNotContainKey("tenants");
        assertThat(webhook.get("created_at").toString()).matches(ISO_UTC);
        assertThat(webhook.get("updated_at").toString()).matches(ISO_UTC);
        String secret = webhook.get("secret").toString();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);
    }

    @Test
    void theSecretIsNeverShownAfterCreate() {
        TenantFixture acme = platform.tenant();
        Response created = create(acme.admin(), webhook("Logger", okUrl()));
        String id = created.string("webhook.id");
        String secret = created.string("webhook.secret");

        Response got = api.get("/api/webhooks/" + id, acme.admin());
        Response listed = api.get("/api/webhooks", acme.admin());
        Response updated = api.put("/api/webhooks/" + id, Map.of("name", "Renamed"), acme.admin());

        for (Response response : List.of(got, listed, updated)) {
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.text()).doesNotContain(secret).doesNotContain("\"secret\"");
        }
        assertThat(got.at("webhook.hasSecret")).isEqualTo(true);
        assertThat(listed.list("webhooks")).singleElement()
                .satisfies(w -> assertThat(w).containsEntry("hasSecret", true).containsEntry("id", id));
    }

    @Test
    void aListNamesEverySupportedEventButTheTestOne() {
        TenantFixture acme = platform.tenant();

        Response listed = api.get("/api/webhooks", acme.admin());

        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.list("webhooks")).isEmpty();
        assertThat(listed.at("supportedEvents")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .contains("call.start", "call.answer", "call.end", "voicemail.received", "recording.ready",
                        "presence.change", "queue.agent.login")
                .doesNotContain("webhook.test").doesNotHaveDuplicates();
    }

    @Test
    void defaultsAreFiveRetriesSixtySecondsActiveAndNoHeaders() {
        TenantFixture acme = platform.tenant();

        Response created = create(acme.admin(), Map.of("name", "Minimal", "url", okUrl(),
                "events", List.of("call.end")));

        assertThat(created.object("webhook")).containsEntry("max_retries", 5).containsEntry("retry_delay_seconds", 60)
                .containsEntry("active", true).containsEntry("headers", Map.of());
    }

    @Test
    void anUpdateChangesEveryFieldSent() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");
        String newUrl = okUrl();

        Response updated = api.put("/api/webhooks/" + id, Map.of("name", "Ticketing", "url", newUrl,
                "events", List.of("voicemail.received"), "headers", Map.of("Authorization", "Bearer abc"),
                "maxRetries", 0, "retryDelaySeconds", 3600, "active", false), acme.admin());

        assertThat(updated.status()).as(updated.text()).isEqualTo(200);
        assertThat(updated.string("message")).isEqualTo("Webhook updated");
        assertThat(updated.object("webhook")).containsEntry("name", "Ticketing").containsEntry("url", newUrl)
                .containsEntry("events", List.of("voicemail.received"))
                .containsEntry("headers", Map.of("Authorization", "Bearer abc")).containsEntry("max_retries", 0)
                .containsEntry("retry_delay_seconds", 3600).containsEntry("active", false)
                .doesNotContainKey("secret");
        assertThat(api.get("/api/webhooks/" + id, acme.admin()).object("webhook"))
                .isEqualTo(updated.object("webhook"));
    }

    @Test
    void anUpdateLeavesTheFieldsNotSentAlone() {
        TenantFixture acme = platform.tenant();
        Map<String, Object> before = create(acme.admin(), webhook("Logger", okUrl())).object("webhook");

        Response updated = api.put("/api/webhooks/" + before.get("id"), Map.of("name", "Renamed"), acme.admin());

        Map<String, Object> after = updated.object("webhook");
        assertThat(after.get("name")).isEqualTo("Renamed");
        for (String kept : List.of("url", "events", "headers", "max_retries", "retry_delay_seconds", "active",
                "created_at")) {
            assertThat(after.get(kept)).as(kept).isEqualTo(before.get(kept));
        }
    }

    @Test
    void nullHeadersInAnUpdateClearThem() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");
        Map<String, Object> body = new HashMap<>();
        body.put("headers", null);

        Response updated = api.put("/api/webhooks/" + id, body, acme.admin());

        assertThat(updated.object("webhook")).containsEntry("headers", Map.of());
    }

    @Test
    void aDeletedWebhookIsGone() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");

        Response deleted = api.delete("/api/webhooks/" + id, acme.admin());

        assertThat(deleted.status()).as(deleted.text()).isEqualTo(200);
        assertThat(deleted.string("message")).contains("Logger").contains("deleted");
        assertThat(api.get("/api/webhooks/" + id, acme.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/webhooks", acme.admin()).list("webhooks")).isEmpty();
    }

    // ---- validation ------------------------------------------------------------------------------

    static Stream<Arguments> invalidCreates() {
        return Stream.of(
                Arguments.of("a URL that is no URL", Map.of("url", "not a url"), "url"),
                Arguments.of("an ftp URL", Map.of("url", "ftp://127.0.0.1/hooks"), "url"),
                Arguments.of("a port not open to webhooks", Map.of("url", "http://127.0.0.1:22/hooks"), "url"),
                Arguments.of("credentials in the URL", Map.of("url", "https://user:pw@hooks.example.com/"), "url"),
                Arguments.of("an unknown event", Map.of("events", List.of("call.start", "call.exploded")), "events"),
                Arguments.of("the test event", Map.of("events", List.of("webhook.test")), "events"),
                Arguments.of("no events", Map.of("events", List.of()), "events"),
                Arguments.of("events that are no list", Map.of("events", "call.start"), "events"),
                Arguments.of("a reserved custom header", Map.of("headers", Map.of("X-Webhook-Signature", "forged")),
                        "headers"),
                Arguments.of("a Standard Webhooks header", Map.of("headers", Map.of("webhook-id", "mine")), "headers"),
                Arguments.of("a header value that is no string", Map.of("headers", Map.of("X-Count", 3)), "headers"),
                Arguments.of("a header value with a line break",
                        Map.of("headers", Map.of("X-Token", "a\r\nX-Injected: 1")), "headers"),
                Arguments.of("maxRetries over 20", Map.of("maxRetries", 21), "maxRetries"),
                Arguments.of("negative maxRetries", Map.of("maxRetries", -1), "maxRetries"),
                Arguments.of("maxRetries that is no number", Map.of("maxRetries", "five"), "maxRetries"),
                Arguments.of("retryDelaySeconds of 0", Map.of("retryDelaySeconds", 0), "retryDelaySeconds"),
                Arguments.of("retryDelaySeconds over an hour", Map.of("retryDelaySeconds", 3601), "retryDelaySeconds"),
                Arguments.of("a blank name", Map.of("name", "  "), "name"),
                Arguments.of("a name over 100 characters", Map.of("name", "n".repeat(101)), "name"),
                Arguments.of("a secret too short", Map.of("secret", "short"), "secret"),
                Arguments.of("a whsec_ secret of 8 bytes",
                        Map.of("secret", "whsec_" + Base64.getEncoder().encodeToString(new byte[8])), "secret"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCreates")
    void anInvalidCreateIsA400NamingTheField(String what, Map<String, Object> change, String field) {
        TenantFixture acme = platform.tenant();
        Map<String, Object> body = new HashMap<>(webhook("Logger", okUrl()));
        body.putAll(change);

        Response refused = create(acme.admin(), body);

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.string("error")).isNotBlank();
        assertThat(refused.string("details.0.field")).isEqualTo(field);
        assertThat(refused.string("details.0.message")).isNotBlank();
        assertThat(api.get("/api/webhooks", acme.admin()).list("webhooks")).isEmpty();
    }

    @Test
    void aPortNotOpenIsRefusedNamingThePortsAllowed() {
        TenantFixture acme = platform.tenant();

        Response refused = create(acme.admin(), webhook("Logger", "http://127.0.0.1:22/hooks"));

        assertThat(refused.string("details.0.message")).contains("22").contains(String.valueOf(receiverPort()));
    }

    @Test
    void aNameTakenInAnyCaseIsADuplicate() {
        TenantFixture acme = platform.tenant();
        create(acme.admin(), webhook("CRM Logger", okUrl()));

        Response duplicate = create(acme.admin(), webhook("crm logger", okUrl()));

        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(duplicate.string("error")).contains("crm logger");
    }

    @Test
    void renamingToATakenNameIsADuplicate() {
        TenantFixture acme = platform.tenant();
        create(acme.admin(), webhook("CRM Logger", okUrl()));
        String id = create(acme.admin(), webhook("Ticketing", okUrl())).string("webhook.id");

        Response duplicate = api.put("/api/webhooks/" + id, Map.of("name", "CRM LOGGER"), acme.admin());

        assertThat(duplicate.status()).as(duplicate.text()).isEqualTo(400);
        assertThat(duplicate.string("code")).isEqualTo("DUPLICATE");
        assertThat(api.get("/api/webhooks/" + id, acme.admin()).string("webhook.name")).isEqualTo("Ticketing");
    }

    @Test
    void theSameNameInAnotherTenantIsNoDuplicate() {
        TenantFixture acme = platform.tenant();
        TenantFixture globex = platform.tenant();
        create(acme.admin(), webhook("CRM Logger", okUrl()));

        assertThat(create(globex.admin(), webhook("CRM Logger", okUrl())).status()).isEqualTo(201);
    }

    @Test
    void aSecretInAnUpdateIsRefusedPointingToRotateSecret() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");

        Response refused = api.put("/api/webhooks/" + id, Map.of("name", "Renamed", "secret", "x".repeat(32)),
                acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("secret");
        assertThat(refused.string("details.0.message")).contains("rotate-secret");
        assertThat(api.get("/api/webhooks/" + id, acme.admin()).string("webhook.name")).isEqualTo("Logger");
    }

    @Test
    void anInvalidUpdateChangesNothing() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");
        Object before = api.get("/api/webhooks/" + id, acme.admin()).object("webhook");

        Response refused = api.put("/api/webhooks/" + id, Map.of("name", "Renamed", "events", List.of("nope")),
                acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("events");
        assertThat(api.get("/api/webhooks/" + id, acme.admin()).object("webhook")).isEqualTo(before);
    }

    // ---- who acts where --------------------------------------------------------------------------

    @Test
    void aSuperadminWithoutATenantCannotCreate() {
        Response refused = create(platform.superadmin(), webhook("Logger", okUrl()));

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("TENANT_REQUIRED");
    }

    @Test
    void aSuperadminCreatesInTheTenantItNamesAndListsAcrossTenantsWithTheirNames() {
        TenantFixture acme = platform.tenant();

        Response created = create(platform.superadmin().inTenant(acme.id()), webhook("Platform made", okUrl()));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        assertThat(created.string("webhook.tenant_id")).isEqualTo(acme.id());

        Response everywhere = api.get("/api/webhooks", platform.superadmin());
        Map<String, Object> row = everywhere.list("webhooks").stream()
                .filter(w -> w.get("id").equals(created.string("webhook.id"))).findFirst().orElseThrow();
        assertThat(row.get("tenants")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("id", acme.id()).containsEntry("subdomain", acme.subdomain())
                .containsEntry("company_name", "Company " + acme.subdomain());
        assertThat(api.get("/api/webhooks", platform.superadmin().inTenant(acme.id())).list("webhooks"))
                .singleElement().satisfies(w -> assertThat(w).doesNotContainKey("tenants"));
    }

    @Test
    void anotherTenantsWebhookIsNotFound() {
        TenantFixture acme = platform.tenant();
        TenantFixture globex = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");
        String delivery = api.post("/api/webhooks/" + id + "/test", null, acme.admin()).string("delivery.id");

        assertThat(api.get("/api/webhooks/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.put("/api/webhooks/" + id, Map.of("name", "x"), globex.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/webhooks/" + id, globex.admin()).status()).isEqualTo(404);
        assertThat(api.post("/api/webhooks/" + id + "/test", null, globex.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/webhooks/" + id + "/deliveries", globex.admin()).status()).isEqualTo(404);
        assertThat(api.post("/api/webhooks/" + id + "/deliveries/" + delivery + "/retry", null, globex.admin())
                .status()).isEqualTo(404);
        assertThat(api.post("/api/webhooks/" + id + "/rotate-secret", null, globex.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/webhooks", globex.admin()).list("webhooks")).isEmpty();
        assertThat(receivedAt(api.get("/api/webhooks/" + id, acme.admin()).string("webhook.url"))).hasSize(1);
    }

    @Test
    void aDeliveryOfAnotherWebhookIsNotFound() {
        TenantFixture acme = platform.tenant();
        String first = create(acme.admin(), webhook("First", okUrl())).string("webhook.id");
        String second = create(acme.admin(), webhook("Second", okUrl())).string("webhook.id");
        String delivery = api.post("/api/webhooks/" + first + "/test", null, acme.admin()).string("delivery.id");

        Response refused = api.post("/api/webhooks/" + second + "/deliveries/" + delivery + "/retry", null,
                acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(404);
        assertThat(refused.string("code")).isEqualTo("NOT_FOUND");
    }

    @Test
    void headerValuesAreMaskedForPrincipalsThatMayOnlyRead() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), Map.of("name", "Logger", "url", okUrl(), "events", List.of("call.end"),
                "headers", Map.of("Authorization", "Bearer receiver-secret", "X-Team", "sales"))).string("webhook.id");
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);
        Credential webhooksReader = platform.apiKey(acme, "admin", List.of("webhooks:read"), null);

        for (Credential reader : List.of(readonly, webhooksReader)) {
            Response got = api.get("/api/webhooks/" + id, reader);
            Response listed = api.get("/api/webhooks", reader);
            assertThat(got.status()).as(got.text()).isEqualTo(200);
            assertThat(got.object("webhook.headers"))
                    .isEqualTo(Map.of("Authorization", "********", "X-Team", "********"));
            assertThat(listed.list("webhooks").getFirst().get("headers"))
                    .isEqualTo(Map.of("Authorization", "********", "X-Team", "********"));
            assertThat(got.text() + listed.text()).doesNotContain("receiver-secret").doesNotContain("sales");
        }
    }

    @Test
    void headerValuesAreShownToPrincipalsThatMayWrite() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), Map.of("name", "Logger", "url", okUrl(), "events", List.of("call.end"),
                "headers", Map.of("Authorization", "Bearer receiver-secret"))).string("webhook.id");
        Credential webhooksWriter = platform.apiKey(acme, "admin", List.of("webhooks:write"), null);

        for (Credential writer : List.of(acme.admin(), webhooksWriter, platform.superadmin().inTenant(acme.id()))) {
            assertThat(api.get("/api/webhooks/" + id, writer).object("webhook.headers"))
                    .isEqualTo(Map.of("Authorization", "Bearer receiver-secret"));
        }
    }

    @Test
    void aReadonlyKeyReadsButCannotWrite() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        assertThat(api.get("/api/webhooks/" + id + "/deliveries", readonly).status()).isEqualTo(200);
        assertThat(create(readonly, webhook("Mine", okUrl())).status()).isEqualTo(403);
        assertThat(api.put("/api/webhooks/" + id, Map.of("name", "x"), readonly).status()).isEqualTo(403);
        assertThat(api.post("/api/webhooks/" + id + "/test", null, readonly).status()).isEqualTo(403);
        assertThat(api.post("/api/webhooks/" + id + "/rotate-secret", null, readonly).status()).isEqualTo(403);
        assertThat(api.delete("/api/webhooks/" + id, readonly).status()).isEqualTo(403);
    }

    // ---- secret rotation -------------------------------------------------------------------------

    @Test
    void rotatingGeneratesANewSecretAndKeepsThePreviousOneFor24Hours() {
        TenantFixture acme = platform.tenant();
        Response created = create(acme.admin(), webhook("Logger", okUrl()));
        String id = created.string("webhook.id");

        Response rotated = api.post("/api/webhooks/" + id + "/rotate-secret", null, acme.admin());

        assertThat(rotated.status()).as(rotated.text()).isEqualTo(200);
        String secret = rotated.string("webhook.secret");
        assertThat(secret).startsWith("whsec_").isNotEqualTo(created.string("webhook.secret"));
        Instant expires = Instant.parse(rotated.string("webhook.previous_secret_expires_at"));
        assertThat(Duration.between(Instant.now(), expires).toMinutes()).isCloseTo(24 * 60, within(2L));
        Response got = api.get("/api/webhooks/" + id, acme.admin());
        assertThat(got.string("webhook.previous_secret_expires_at"))
                .isEqualTo(rotated.string("webhook.previous_secret_expires_at"));
        assertThat(got.text()).doesNotContain(secret).doesNotContain("\"secret\"");
    }

    @Test
    void rotatingToAChosenSecretSignsWithBothSecretsWhileTheOverlapLasts() throws Exception {
        TenantFixture acme = platform.tenant();
        String url = okUrl();
        Response created = create(acme.admin(), webhook("Logger", url));
        String id = created.string("webhook.id");
        String previous = created.string("webhook.secret");
        String chosen = "my-own-signing-secret-0123456789";

        Response rotated = api.post("/api/webhooks/" + id + "/rotate-secret", Map.of("secret", chosen), acme.admin());
        assertThat(rotated.string("webhook.secret")).isEqualTo(chosen);
        api.post("/api/webhooks/" + id + "/test", null, acme.admin());

        Received delivery = receivedAt(url).getFirst();
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        assertThat(delivery.headers().get("x-webhook-signature")).isEqualTo(
                "sha256=" + hex(hmac(chosen.getBytes(StandardCharsets.UTF_8), body))
                        + ",sha256=" + hex(hmac(previous.getBytes(StandardCharsets.UTF_8), body)));
        assertThat(delivery.headers().get("webhook-signature").split(" ")).hasSize(2);
    }

    @Test
    void anInvalidChosenSecretIsRefusedAndTheSecretStays() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");

        Response refused = api.post("/api/webhooks/" + id + "/rotate-secret", Map.of("secret", "too short"),
                acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("secret");
        assertThat(api.get("/api/webhooks/" + id, acme.admin()).at("webhook.previous_secret_expires_at")).isNull();
    }

    // ---- test, deliveries, retry -----------------------------------------------------------------

    @Test
    void aTestToA2xxReceiverSucceedsWithOneDeliveredAttempt() {
        TenantFixture acme = platform.tenant();
        String url = okUrl();
        String id = create(acme.admin(), webhook("Logger", url)).string("webhook.id");

        Response tested = api.post("/api/webhooks/" + id + "/test", null, acme.admin());

        assertThat(tested.status()).as(tested.text()).isEqualTo(200);
        assertThat(tested.at("success")).isEqualTo(true);
        assertThat(tested.string("message")).isNotBlank();
        Map<String, Object> delivery = tested.object("delivery");
        assertThat(delivery).containsEntry("webhook_id", id).containsEntry("event", "webhook.test")
                .containsEntry("status", "delivered").containsEntry("attempt_count", 1);
        assertThat(delivery.get("delivered_at").toString()).matches(ISO_UTC);
        assertThat(delivery.get("created_at").toString()).matches(ISO_UTC);
        assertThat(tested.list("delivery.attempts")).singleElement().satisfies(attempt -> {
            assertThat(attempt).containsEntry("status_code", 200).containsEntry("error", null)
                    .containsEntry("response_excerpt", "thanks");
            assertThat(attempt.get("at").toString()).matches(ISO_UTC);
            assertThat(((Number) attempt.get("duration_ms")).longValue()).isNotNegative();
        });
        assertThat(receivedAt(url)).hasSize(1);
    }

    @Test
    void aTestToA500ReceiverFailsAndShowsTheReceiversAnswer() {
        TenantFixture acme = platform.tenant();
        String url = receiverUrl("/broken/" + UUID.randomUUID());
        String id = create(acme.admin(), Map.of("name", "Logger", "url", url, "events", List.of("call.end"),
                "retryDelaySeconds", 600)).string("webhook.id");

        Response tested = api.post("/api/webhooks/" + id + "/test", null, acme.admin());

        assertThat(tested.status()).as(tested.text()).isEqualTo(200);
        assertThat(tested.at("success")).isEqualTo(false);
        assertThat(tested.string("message")).contains("500");
        assertThat(tested.list("delivery.attempts")).singleElement().satisfies(attempt -> assertThat(attempt)
                .containsEntry("status_code", 500)
                .containsEntry("response_excerpt", "receiver broke: database down"));
        // Retries are left: the delivery waits for its next attempt, ten minutes on (±20 %).
        assertThat(tested.string("delivery.status")).isEqualTo("pending");
        Instant next = Instant.parse(tested.string("delivery.next_attempt_at"));
        assertThat(Duration.between(Instant.now(), next).toMinutes()).isBetween(7L, 12L);
        assertThat(tested.at("delivery.delivered_at")).isNull();
    }

    @Test
    void aFailedTestWithoutRetriesLeftHasFailed() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), Map.of("name", "Logger", "url", receiverUrl("/broken/" + UUID.randomUUID()),
                "events", List.of("call.end"), "maxRetries", 0)).string("webhook.id");

        Response tested = api.post("/api/webhooks/" + id + "/test", null, acme.admin());

        assertThat(tested.string("delivery.status")).isEqualTo("failed");
        assertThat(tested.at("delivery.next_attempt_at")).isNull();
    }

    @Test
    void aTestReachesAnInactiveWebhookToo() {
        TenantFixture acme = platform.tenant();
        String url = okUrl();
        Map<String, Object> body = new HashMap<>(webhook("Logger", url));
        body.put("active", false);
        String id = create(acme.admin(), body).string("webhook.id");

        Response tested = api.post("/api/webhooks/" + id + "/test", null, acme.admin());

        assertThat(tested.at("success")).isEqualTo(true);
        assertThat(receivedAt(url)).hasSize(1);
    }

    @Test
    void aDeliveryCarriesThePlatformHeadersTheCustomOnesAndBothSignatures() throws Exception {
        TenantFixture acme = platform.tenant();
        String url = okUrl();
        Response created = create(acme.admin(), Map.of("name", "Logger", "url", url, "events", List.of("call.end"),
                "headers", Map.of("X-Api-Token", "tok-123")));
        String secret = created.string("webhook.secret");

        Response tested = api.post("/api/webhooks/" + created.string("webhook.id") + "/test", null, acme.admin());

        Received delivery = receivedAt(url).getFirst();
        Map<String, String> headers = delivery.headers();
        String eventId = tested.string("delivery.event_id");
        byte[] body = delivery.body().getBytes(StandardCharsets.UTF_8);
        assertThat(headers).containsEntry("x-api-token", "tok-123").containsEntry("x-webhook-event", "webhook.test")
                .containsEntry("x-webhook-id", eventId).containsEntry("webhook-id", eventId);
        assertThat(headers.get("content-type")).startsWith("application/json");
        long timestamp = Long.parseLong(headers.get("x-webhook-timestamp"));
        assertThat(timestamp).isCloseTo(Instant.now().getEpochSecond(), within(60L));
        assertThat(headers.get("webhook-timestamp")).isEqualTo(headers.get("x-webhook-timestamp"));
        assertThat(headers.get("x-webhook-signature"))
                .isEqualTo("sha256=" + hex(hmac(secret.getBytes(StandardCharsets.UTF_8), body)));
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        byte[] signed = (eventId + "." + timestamp + "." + delivery.body()).getBytes(StandardCharsets.UTF_8);
        assertThat(headers.get("webhook-signature")).isEqualTo("v1," + Base64.getEncoder().encodeToString(hmac(key, signed)));
    }

    @Test
    void theDeliveryPayloadIsTheBodyPosted() throws Exception {
        TenantFixture acme = platform.tenant();
        String url = okUrl();
        String id = create(acme.admin(), webhook("Logger", url)).string("webhook.id");

        Response tested = api.post("/api/webhooks/" + id + "/test", null, acme.admin());

        Object posted = json.readValue(receivedAt(url).getFirst().body(), Argument.OBJECT_ARGUMENT);
        assertThat(tested.at("delivery.payload")).isEqualTo(posted);
        assertThat(tested.object("delivery.payload")).containsEntry("id", tested.string("delivery.event_id"))
                .containsEntry("event", "webhook.test").containsEntry("tenantId", acme.id())
                .containsKeys("timestamp", "data");
        assertThat(tested.object("delivery.payload.data")).containsEntry("webhook_id", id);
    }

    @Test
    void deliveriesAreListedNewestFirstInPages() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            sent.add(api.post("/api/webhooks/" + id + "/test", null, acme.admin()).string("delivery.id"));
        }

        Response first = api.get("/api/webhooks/" + id + "/deliveries?page=1&limit=2", acme.admin());
        Response second = api.get("/api/webhooks/" + id + "/deliveries?page=2&limit=2", acme.admin());

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.object("pagination")).isEqualTo(Map.of("page", 1, "limit", 2, "total", 3, "pages", 2));
        assertThat(first.list("deliveries")).extracting(d -> d.get("id")).containsExactly(sent.get(2), sent.get(1));
        assertThat(second.object("pagination")).isEqualTo(Map.of("page", 2, "limit", 2, "total", 3, "pages", 2));
        assertThat(second.list("deliveries")).extracting(d -> d.get("id")).containsExactly(sent.get(0));
        assertThat(second.list("deliveries").getFirst()).containsKeys("payload", "attempts", "event_id",
                "next_attempt_at");
    }

    @Test
    void deliveriesAreFilteredByStatusAndEvent() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), Map.of("name", "Logger", "url", okUrl(), "events", List.of("call.end"),
                "maxRetries", 0)).string("webhook.id");
        String delivered = api.post("/api/webhooks/" + id + "/test", null, acme.admin()).string("delivery.id");
        api.put("/api/webhooks/" + id, Map.of("url", receiverUrl("/broken/" + UUID.randomUUID())), acme.admin());
        String failed = api.post("/api/webhooks/" + id + "/test", null, acme.admin()).string("delivery.id");

        Response onlyFailed = api.get("/api/webhooks/" + id + "/deliveries?status=failed", acme.admin());
        Response onlyDelivered = api.get("/api/webhooks/" + id + "/deliveries?status=delivered", acme.admin());
        Response tests = api.get("/api/webhooks/" + id + "/deliveries?event=webhook.test", acme.admin());
        Response calls = api.get("/api/webhooks/" + id + "/deliveries?event=call.end", acme.admin());
        Response none = api.get("/api/webhooks/" + id + "/deliveries?status=delivered&event=call.end", acme.admin());

        assertThat(onlyFailed.list("deliveries")).extracting(d -> d.get("id")).containsExactly(failed);
        assertThat(onlyFailed.at("pagination.total")).isEqualTo(1);
        assertThat(onlyDelivered.list("deliveries")).extracting(d -> d.get("id")).containsExactly(delivered);
        assertThat(tests.list("deliveries")).extracting(d -> d.get("id")).containsExactlyInAnyOrder(failed, delivered);
        assertThat(calls.list("deliveries")).isEmpty();
        assertThat(calls.at("pagination.total")).isEqualTo(0);
        assertThat(none.list("deliveries")).isEmpty();
    }

    @Test
    void anUnknownStatusFilterIsA400() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");

        Response refused = api.get("/api/webhooks/" + id + "/deliveries?status=lost", acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("status");
    }

    @Test
    void aRetriedDeliveryIsSentAgainWithTheSameIdAndBody() {
        TenantFixture acme = platform.tenant();
        String path = "/flaky/" + UUID.randomUUID();
        statusByPath.put(path, 503);
        String url = receiverUrl(path);
        String id = create(acme.admin(), Map.of("name", "Logger", "url", url, "events", List.of("call.end"),
                "maxRetries", 0)).string("webhook.id");
        Response tested = api.post("/api/webhooks/" + id + "/test", null, acme.admin());
        assertThat(tested.string("delivery.status")).isEqualTo("failed");
        String delivery = tested.string("delivery.id");
        statusByPath.put(path, 204);

        Response retried = api.post("/api/webhooks/" + id + "/deliveries/" + delivery + "/retry", null, acme.admin());

        assertThat(retried.status()).as(retried.text()).isEqualTo(200);
        assertThat(retried.string("message")).isNotBlank();
        assertThat(retried.string("delivery.id")).isEqualTo(delivery);
        assertThat(retried.string("delivery.event_id")).isEqualTo(tested.string("delivery.event_id"));
        List<Received> both = Eventually.value(() -> Optional.of(receivedAt(url)).filter(r -> r.size() == 2));
        assertThat(both.get(1).headers().get("x-webhook-id")).isEqualTo(both.get(0).headers().get("x-webhook-id"))
                .isEqualTo(tested.string("delivery.event_id"));
        assertThat(both.get(1).body()).isEqualTo(both.get(0).body());
        Map<String, Object> settled = Eventually.value(() -> api.get("/api/webhooks/" + id + "/deliveries",
                        acme.admin()).list("deliveries").stream()
                .filter(d -> d.get("id").equals(delivery) && "delivered".equals(d.get("status"))).findFirst());
        assertThat(settled).containsEntry("attempt_count", 2);
        assertThat(((List<?>) settled.get("attempts")).stream().map(a -> ((Map<?, ?>) a).get("status_code")).toList())
                .isEqualTo(List.of(503, 204));
    }

    @Test
    void anInactiveWebhooksDeliveryIsNotRetried() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), Map.of("name", "Logger", "url", receiverUrl("/broken/" + UUID.randomUUID()),
                "events", List.of("call.end"), "maxRetries", 0)).string("webhook.id");
        String delivery = api.post("/api/webhooks/" + id + "/test", null, acme.admin()).string("delivery.id");
        api.put("/api/webhooks/" + id, Map.of("active", false), acme.admin());

        Response refused = api.post("/api/webhooks/" + id + "/deliveries/" + delivery + "/retry", null, acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("INVALID_STATE");
    }

    @Test
    void anUnknownDeliveryIsNotFound() {
        TenantFixture acme = platform.tenant();
        String id = create(acme.admin(), webhook("Logger", okUrl())).string("webhook.id");

        Response refused = api.post("/api/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/retry", null,
                acme.admin());

        assertThat(refused.status()).as(refused.text()).isEqualTo(404);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static Map<String, Object> webhook(String name, String url) {
        return Map.of("name", name, "url", url, "events", List.of("call.start", "call.end"));
    }

    private static Response create(Credential credential, Map<String, Object> body) {
        return api.post("/api/webhooks", body, credential);
    }

    private static byte[] hmac(byte[] key, byte[] content) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content);
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}

package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An outsider holding a credential that has since been taken away: a revoked or regenerated key,
 * a token from before a password change, a disable or a suspension. Whatever it holds stops
 * working at once on REST (401), and the events socket it opened before is closed with 4401
 * within 30 seconds (here the server re-checks sockets every second).
 */
class RevokedCredentialAttackTest {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(30);

    private static ApiServer api;
    private static Platform platform;
    private static final AtomicInteger nextNumber = new AtomicInteger(7100);

    @BeforeAll
    static void start() {
        api = ApiServer.start(Map.of("voip.auth.session-recheck-seconds", 1));
        platform = new Platform(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void aRevokedKeysOpenSocketIsClosedWith4401AndItsCallsAre401() throws Exception {
        TenantFixture tenant = platform.tenant();
        IssuedKey key = adminKey(tenant);
        try (EventSocket socket = EventSocket.connected(api, key.credential())) {

            assertThat(api.delete("/api/api-keys/" + key.id(), tenant.admin()).status()).isEqualTo(200);

            assertThat(closeCode(socket)).isEqualTo(4401);
            assertThat(api.get("/api/extensions", key.credential()).status()).isEqualTo(401);
            assertThat(reconnect(key.credential())).as("a new socket with the revoked key").isEqualTo(4401);
        }
        assertHealthyWithNothingLost(tenant, 0);
    }

    @Test
    void aRegeneratedKeysOldSecretLosesItsSocketAndItsCalls() throws Exception {
        TenantFixture tenant = platform.tenant();
        IssuedKey key = adminKey(tenant);
        try (EventSocket socket = EventSocket.connected(api, key.credential())) {

            Response regenerated = api.post("/api/api-keys/" + key.id() + "/regenerate", Map.of(), tenant.admin());

            assertThat(closeCode(socket)).isEqualTo(4401);
            assertThat(api.get("/api/extensions", key.credential()).status()).isEqualTo(401);
            Credential renewed = Credential.apiKey(regenerated.string("apiKey.key"));
            assertThat(api.get("/api/extensions", renewed).status()).isEqualTo(200);
        }
        assertHealthyWithNothingLost(tenant, 0);
    }

    @Test
    void aUserTokenMintedBeforeThePasswordChangeIs401() {
        TenantFixture tenant = platform.tenant();
        Phone phone = phone(tenant);
        assertThat(api.get("/api/auth/me", phone.token()).status()).isEqualTo(200);

        Response changed = api.put("/api/extensions/" + phone.id(), Map.of("password", "a-new-password-9"),
                tenant.admin());
        assertThat(changed.status()).as(changed.text()).isEqualTo(200);

        Response me = api.get("/api/auth/me", phone.token());
        Response extensions = api.get("/api/extensions", phone.token());
        assertThat(me.status()).as(me.text()).isEqualTo(401);
        assertThat(extensions.status()).as(extensions.text()).isEqualTo(401);
        Credential fresh = platform.extensionUser(tenant, phone.number(), "a-new-password-9");
        assertThat(api.get("/api/auth/me", fresh).status()).isEqualTo(200);
        assertHealthyWithNothingLost(tenant, 1);
    }

    @Test
    void anExtensionUsersSocketClosesWhenTheExtensionIsDisabledAndItsTokenStaysRefused() throws Exception {
        TenantFixture tenant = platform.tenant();
        Phone phone = phone(tenant);
        try (EventSocket socket = EventSocket.connected(api, phone.token())) {

            api.put("/api/extensions/" + phone.id(), Map.of("status", "disabled"), tenant.admin());

            assertThat(closeCode(socket)).isEqualTo(4401);
        }
        api.put("/api/extensions/" + phone.id(), Map.of("status", "active"), tenant.admin());
        assertThat(api.get("/api/auth/me", phone.token()).status())
                .as("a token issued before the disable, after the extension is enabled again").isEqualTo(401);
        assertHealthyWithNothingLost(tenant, 1);
    }

    @Test
    void anAdminTokenFromBeforeASuspensionStaysRefusedAfterReactivation() throws Exception {
        TenantFixture tenant = platform.tenant();
        phone(tenant);
        try (EventSocket socket = EventSocket.connected(api, tenant.admin())) {

            api.put("/api/tenants/" + tenant.id(), Map.of("status", "suspended"), platform.superadmin());

            assertThat(closeCode(socket)).isEqualTo(4401);
        }
        api.put("/api/tenants/" + tenant.id(), Map.of("status", "active"), platform.superadmin());
        assertThat(api.get("/api/extensions", tenant.admin()).status()).isEqualTo(401);
        assertHealthyWithNothingLost(tenant, 1);
    }

    @Test
    void aSocketIsClosedWhenItsTokenExpires() throws Exception {
        try (ApiServer shortLived = ApiServer.start(Map.of("voip.jwt.expiration-seconds", 3))) {
            Platform briefly = new Platform(shortLived);
            TenantFixture tenant = briefly.tenant();
            try (EventSocket socket = EventSocket.connected(shortLived, tenant.admin())) {
                long opened = System.nanoTime();

                int code = socket.closeCode().get(15, TimeUnit.SECONDS);

                assertThat(code).isEqualTo(4401);
                assertThat(Duration.ofNanos(System.nanoTime() - opened)).isLessThan(Duration.ofSeconds(5));
            }
            assertThat(shortLived.get("/health", Credential.NONE).status()).isEqualTo(200);
        }
        assertThat(api.get("/health", Credential.NONE).status()).isEqualTo(200);
    }

    private static int closeCode(EventSocket socket) throws Exception {
        return socket.closeCode().get(CLOSE_WITHIN.toSeconds(), TimeUnit.SECONDS);
    }

    /** Opens a new socket with the credential and answers the code it is closed with. */
    private static int reconnect(Credential credential) throws Exception {
        String secret = credential.token() != null ? credential.token() : credential.apiKey();
        try (EventSocket socket = EventSocket.open(api, "?token=" + secret)) {
            return closeCode(socket);
        }
    }

    /** The server answers, and the tenant still has all its extensions. */
    private static void assertHealthyWithNothingLost(TenantFixture tenant, int extensions) {
        assertThat(api.get("/health", Credential.NONE).status()).isEqualTo(200);
        Response listed = api.get("/api/extensions", platform.superadmin().inTenant(tenant.id()));
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.list("extensions")).hasSize(extensions);
    }

    private record IssuedKey(String id, Credential credential) {
    }

    private static IssuedKey adminKey(TenantFixture tenant) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "crm-" + UUID.randomUUID());
        body.put("role", "admin");
        body.put("scopes", List.of());
        Response created = api.post("/api/api-keys", body, tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new IssuedKey(created.string("apiKey.id"), Credential.apiKey(created.string("apiKey.key")));
    }

    private record Phone(String id, String number, Credential token) {
    }

    private static Phone phone(TenantFixture tenant) {
        String number = String.valueOf(nextNumber.incrementAndGet());
        String password = "phone-pass-" + number;
        String id = platform.extension(tenant, number, password).string("extension.id");
        return new Phone(id, number, platform.extensionUser(tenant, number, password));
    }
}

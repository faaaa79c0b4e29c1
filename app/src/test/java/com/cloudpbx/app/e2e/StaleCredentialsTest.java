package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Credentials issued before their principal was disabled, deleted or suspended: a login would be
 * refused now (disabled extension, suspended tenant: 403; gone: 401), so the credentials already
 * handed out must stop acting as well, as {@code GET /api/auth/me} already does for deleted ones.
 */
@ExtendWith(SharedApiServer.class)
class StaleCredentialsTest {

    private static ApiServer api;
    private static Platform platform;
    private static final AtomicInteger nextNumber = new AtomicInteger(6000);

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
    }

    @Test
    void aDisabledExtensionCanNoLongerActWithItsTokenOrUserKey() {
        TenantFixture tenant = platform.tenant();
        Phone phone = phone(tenant);

        api.put("/api/extensions/" + phone.id(), Map.of("status", "disabled"), tenant.admin());

        // The token was issued before the disable (401, for good); the key is refused while it lasts (403).
        Map<Credential, Integer> expected = Map.of(phone.token(), 401, phone.key(), 403);
        expected.forEach((credential, status) -> {
            Response credentials = api.get("/api/extensions/" + phone.id() + "/sip-credentials", credential);
            Response presence = api.put("/api/extensions/" + phone.id() + "/presence", Map.of("status", "busy"),
                    credential);
            assertThat(credentials.status()).as(credentials.text()).isEqualTo(status);
            assertThat(presence.status()).as(presence.text()).isEqualTo(status);
        });
    }

    @Test
    void aDeletedExtensionsTokenAndUserKeyAre401OnEveryRoute() {
        TenantFixture tenant = platform.tenant();
        Phone phone = phone(tenant);

        api.delete("/api/extensions/" + phone.id(), tenant.admin());

        for (Credential credential : List.of(phone.token(), phone.key())) {
            Response me = api.get("/api/auth/me", credential);
            assertThat(me.status()).as("me: " + me.text()).isEqualTo(401);
            Response list = api.get("/api/extensions", credential);
            Response turn = api.get("/api/auth/turn-credentials", credential);
            assertThat(list.status()).as(list.text()).isEqualTo(401);
            assertThat(turn.status()).as("TURN relay credentials for a deleted phone: " + turn.text()).isEqualTo(401);
        }
    }

    @Test
    void aSuspendedTenantsAdminTokenAndKeyCannotChangeAnything() {
        TenantFixture tenant = platform.tenant();
        Credential adminKey = platform.apiKey(tenant, "admin", List.of(), null);

        Response suspended = api.put("/api/tenants/" + tenant.id(), Map.of("status", "suspended"), platform.superadmin());
        assertThat(suspended.status()).as(suspended.text()).isEqualTo(200);
        Response login = api.post("/api/auth/admin-login",
                Map.of("email", tenant.adminEmail(), "password", tenant.adminPassword()), Credential.NONE);
        assertThat(login.status()).as("a new login is refused: " + login.text()).isEqualTo(403);

        Map<Credential, Integer> expected = Map.of(tenant.admin(), 401, adminKey, 403);
        expected.forEach((credential, status) -> {
            Response created = api.post("/api/extensions", Map.of("extension", String.valueOf(nextNumber.incrementAndGet()),
                    "password", "abcdefgh", "displayName", "After suspension"), credential);
            assertThat(created.status()).as(created.text()).isEqualTo(status);
        });
    }

    @Test
    void aDeletedTenantsAdminTokenIs401AndReadsNothing() {
        TenantFixture tenant = platform.tenant();

        api.delete("/api/tenants/" + tenant.id(), platform.superadmin());

        assertThat(api.get("/api/auth/me", tenant.admin()).status()).isEqualTo(401);
        Response audit = api.get("/api/audit-log", tenant.admin());
        Response extensions = api.get("/api/extensions", tenant.admin());
        assertThat(audit.status()).as(audit.text()).isEqualTo(401);
        assertThat(extensions.status()).as(extensions.text()).isEqualTo(401);
    }

    private record Phone(String id, Credential token, Credential key) {
    }

    private static Phone phone(TenantFixture tenant) {
        String number = String.valueOf(nextNumber.incrementAndGet());
        String password = "phone-pass-" + number;
        String id = platform.extension(tenant, number, password).string("extension.id");
        return new Phone(id, platform.extensionUser(tenant, number, password),
                platform.apiKey(tenant, "user", List.of(), number));
    }
}

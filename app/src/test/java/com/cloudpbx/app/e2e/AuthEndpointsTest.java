package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedApiServer.class)
class AuthEndpointsTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
    }

    @Test
    void superadminLoginReturnsATokenASuperadminUserAndNoTenant() {
        Response login = superadminLogin(ApiServer.SUPERADMIN_EMAIL, ApiServer.SUPERADMIN_PASSWORD);

        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.string("token")).isNotBlank();
        assertThat(login.string("user.id")).isNotBlank();
        assertThat(login.string("user.role")).isEqualTo("superadmin");
        assertThat(login.string("user.email")).isEqualTo(ApiServer.SUPERADMIN_EMAIL);
        assertThat(body(login)).containsKey("tenant");
        assertThat(login.at("tenant")).isNull();
    }

    @Test
    void adminLoginReturnsATokenTheUserAndItsTenant() {
        Response login = adminLogin(acme.adminEmail(), acme.adminPassword());

        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.string("token")).isNotBlank();
        assertThat(login.string("user.id")).isNotBlank();
        assertThat(login.string("user.role")).isEqualTo("admin");
        assertThat(login.string("user.tenantId")).isEqualTo(acme.id());
        assertThat(login.string("tenant.id")).isEqualTo(acme.id());
        assertThat(login.string("tenant.subdomain")).isEqualTo(acme.subdomain());
        assertThat(login.string("tenant.companyName")).isEqualTo("Company " + acme.subdomain());
    }

    @Test
    void extensionLoginWithNumberSipPasswordAndTenantReturnsTheExtensionUser() {
        String id = platform.extension(acme, "3001", "ext-login-pass").string("extension.id");

        Response login = extensionLogin("3001", "ext-login-pass", acme.id());

        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.string("token")).isNotBlank();
        assertThat(login.string("user.id")).isEqualTo(id);
        assertThat(login.string("user.extension")).isEqualTo("3001");
        assertThat(login.string("user.displayName")).isEqualTo("User 3001");
        assertThat(login.string("user.tenantId")).isEqualTo(acme.id());
        assertThat(login.string("user.role")).isEqualTo("user");
    }

    @Test
    void aWrongPasswordIs401InTheErrorShape() {
        Response login = adminLogin(acme.adminEmail(), "not-the-password");

        assertThat(login.status()).isEqualTo(401);
        assertThat(body(login)).containsOnlyKeys("error", "code");
        assertThat(login.string("code")).isEqualTo("UNAUTHORIZED");
        assertThat(login.string("error")).isNotBlank();
    }

    @Test
    void anUnknownEmailIs401WithTheSameMessageAsAWrongPassword() {
        Response wrongPassword = adminLogin(acme.adminEmail(), "not-the-password");
        Response unknownEmail = adminLogin("nobody-" + UUID.randomUUID() + "@nowhere.test", "not-the-password");

        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(unknownEmail.string("error")).isEqualTo(wrongPassword.string("error"));
        assertThat(unknownEmail.string("code")).isEqualTo(wrongPassword.string("code"));
    }

    @Test
    void aWrongExtensionPasswordIs401() {
        platform.extension(acme, "3002", "right-sip-pass");

        Response login = extensionLogin("3002", "wrong-sip-pass", acme.id());

        assertThat(login.status()).isEqualTo(401);
        assertThat(login.string("code")).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void superadminLoginWithAnAdminAccountIs403() {
        Response login = superadminLogin(acme.adminEmail(), acme.adminPassword());

        assertThat(login.status()).as(login.text()).isEqualTo(403);
        assertThat(login.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void adminLoginWithTheSuperadminAccountIs403() {
        Response login = adminLogin(ApiServer.SUPERADMIN_EMAIL, ApiServer.SUPERADMIN_PASSWORD);

        assertThat(login.status()).as(login.text()).isEqualTo(403);
        assertThat(login.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void aDisabledExtensionCannotLogIn() {
        String id = platform.extension(acme, "3003", "disabled-pass").string("extension.id");
        Response disabled = api.put("/api/extensions/" + id, Map.of("status", "disabled"), acme.admin());
        assertThat(disabled.status()).as(disabled.text()).isEqualTo(200);

        Response login = extensionLogin("3003", "disabled-pass", acme.id());

        assertThat(login.status()).as(login.text()).isEqualTo(403);
        assertThat(login.string("code")).isEqualTo("FORBIDDEN");
    }

    @Test
    void meAsSuperadminReturnsTheSuperadminAndNoTenant() {
        Response me = api.get("/api/auth/me", platform.superadmin());

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.string("user.role")).isEqualTo("superadmin");
        assertThat(me.string("user.email")).isEqualTo(ApiServer.SUPERADMIN_EMAIL);
        assertThat(body(me)).containsKey("tenant");
        assertThat(me.at("tenant")).isNull();
    }

    @Test
    void meAsAdminReturnsTheAdminAndItsTenant() {
        Response me = api.get("/api/auth/me", acme.admin());

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.string("user.role")).isEqualTo("admin");
        assertThat(me.string("user.email")).isEqualTo(acme.adminEmail());
        assertThat(me.string("user.tenantId")).isEqualTo(acme.id());
        assertThat(me.string("tenant.id")).isEqualTo(acme.id());
        assertThat(me.string("tenant.subdomain")).isEqualTo(acme.subdomain());
        assertThat(me.string("tenant.companyName")).isEqualTo("Company " + acme.subdomain());
    }

    @Test
    void meAsExtensionReturnsTheExtensionUserAndItsTenant() {
        String id = platform.extension(acme, "3004", "me-ext-pass").string("extension.id");
        Credential user = platform.extensionUser(acme, "3004", "me-ext-pass");

        Response me = api.get("/api/auth/me", user);

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.string("user.id")).isEqualTo(id);
        assertThat(me.string("user.role")).isEqualTo("user");
        assertThat(me.string("user.extension")).isEqualTo("3004");
        assertThat(me.string("user.displayName")).isEqualTo("User 3004");
        assertThat(me.string("tenant.id")).isEqualTo(acme.id());
    }

    @Test
    void meWithAnApiKeyReturnsTheKeyPrincipalAndItsTenant() {
        Credential key = platform.apiKey(acme, "readonly", List.of(), null);

        Response me = api.get("/api/auth/me", key);

        assertThat(me.status()).as(me.text()).isEqualTo(200);
        assertThat(me.string("user.role")).isEqualTo("readonly");
        assertThat(me.string("user.kind")).isEqualTo("api_key");
        assertThat(me.string("user.tenantId")).isEqualTo(acme.id());
        assertThat(me.string("tenant.id")).isEqualTo(acme.id());
    }

    @Test
    void aGarbageJwtIs401() {
        Response me = api.get("/api/auth/me", Credential.token("not.a.jwt"));

        assertThat(me.status()).isEqualTo(401);
        assertThat(me.string("code")).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void aJwtSignedWithAnotherSecretIs401WhileTheSameClaimsSignedByTheServerSecretPass() {
        String superadminId = superadminLogin(ApiServer.SUPERADMIN_EMAIL, ApiServer.SUPERADMIN_PASSWORD)
                .string("user.id");
        String claims = "{\"sub\":\"" + superadminId + "\",\"roles\":[\"superadmin\"],\"kind\":\"superadmin\","
                + "\"iat\":" + Instant.now().getEpochSecond() + ",\"exp\":" + (Instant.now().getEpochSecond() + 600)
                + "}";

        Response forged = api.get("/api/auth/me",
                Credential.token(hs256(claims, "another-secret-that-is-also-long-enough-0123456789")));
        Response genuine = api.get("/api/auth/me", Credential.token(hs256(claims, ApiServer.JWT_SECRET)));

        assertThat(forged.status()).as(forged.text()).isEqualTo(401);
        assertThat(forged.string("code")).isEqualTo("UNAUTHORIZED");
        assertThat(genuine.status()).as("control: same claims, server's secret: " + genuine.text()).isEqualTo(200);
    }

    @Test
    void turnCredentialsFollowTheCoturnRestApi() throws Exception {
        Response me = api.get("/api/auth/me", acme.admin());
        long before = Instant.now().getEpochSecond();

        Response turn = api.get("/api/auth/turn-credentials", acme.admin());

        assertThat(turn.status()).as(turn.text()).isEqualTo(200);
        assertThat(turn.list("urls")).isNotEmpty();
        assertThat(turn.at("urls")).asList().contains("turn:127.0.0.1:3478?transport=udp");
        String username = turn.string("username");
        String[] parts = username.split(":", 2);
        assertThat(parts).hasSize(2);
        assertThat(parts[1]).isEqualTo(me.string("user.id"));
        long expiry = Long.parseLong(parts[0]);
        assertThat(expiry).isBetween(before + 86_400 - 5, Instant.now().getEpochSecond() + 86_400 + 5);
        assertThat(((Number) turn.at("ttl")).longValue()).isEqualTo(86_400L);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(ApiServer.TURN_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        assertThat(turn.string("credential")).isEqualTo(expected);
    }

    @Test
    void turnCredentialsWithoutCredentialsAre401() {
        Response turn = api.get("/api/auth/turn-credentials", Credential.NONE);

        assertThat(turn.status()).isEqualTo(401);
        assertThat(turn.string("code")).isEqualTo("UNAUTHORIZED");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Response response) {
        return (Map<String, Object>) response.json();
    }

    private static Response superadminLogin(String email, String password) {
        return api.post("/api/auth/superadmin-login", Map.of("email", email, "password", password), Credential.NONE);
    }

    private static Response adminLogin(String email, String password) {
        return api.post("/api/auth/admin-login", Map.of("email", email, "password", password), Credential.NONE);
    }

    private static Response extensionLogin(String number, String password, String tenantId) {
        return api.post("/api/auth/login", Map.of("username", number, "password", password, "tenantId", tenantId),
                Credential.NONE);
    }

    private static String hs256(String claims, String secret) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
                + "." + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + url.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

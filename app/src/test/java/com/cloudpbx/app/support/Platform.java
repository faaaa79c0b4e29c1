package com.cloudpbx.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds test fixtures through the public API, as a superadmin and tenant admins would: tenants
 * with admins, extensions, API keys, logins.
 */
public final class Platform {

    private final ApiServer api;
    private Credential superadmin;

    public Platform(ApiServer api) {
        this.api = api;
    }

    public ApiServer api() {
        return api;
    }

    public Credential superadmin() {
        if (superadmin == null) {
            Response login = api.post("/api/auth/superadmin-login",
                    Map.of("email", ApiServer.SUPERADMIN_EMAIL, "password", ApiServer.SUPERADMIN_PASSWORD),
                    Credential.NONE);
            assertThat(login.status()).as(login.text()).isEqualTo(200);
            superadmin = Credential.token(login.string("token"));
        }
        return superadmin;
    }

    /** A new tenant with a unique subdomain, and a logged-in admin of it. */
    public TenantFixture tenant() {
        String subdomain = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String email = "admin@" + subdomain + ".test";
        String password = "admin-password-1";
        Response created = api.post("/api/tenants", Map.of("companyName", "Company " + subdomain,
                "subdomain", subdomain, "adminEmail", email, "adminPassword", password), superadmin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        Response login = api.post("/api/auth/admin-login", Map.of("email", email, "password", password),
                Credential.NONE);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return new TenantFixture(created.string("tenant.id"), subdomain, created.string("tenant.sipDomain"), email,
                password, Credential.token(login.string("token")));
    }

    /** Creates an extension as the tenant's admin; returns the create response. */
    public Response extension(TenantFixture tenant, String number, String sipPassword) {
        Response created = api.post("/api/extensions",
                Map.of("extension", number, "password", sipPassword, "displayName", "User " + number),
                tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created;
    }

    /** Logs the extension in with its SIP password and returns its token. */
    public Credential extensionUser(TenantFixture tenant, String number, String sipPassword) {
        Response login = api.post("/api/auth/login",
                Map.of("username", number, "password", sipPassword, "tenantId", tenant.id()), Credential.NONE);
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        return Credential.token(login.string("token"));
    }

    /** An API key of the tenant with this role and scopes; {@code extension} only for role user. */
    public Credential apiKey(TenantFixture tenant, String role, List<String> scopes, String extension) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", role + "-" + UUID.randomUUID());
        body.put("role", role);
        body.put("scopes", scopes);
        if (extension != null) {
            body.put("extension", extension);
        }
        Response created = api.post("/api/api-keys", body, tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return Credential.apiKey(created.string("apiKey.key"));
    }

    /** A tenant created for a test and its admin's login. */
    public record TenantFixture(String id, String subdomain, String sipDomain, String adminEmail,
                                String adminPassword, Credential admin) {
    }
}

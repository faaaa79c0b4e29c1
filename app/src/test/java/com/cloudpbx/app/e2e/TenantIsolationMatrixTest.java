package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every tenant-scoped route against every kind of caller, on a resource of the caller's own
 * tenant and on one of another tenant. All callers belong to (or, for the superadmin, act in)
 * tenant "own"; the resources of tenant "other" exist and are reachable by their ids.
 *
 * <p>The expectations follow the core's order of checks: (1) binding the actor — a tenant
 * credential naming another tenant ({@code X-Tenant-ID} or {@code ?tenantId=}) is 403; (2) the
 * role gate of the use case — 403 whatever the id, so it reveals nothing; (3) the lookup
 * confined to the actor's tenant (a user: its own extension) — 404 otherwise, the same answer
 * as for an id that does not exist at all.
 *
 * <pre>
 * Route                                  | admin JWT / key | readonly key | user key / ext JWT        | superadmin
 *                                        |  own   other    |  own  other  | self  colleague  other    | X-Tenant-ID=own: own other | =resource's tenant
 * GET    /api/extensions/{id}            |  200   404      |  200  404    | 200   404        404      | 200  404                   | 200
 * PUT    /api/extensions/{id}            |  200   404      |  403  403    | 403   403        403      | 200  404                   | 200
 * DELETE /api/extensions/{id}            |  200   404      |  403  403    | 403   403        403      | 200  404                   | 200
 * PUT    /api/extensions/{id}/crm-mapping|  200   404      |  403  403    | 403   403        403      | 200  404                   | 200
 * GET    /api/extensions/{id}/sip-creds  |  200   404      |  403  403    | 200   403        404      | 200  404                   | 200
 * GET    .../by-number/{n}/sip-creds     |  200   403 (*) |  403  403    | 200   403        403 (*)  | 200  404                   | 200
 * PUT    /api/extensions/{id}/presence   |  200   404      |  403  403    | 200   404        404      | 200  404                   | 200
 * GET    /api/api-keys/{id}              |  200   404      |  403  403    |   403 (not theirs to see)  | 200  404                   | 200
 * POST   /api/api-keys/{id}/regenerate   |  200   404      |  403  403    |   403                      | 200  404                   | 200
 * DELETE /api/api-keys/{id}              |  200   404      |  403  403    |   403                      | 200  404                   | 200
 * (*) ?tenantId= names the other tenant: forbidden for a tenant credential, whether that tenant exists or not.
 * An unknown id (or unknown tenant for by-number) answers exactly what "other" answers, except for the
 * superadmin acting in the resource's tenant, who gets 404.
 *
 * Admin-role keys narrowed by one scope each (an id they may not reach at all is 403 whatever the tenant;
 * past the scope, "other" and unknown are 404 as for the admin, with the by-number (*) exception):
 *                                        | extensions:read | sip-credentials:read | api-keys:write
 * GET    /api/extensions/{id}            |  200            |  403                 |  403
 * PUT, DELETE, crm-mapping, presence     |  403            |  403                 |  403
 * GET    .../sip-creds (both routes)     |  403            |  200                 |  403
 * GET    /api/api-keys/{id}              |  403            |  403                 |  200 (any key of its tenant)
 * POST   .../regenerate, DELETE .../{id} |  403            |  403                 |  403 for a wider key (the tenant's unscoped
 *                                        |                 |                      |  keys), 200 for a key within api-keys:write
 * Every other caller meets a key within api-keys:write as any other key of the tenant. There is no readonly
 * JWT: logins are admins, superadmins and extension users.
 *
 * Lists (no id)                          | admin JWT / key | readonly key | user key / ext JWT | superadmin
 *                                        |  own   X-Tenant-ID=other |  own  other  |  own  other  | X-Tenant-ID=own / =other
 * GET    /api/extensions                 |  200 own rows only  403  |  200  403    | 200 self only 403 | 200 rows of that tenant only
 * GET    /api/api-keys                   |  200 own rows only  403  |  403  403    |  403  403    | 200 rows of that tenant only
 * GET    /api/audit-log                  |  200 own rows only  403  |  403  403    |  403  403    | 200 rows of that tenant only
 * </pre>
 *
 * <p>A refused write leaves the target exactly as it was; DELETE and regenerate run on fresh fixtures.
 */
@ExtendWith(SharedApiServer.class)
class TenantIsolationMatrixTest {

    private static final String OWN_USER_NUMBER = "1001";
    private static final String OWN_USER_PASSWORD = "own-user-sip-pass";
    private static final String COLLEAGUE_NUMBER = "1002";
    private static final String COLLEAGUE_PASSWORD = "colleague-sip-pass";
    private static final String OTHER_NUMBER = "1001";
    private static final String OTHER_PASSWORD = "other-tenant-sip-pass";

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture own;
    private static TenantFixture other;
    private static String ownUserExtensionId;
    private static String colleagueExtensionId;
    private static String otherExtensionId;
    private static String ownKeyId;
    private static String otherKeyId;
    private static Credential adminKey;
    private static Credential readonlyKey;
    private static Credential userKey;
    private static Credential userJwt;
    private static Credential extensionsReaderKey;
    private static Credential sipCredentialsReaderKey;
    private static Credential keyManagerKey;
    private static String ownNarrowKeyId;
    private static final AtomicInteger nextNumber = new AtomicInteger(3000);
    private static final String KEY_MANAGER_SCOPE = "api-keys:write";

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        own = platform.tenant();
        other = platform.tenant();
        ownUserExtensionId = platform.extension(own, OWN_USER_NUMBER, OWN_USER_PASSWORD).string("extension.id");
        colleagueExtensionId = platform.extension(own, COLLEAGUE_NUMBER, COLLEAGUE_PASSWORD).string("extension.id");
        otherExtensionId = platform.extension(other, OTHER_NUMBER, OTHER_PASSWORD).string("extension.id");
        platform.extension(other, "1002", "other-colleague-pass");
        ownKeyId = newKey(own, "readonly", null).id();
        otherKeyId = newKey(other, "readonly", null).id();
        ownNarrowKeyId = newKey(own, "admin", null, KEY_MANAGER_SCOPE).id();
        adminKey = platform.apiKey(own, "admin", List.of(), null);
        readonlyKey = platform.apiKey(own, "readonly", List.of(), null);
        userKey = platform.apiKey(own, "user", List.of(), OWN_USER_NUMBER);
        userJwt = platform.extensionUser(own, OWN_USER_NUMBER, OWN_USER_PASSWORD);
        extensionsReaderKey = platform.apiKey(own, "admin", List.of("extensions:read"), null);
        sipCredentialsReaderKey = platform.apiKey(own, "admin", List.of("sip-credentials:read"), null);
        keyManagerKey = platform.apiKey(own, "admin", List.of(KEY_MANAGER_SCOPE), null);
        platform.apiKey(other, "admin", List.of(), null);
    }

    // ---- the dimensions ----------------------------------------------------------------------

    enum Caller {
        ADMIN_JWT("admin JWT"),
        ADMIN_KEY("admin API key"),
        READONLY_KEY("readonly API key"),
        USER_KEY("user API key"),
        USER_JWT("extension user JWT"),
        EXTENSIONS_READ_KEY("admin key scoped extensions:read"),
        SIP_CREDENTIALS_READ_KEY("admin key scoped sip-credentials:read"),
        API_KEYS_WRITE_KEY("admin key scoped api-keys:write"),
        SUPERADMIN_IN_OWN("superadmin acting in own tenant"),
        SUPERADMIN_IN_RESOURCE_TENANT("superadmin acting in the resource's tenant");

        final String label;

        Caller(String label) {
            this.label = label;
        }

        boolean tenantCredential() {
            return this != SUPERADMIN_IN_OWN && this != SUPERADMIN_IN_RESOURCE_TENANT;
        }

        boolean user() {
            return this == USER_KEY || this == USER_JWT;
        }

        boolean admin() {
            return this == ADMIN_JWT || this == ADMIN_KEY || !tenantCredential();
        }
    }

    enum Target {
        OWN_TENANT("own tenant's"),
        OWN_EXTENSION("the user's own"),
        OTHER_TENANT("other tenant's"),
        KEY_WITHIN_SCOPE("own tenant's api-keys:write"),
        UNKNOWN("unknown");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    /** The role and scope gate a use case applies before it looks anything up. */
    enum Gate {
        READ_EXTENSIONS, WRITE_EXTENSIONS, MANAGE_EXTENSIONS, READ_SIP_CREDENTIALS, API_KEYS, AUDIT_LOG;

        boolean lets(Caller caller) {
            return switch (this) {
                case READ_EXTENSIONS -> caller.admin() || caller.user() || caller == Caller.READONLY_KEY
                        || caller == Caller.EXTENSIONS_READ_KEY;
                case WRITE_EXTENSIONS -> caller.admin() || caller.user();
                case MANAGE_EXTENSIONS, AUDIT_LOG -> caller.admin();
                case READ_SIP_CREDENTIALS -> caller.admin() || caller.user()
                        || caller == Caller.SIP_CREDENTIALS_READ_KEY;
                case API_KEYS -> caller.admin() || caller == Caller.API_KEYS_WRITE_KEY;
            };
        }
    }

    enum Route {
        GET_EXTENSION("GET", "/api/extensions/{id}", Gate.READ_EXTENSIONS),
        UPDATE_EXTENSION("PUT", "/api/extensions/{id}", Gate.MANAGE_EXTENSIONS),
        DELETE_EXTENSION("DELETE", "/api/extensions/{id}", Gate.MANAGE_EXTENSIONS),
        CRM_MAPPING("PUT", "/api/extensions/{id}/crm-mapping", Gate.MANAGE_EXTENSIONS),
        SIP_CREDENTIALS("GET", "/api/extensions/{id}/sip-credentials", Gate.READ_SIP_CREDENTIALS),
        SIP_CREDENTIALS_BY_NUMBER("GET", "/api/extensions/by-number/{number}/sip-credentials?tenantId={tenant}",
                Gate.READ_SIP_CREDENTIALS),
        PRESENCE("PUT", "/api/extensions/{id}/presence", Gate.WRITE_EXTENSIONS),
        GET_API_KEY("GET", "/api/api-keys/{id}", Gate.API_KEYS),
        REGENERATE_API_KEY("POST", "/api/api-keys/{id}/regenerate", Gate.API_KEYS),
        REVOKE_API_KEY("DELETE", "/api/api-keys/{id}", Gate.API_KEYS);

        final String method;
        final String template;
        final Gate gate;

        Route(String method, String template, Gate gate) {
            this.method = method;
            this.template = template;
            this.gate = gate;
        }

        boolean onExtension() {
            return template.startsWith("/api/extensions");
        }

        boolean needsFreshTarget() {
            return this == DELETE_EXTENSION || this == REGENERATE_API_KEY || this == REVOKE_API_KEY;
        }

        boolean readsSipCredentials() {
            return gate == Gate.READ_SIP_CREDENTIALS;
        }

        /** Acts on the key itself: only a caller whose role and scopes cover the key may. */
        boolean takesOverKey() {
            return this == REGENERATE_API_KEY || this == REVOKE_API_KEY;
        }
    }

    record Case(Route route, Caller caller, Target target) {

        int expectedStatus() {
            if (route == Route.SIP_CREDENTIALS_BY_NUMBER && caller.tenantCredential()
                    && (target == Target.OTHER_TENANT || target == Target.UNKNOWN)) {
                return 403;
            }
            if (!route.gate.lets(caller)) {
                return 403;
            }
            return switch (target) {
                case UNKNOWN -> 404;
                case OTHER_TENANT -> caller == Caller.SUPERADMIN_IN_RESOURCE_TENANT ? 200 : 404;
                case OWN_TENANT -> ownTenantStatus();
                case OWN_EXTENSION, KEY_WITHIN_SCOPE -> 200;
            };
        }

        /** A colleague's SIP password is refused outright; an unscoped key is wider than a scoped caller. */
        private int ownTenantStatus() {
            if (caller.user() && route.onExtension()) {
                return route.readsSipCredentials() ? 403 : 404;
            }
            return caller == Caller.API_KEYS_WRITE_KEY && route.takesOverKey() ? 403 : 200;
        }

        @Override
        public String toString() {
            return route.method + " " + route.template + " | " + caller.label + " | " + target.label + " → "
                    + expectedStatus();
        }
    }

    static Stream<Case> resourceCases() {
        List<Case> cases = new ArrayList<>();
        for (Route route : Route.values()) {
            for (Caller caller : Caller.values()) {
                for (Target target : Target.values()) {
                    if (target == Target.OWN_EXTENSION && !(caller.user() && route.onExtension())) {
                        continue;
                    }
                    if (target == Target.KEY_WITHIN_SCOPE && route.onExtension()) {
                        continue;
                    }
                    cases.add(new Case(route, caller, target));
                }
            }
        }
        return cases.stream();
    }

    // ---- the matrix over single resources ----------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("resourceCases")
    void aCallerReachesExactlyTheResourcesItsTenantAndRoleAllow(Case c) {
        Subject subject = subjectFor(c);
        Credential credential = credentialFor(c.caller(), subject);
        Object before = ownerView(subject);

        Response response = call(c.route(), subject, credential, "case-" + UUID.randomUUID());

        assertThat(response.status()).as("%s: %s", c, response.text()).isEqualTo(c.expectedStatus());
        if (response.status() == 200) {
            assertSucceeded(c.route(), subject, response);
        } else {
            assertThat(response.string("code")).as(response.text())
                    .isEqualTo(response.status() == 403 ? "FORBIDDEN" : "NOT_FOUND");
            if (response.status() == 404) {
                assertThat(response.text()).doesNotContain(subject.id()).doesNotContain(subject.tenantId());
            }
            assertThat(ownerView(subject)).as("a refused request leaves the target as it was").isEqualTo(before);
            if (c.target() == Target.OTHER_TENANT) {
                Subject unknown = unknownLike(subject);
                Response probe = call(c.route(), unknown, credentialFor(c.caller(), unknown), "probe");
                assertThat(probe.status() + " " + probe.text().replace(unknown.tenantId(), "<tenant>"))
                        .as("another tenant's resource is indistinguishable from a missing one")
                        .isEqualTo(response.status() + " " + response.text().replace(subject.tenantId(), "<tenant>"));
            }
            if (subject.apiKey() != null) {
                assertThat(api.get("/api/auth/me", Credential.apiKey(subject.apiKey())).status())
                        .as("the target key still works").isEqualTo(200);
            }
        }
    }

    /** What a case acts on: an extension or an API key, with its tenant and (for keys) its secret. */
    record Subject(String id, String tenantId, String number, String sipPassword, String apiKey,
                   Credential owner, Credential userOfIt) {
    }

    private static Subject subjectFor(Case c) {
        TenantFixture tenant = switch (c.target()) {
            case OWN_TENANT, OWN_EXTENSION, KEY_WITHIN_SCOPE -> own;
            case OTHER_TENANT -> other;
            case UNKNOWN -> null;
        };
        if (tenant == null) {
            return new Subject(UUID.randomUUID().toString(), UUID.randomUUID().toString(), "1001", null, null,
                    null, null);
        }
        if (c.route().onExtension()) {
            if (c.route().needsFreshTarget()) {
                String number = String.valueOf(nextNumber.incrementAndGet());
                String password = "fresh-pass-" + number;
                String id = platform.extension(tenant, number, password).string("extension.id");
                Credential user = c.target() == Target.OWN_EXTENSION ? freshUser(c.caller(), number, password) : null;
                return new Subject(id, tenant.id(), number, password, null, tenant.admin(), user);
            }
            return switch (c.target()) {
                case OWN_EXTENSION -> new Subject(ownUserExtensionId, own.id(), OWN_USER_NUMBER, OWN_USER_PASSWORD,
                        null, own.admin(), null);
                case OWN_TENANT -> new Subject(colleagueExtensionId, own.id(), COLLEAGUE_NUMBER, COLLEAGUE_PASSWORD,
                        null, own.admin(), null);
                default -> new Subject(otherExtensionId, other.id(), OTHER_NUMBER, OTHER_PASSWORD, null,
                        other.admin(), null);
            };
        }
        boolean narrow = c.target() == Target.KEY_WITHIN_SCOPE;
        if (c.route().needsFreshTarget()) {
            IssuedKey key = narrow ? newKey(tenant, "admin", null, KEY_MANAGER_SCOPE) : newKey(tenant, "readonly", null);
            return new Subject(key.id(), tenant.id(), null, null, key.secret(), tenant.admin(), null);
        }
        String id = narrow ? ownNarrowKeyId : tenant == own ? ownKeyId : otherKeyId;
        return new Subject(id, tenant.id(), null, null, null, tenant.admin(), null);
    }

    private static Subject unknownLike(Subject subject) {
        return new Subject(UUID.randomUUID().toString(), UUID.randomUUID().toString(), subject.number(), null, null,
                null, null);
    }

    private static Credential credentialFor(Caller caller, Subject subject) {
        return switch (caller) {
            case ADMIN_JWT -> own.admin();
            case ADMIN_KEY -> adminKey;
            case READONLY_KEY -> readonlyKey;
            case USER_KEY -> subject.userOfIt() != null ? subject.userOfIt() : userKey;
            case USER_JWT -> subject.userOfIt() != null ? subject.userOfIt() : userJwt;
            case EXTENSIONS_READ_KEY -> extensionsReaderKey;
            case SIP_CREDENTIALS_READ_KEY -> sipCredentialsReaderKey;
            case API_KEYS_WRITE_KEY -> keyManagerKey;
            case SUPERADMIN_IN_OWN -> platform.superadmin().inTenant(own.id());
            case SUPERADMIN_IN_RESOURCE_TENANT -> platform.superadmin().inTenant(subject.tenantId());
        };
    }

    /** A user credential of the caller's kind for a fresh extension, so that a wrongful delete harms no one else. */
    private static Credential freshUser(Caller caller, String number, String password) {
        return caller == Caller.USER_KEY ? platform.apiKey(own, "user", List.of(), number)
                : platform.extensionUser(own, number, password);
    }

    private static Response call(Route route, Subject subject, Credential credential, String marker) {
        String path = route.template.replace("{id}", subject.id()).replace("{tenant}", subject.tenantId())
                .replace("{number}", subject.number() == null ? "1001" : subject.number());
        Object body = switch (route) {
            case UPDATE_EXTENSION -> Map.of("displayName", "Renamed " + marker);
            case CRM_MAPPING -> Map.of("crmUserId", "crm-" + marker);
            case PRESENCE -> Map.of("status", "offline".equals(currentPresence(subject)) ? "busy" : "offline");
            default -> null;
        };
        return body == null ? api.send(route.method, path, null, credential, "application/json")
                : api.send(route.method, path, body, credential, "application/json");
    }

    private static String currentPresence(Subject subject) {
        if (subject.owner() == null) {
            return null;
        }
        return api.get("/api/extensions/" + subject.id(), subject.owner()).string("extension.presence");
    }

    /** The target as its tenant's admin sees it; null for an unknown id. */
    private static Object ownerView(Subject subject) {
        if (subject.owner() == null) {
            return null;
        }
        if (subject.number() != null) {
            Response fetched = api.get("/api/extensions/" + subject.id(), subject.owner());
            return fetched.status() + " " + fetched.text();
        }
        Response fetched = api.get("/api/api-keys/" + subject.id(), subject.owner());
        return fetched.status() + " " + fetched.text();
    }

    private static void assertSucceeded(Route route, Subject subject, Response response) {
        switch (route) {
            case GET_EXTENSION -> assertThat(response.string("extension.id")).isEqualTo(subject.id());
            case UPDATE_EXTENSION -> {
                assertThat(response.string("message")).isEqualTo("Extension updated");
                assertThat(api.get("/api/extensions/" + subject.id(), subject.owner()).string("extension.display_name"))
                        .startsWith("Renamed ");
            }
            case DELETE_EXTENSION -> {
                assertThat(response.string("message")).isEqualTo("Extension deleted");
                assertThat(api.get("/api/extensions/" + subject.id(), subject.owner()).status()).isEqualTo(404);
            }
            case CRM_MAPPING -> assertThat(response.string("extension.crm_user_id")).startsWith("crm-case-");
            case SIP_CREDENTIALS, SIP_CREDENTIALS_BY_NUMBER -> {
                assertThat(response.string("sipCredentials.extension")).isEqualTo(subject.number());
                assertThat(response.string("sipCredentials.password")).isEqualTo(subject.sipPassword());
            }
            case PRESENCE -> {
                assertThat(response.at("ok")).isEqualTo(true);
                assertThat(response.string("extension")).isEqualTo(subject.number());
                assertThat(api.get("/api/extensions/" + subject.id(), subject.owner()).string("extension.presence"))
                        .isEqualTo(response.string("status"));
            }
            case GET_API_KEY -> {
                assertThat(response.string("apiKey.id")).isEqualTo(subject.id());
                assertThat(response.object("apiKey")).doesNotContainKey("key");
            }
            case REGENERATE_API_KEY -> {
                String renewed = response.string("apiKey.key");
                assertThat(renewed).startsWith("csk_live_").isNotEqualTo(subject.apiKey());
                assertThat(api.get("/api/auth/me", Credential.apiKey(subject.apiKey())).status()).isEqualTo(401);
                assertThat(api.get("/api/auth/me", Credential.apiKey(renewed)).status()).isEqualTo(200);
            }
            case REVOKE_API_KEY -> {
                assertThat(response.string("apiKey.status")).isEqualTo("revoked");
                assertThat(api.get("/api/auth/me", Credential.apiKey(subject.apiKey())).status()).isEqualTo(401);
            }
        }
    }

    // ---- the matrix over lists -----------------------------------------------------------------

    enum ListRoute {
        EXTENSIONS("/api/extensions", "extensions", "tenant_id", Gate.READ_EXTENSIONS),
        API_KEYS("/api/api-keys", "apiKeys", "tenantId", Gate.API_KEYS),
        AUDIT_LOG("/api/audit-log", "entries", "tenant_id", Gate.AUDIT_LOG);

        final String path;
        final String key;
        final String tenantField;
        final Gate gate;

        ListRoute(String path, String key, String tenantField, Gate gate) {
            this.path = path;
            this.key = key;
            this.tenantField = tenantField;
            this.gate = gate;
        }
    }

    /** {@code namesOtherTenant}: the request carries {@code X-Tenant-ID} of the other tenant. */
    record ListCase(ListRoute route, Caller caller, boolean namesOtherTenant) {

        int expectedStatus() {
            if (caller.tenantCredential() && namesOtherTenant) {
                return 403;
            }
            return route.gate.lets(caller) ? 200 : 403;
        }

        @Override
        public String toString() {
            return "GET " + route.path + " | " + caller.label + " | "
                    + (namesOtherTenant ? "X-Tenant-ID: other tenant" : "own tenant") + " → " + expectedStatus();
        }
    }

    static Stream<ListCase> listCases() {
        List<ListCase> cases = new ArrayList<>();
        for (ListRoute route : ListRoute.values()) {
            for (Caller caller : Caller.values()) {
                if (caller == Caller.SUPERADMIN_IN_RESOURCE_TENANT) {
                    continue;
                }
                cases.add(new ListCase(route, caller, false));
                cases.add(new ListCase(route, caller, true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listCases")
    void aListHoldsOnlyRowsOfTheTenantTheCallerActsIn(ListCase c) {
        TenantFixture actingIn = c.namesOtherTenant() ? other : own;
        Credential credential = switch (c.caller()) {
            case SUPERADMIN_IN_OWN -> platform.superadmin().inTenant(actingIn.id());
            default -> c.namesOtherTenant()
                    ? credentialFor(c.caller(), noSubject()).inTenant(other.id())
                    : credentialFor(c.caller(), noSubject());
        };

        Response response = api.get(c.route().path, credential);

        assertThat(response.status()).as("%s: %s", c, response.text()).isEqualTo(c.expectedStatus());
        if (response.status() != 200) {
            assertThat(response.string("code")).isEqualTo("FORBIDDEN");
            return;
        }
        List<Map<String, Object>> rows = response.list(c.route().key);
        assertThat(rows).as("the caller's tenant has rows of this kind").isNotEmpty();
        assertThat(rows).extracting(row -> row.get(c.route().tenantField)).containsOnly(actingIn.id());
        if (c.route() == ListRoute.EXTENSIONS) {
            Set<Object> ids = rows.stream().map(row -> row.get("id")).collect(Collectors.toSet());
            if (c.caller().user()) {
                assertThat(ids).containsExactly(ownUserExtensionId);
            } else if (actingIn == own) {
                assertThat(ids).contains(ownUserExtensionId, colleagueExtensionId).doesNotContain(otherExtensionId);
            } else {
                assertThat(ids).contains(otherExtensionId).doesNotContain(ownUserExtensionId, colleagueExtensionId);
            }
        }
        if (c.route() == ListRoute.API_KEYS) {
            Set<Object> ids = rows.stream().map(row -> row.get("id")).collect(Collectors.toSet());
            assertThat(ids).contains(actingIn == own ? ownKeyId : otherKeyId)
                    .doesNotContain(actingIn == own ? otherKeyId : ownKeyId);
            assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContainKey("key"));
        }
    }

    private static Subject noSubject() {
        return new Subject(null, own.id(), null, null, null, null, null);
    }

    // ---- fixtures --------------------------------------------------------------------------------

    record IssuedKey(String id, String secret) {
    }

    private static IssuedKey newKey(TenantFixture tenant, String role, String extension, String... scopes) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "target-" + UUID.randomUUID());
        body.put("role", role);
        body.put("scopes", List.of(scopes));
        if (extension != null) {
            body.put("extension", extension);
        }
        Response created = api.post("/api/api-keys", body, tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return new IssuedKey(created.string("apiKey.id"), created.string("apiKey.key"));
    }
}

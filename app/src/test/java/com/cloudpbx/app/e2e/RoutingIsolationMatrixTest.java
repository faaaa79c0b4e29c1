package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route of the routing resources (DIDs, IVR menus, ring groups, paging groups, queues,
 * schedules, the blocklist), of webhooks, of trunks and of the reports against every kind of
 * caller, on a resource of the caller's own tenant, on one of another tenant and on an id that
 * does not exist. All callers belong to (or, for the superadmin, act in) tenant "own"; the resources of tenant "other" exist
 * and are reachable by their ids.
 *
 * <p>The expectations follow the core's order of checks: (1) binding the actor — a tenant
 * credential naming another tenant in {@code X-Tenant-ID} is 403, even when that tenant is the
 * resource's; (2) the role and scope gate of the use case — 403 whatever the id, so it reveals
 * nothing; (3) the lookup confined to the actor's tenant (for a user moving a queue agent: to its
 * own extension) — 404 otherwise, the same answer as for an id that does not exist at all.
 *
 * <pre>
 * R: each of dids, ivr-menus, ring-groups, paging-groups, queues, schedules, blocklist, webhooks; "oth": another
 *    tenant's id.
 *                                          | admin JWT | readonly | user key  | superadmin, X-Tenant-ID=  | admin key
 *                                          | admin key | key      | ext JWT   | own         | resource's  | X-Tenant-ID
 * Route                                    | own  oth  | own  oth | own  oth  | own  oth    | tenant      | =other
 * GET    /api/R/{id}                       | 200  404  | 200  404 | 403  403  | 200  404    | 200         | 403
 * PUT    /api/R/{id} (name, reason, route) | 200  404  | 403  403 | 403  403  | 200  404    | 200         | 403
 * DELETE /api/R/{id}                       | 200  404  | 403  403 | 403  403  | 200  404    | 200         | 403
 * GET    /api/schedules/{id}/status        | 200  404  | 200  404 | 403  403  | 200  404    | 200         | 403
 * GET    /api/queues/{id}/stats            | 200  404  | 200  404 | 403  403  | 200  404    | 200         | 403
 * POST   /api/queues/{id}/agents/{e}/login | 200  404  | 403  403 | (*)  404  | 200  404    | 200         | 403
 * POST   .../agents/{e}/logout (the same)  |           |          |           |             |             |
 * POST   /api/paging-groups/{id}/broadcast | 200  404  | 403  403 | 403  403  | 200  404    | 200         | 403
 * GET    /api/webhooks/{id}/deliveries     | 200  404  | 200  404 | 403  403  | 200  404    | 200         | 403
 * POST   /api/webhooks/{id}/test           | 200  404  | 403  403 | 403  403  | 200  404    | 200         | 403
 * POST   .../{id}/deliveries/{d}/retry     | 200  404  | 403  403 | 403  403  | 200  404    | 200         | 403
 * POST   /api/webhooks/{id}/rotate-secret  | 200  404  | 403  403 | 403  403  | 200  404    | 200         | 403
 * (a webhook's retry names a delivery of that webhook; an unknown webhook's, a random id.)
 * (*) A user's agent lookup is confined to its own extension: its own agent 200, a colleague's agent in the own
 *     tenant's queue 404, as if it were no agent of the queue; "oth" names the other tenant's agent with the user's
 *     own number.
 * An unknown id answers exactly what "oth" answers, except for the superadmin acting in the "resource's tenant"
 * (then a tenant that does not exist either), who gets 404.
 *
 * Admin-role keys narrowed by one scope (past the scope, "oth" and unknown are 404 as for the admin):
 *                                       | dids:read | ring-groups:write | webhooks:read | webhooks:write
 * GET    /api/dids/{id}                 | 200       | 403               | 403           | 403
 * PUT, DELETE /api/dids/{id}            | 403       | 403               | 403           | 403
 * GET, PUT, DELETE /api/ring-groups/{id}| 403       | 200               | 403           | 403
 * GET /api/webhooks/{id}, .../deliveries| 403       | 403               | 200           | 200
 * every other webhook route             | 403       | 403               | 403           | 200
 * every other route above               | 403       | 403               | 403           | 403
 *
 * Trunks: platform-wide; a trunk serving the caller's own tenant is no more its own than any other.
 *                                       | every tenant credential | superadmin, whatever X-Tenant-ID
 * GET    /api/trunks                    | 403                     | 200, every trunk
 * GET, PUT, DELETE /api/trunks/{id}     | 403                     | 200 (unknown id 404)
 * POST   /api/trunks/{id}/sync          | 403                     | 200 (unknown id 404)
 *
 * Lists (no id)                         | admin JWT | readonly | user key  | dids:read,         | superadmin
 *                                       | admin key | key      | ext JWT   | ring-groups:write  | X-Tenant-ID=
 *                                       | own  oth  | own  oth | own  oth  | own         oth    | own / oth
 * GET    /api/R                         | 200  403  | 200  403 | 403  403  | 200 on its  403    | 200
 *                                       |           |          |           | R, else 403        |
 * "oth": the request carries X-Tenant-ID of the other tenant. A 200 holds only rows of the tenant acted in.
 *
 * Reports: per tenant, no ids; three days ago (a day no other case makes calls on) "own" had one call
 * (extension 7001, 60 s) and "other" two (7002, 30 s each); "own" has two extensions, "other" three.
 *                                       | admin JWT | readonly | user key  | scoped    | superadmin X-Tenant-ID= |
 *                                       | admin key | key      | ext JWT   | admin key | own / oth   | none      |
 *                                       | own  oth  | own  oth | own  oth  | own  oth  |             |           |
 * GET /api/reports/dashboard,           | 200  403  | 200  403 | 403  403  | 403  403  | 200         | 400       |
 *     /calls-by-day, /top-extensions    |           |          |           |           |             | TENANT_   |
 *                                       |           |          |           |           |             | REQUIRED  |
 * A 200 counts only the calls and extensions of the tenant acted in.
 *
 * Revocation: a revoked admin key is 401 at once on every routing resource and on webhooks.
 *
 * Webhook fixtures post to https://127.0.0.1/hooks/..., an address this server refuses to deliver to (no
 * private targets here): a test delivery fails at once without leaving the machine, and with no retries
 * (max_retries 0) nothing is attempted later but what a retry case asks for.
 * </pre>
 *
 * <p>A refused request leaves the target exactly as its tenant's admin saw it before; DELETE runs on
 * fresh fixtures; an agent moved or a page sent is put back afterwards.
 */
@ExtendWith(SharedApiServer.class)
class RoutingIsolationMatrixTest {

    private static final String USER_NUMBER = "1001";
    private static final String USER_PASSWORD = "routing-user-pass";
    private static final String COLLEAGUE_NUMBER = "1002";

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture own;
    private static TenantFixture other;
    private static final Map<Kind, String> ownFixtures = new EnumMap<>(Kind.class);
    private static final Map<Kind, String> otherFixtures = new EnumMap<>(Kind.class);
    private static String ownTrunkId;
    private static String otherTrunkId;
    private static Credential adminKey;
    private static Credential readonlyKey;
    private static Credential userKey;
    private static Credential userJwt;
    private static Credential didsReaderKey;
    private static Credential ringGroupsWriterKey;
    private static Credential webhooksReaderKey;
    private static Credential webhooksWriterKey;
    /** Each webhook fixture's test delivery, by webhook id. */
    private static final Map<String, String> deliveryOfWebhook = new java.util.concurrent.ConcurrentHashMap<>();
    private static final AtomicInteger serial = new AtomicInteger(100);
    private static final LocalDate REPORTED_DAY = LocalDate.now(ZoneOffset.UTC).minusDays(3);
    private static final long didBase = 2_000_000L + ThreadLocalRandom.current().nextLong(7_000_000L);

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        own = platform.tenant();
        other = platform.tenant();
        for (TenantFixture tenant : List.of(own, other)) {
            platform.extension(tenant, USER_NUMBER, USER_PASSWORD);
            platform.extension(tenant, COLLEAGUE_NUMBER, "routing-colleague-pass");
            Map<Kind, String> fixtures = tenant == own ? ownFixtures : otherFixtures;
            for (Kind kind : Kind.values()) {
                fixtures.put(kind, create(kind, tenant));
            }
        }
        platform.extension(other, "1003", "routing-third-pass");
        reportedCall(own, "7001", 60);
        reportedCall(other, "7002", 30);
        reportedCall(other, "7002", 30);
        ownTrunkId = trunk(own);
        otherTrunkId = trunk(other);
        adminKey = platform.apiKey(own, "admin", List.of(), null);
        readonlyKey = platform.apiKey(own, "readonly", List.of(), null);
        userKey = platform.apiKey(own, "user", List.of(), USER_NUMBER);
        userJwt = platform.extensionUser(own, USER_NUMBER, USER_PASSWORD);
        didsReaderKey = platform.apiKey(own, "admin", List.of("dids:read"), null);
        ringGroupsWriterKey = platform.apiKey(own, "admin", List.of("ring-groups:write"), null);
        webhooksReaderKey = platform.apiKey(own, "admin", List.of("webhooks:read"), null);
        webhooksWriterKey = platform.apiKey(own, "admin", List.of("webhooks:write"), null);
    }

    // ---- the dimensions ----------------------------------------------------------------------

    enum Caller {
        ADMIN_JWT("admin JWT"),
        ADMIN_KEY("admin API key"),
        READONLY_KEY("readonly API key"),
        USER_KEY("user API key"),
        USER_JWT("extension user JWT"),
        DIDS_READ_KEY("admin key scoped dids:read"),
        RING_GROUPS_WRITE_KEY("admin key scoped ring-groups:write"),
        WEBHOOKS_READ_KEY("admin key scoped webhooks:read"),
        WEBHOOKS_WRITE_KEY("admin key scoped webhooks:write"),
        SUPERADMIN_IN_OWN("superadmin acting in own tenant"),
        SUPERADMIN_IN_RESOURCE_TENANT("superadmin acting in the resource's tenant"),
        ADMIN_NAMING_OTHER_TENANT("admin API key with X-Tenant-ID of the other tenant");

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

        /** Full admins of the tenant it acts in. */
        boolean admin() {
            return this == ADMIN_JWT || this == ADMIN_KEY || !tenantCredential();
        }
    }

    /** A routing resource: its collection, the keys of its JSON bodies, its API-key scope name. */
    enum Kind {
        DIDS("/api/dids", "did", "dids"),
        IVR_MENUS("/api/ivr-menus", "ivrMenu", "ivrMenus"),
        RING_GROUPS("/api/ring-groups", "ringGroup", "ringGroups"),
        PAGING_GROUPS("/api/paging-groups", "pagingGroup", "pagingGroups"),
        QUEUES("/api/queues", "queue", "queues"),
        SCHEDULES("/api/schedules", "schedule", "schedules"),
        BLOCKLIST("/api/blocklist", "blocked", "blocked"),
        WEBHOOKS("/api/webhooks", "webhook", "webhooks");

        final String path;
        final String itemKey;
        final String listKey;

        Kind(String path, String itemKey, String listKey) {
            this.path = path;
            this.itemKey = itemKey;
            this.listKey = listKey;
        }

        /** The field a harmless update changes, as the response names it. */
        String changedField() {
            return switch (this) {
                case DIDS -> "route_target";
                case BLOCKLIST -> "reason";
                default -> "name";
            };
        }
    }

    enum Target {
        OWN_TENANT("own tenant's"),
        OWN_AGENT("own tenant's queue, the user's own agent"),
        OTHER_TENANT("other tenant's"),
        UNKNOWN("unknown");

        final String label;

        Target(String label) {
            this.label = label;
        }
    }

    /** The role and scope gate a use case applies before it looks anything up. */
    enum Gate {
        READ, WRITE,
        /** Queue agents: admins for any agent, a user for its own extension (checked by the lookup). */
        AGENT;

        boolean lets(Caller caller, Kind kind) {
            return switch (this) {
                case READ -> caller.admin() || caller == Caller.READONLY_KEY
                        || caller == Caller.DIDS_READ_KEY && kind == Kind.DIDS
                        || caller == Caller.RING_GROUPS_WRITE_KEY && kind == Kind.RING_GROUPS
                        || (caller == Caller.WEBHOOKS_READ_KEY || caller == Caller.WEBHOOKS_WRITE_KEY)
                        && kind == Kind.WEBHOOKS;
                case WRITE -> caller.admin() || caller == Caller.RING_GROUPS_WRITE_KEY && kind == Kind.RING_GROUPS
                        || caller == Caller.WEBHOOKS_WRITE_KEY && kind == Kind.WEBHOOKS;
                case AGENT -> caller.admin() || caller.user();
            };
        }
    }

    enum Route {
        GET_DID("GET", Kind.DIDS, "/{id}", Gate.READ),
        UPDATE_DID("PUT", Kind.DIDS, "/{id}", Gate.WRITE),
        DELETE_DID("DELETE", Kind.DIDS, "/{id}", Gate.WRITE),
        GET_IVR_MENU("GET", Kind.IVR_MENUS, "/{id}", Gate.READ),
        UPDATE_IVR_MENU("PUT", Kind.IVR_MENUS, "/{id}", Gate.WRITE),
        DELETE_IVR_MENU("DELETE", Kind.IVR_MENUS, "/{id}", Gate.WRITE),
        GET_RING_GROUP("GET", Kind.RING_GROUPS, "/{id}", Gate.READ),
        UPDATE_RING_GROUP("PUT", Kind.RING_GROUPS, "/{id}", Gate.WRITE),
        DELETE_RING_GROUP("DELETE", Kind.RING_GROUPS, "/{id}", Gate.WRITE),
        GET_PAGING_GROUP("GET", Kind.PAGING_GROUPS, "/{id}", Gate.READ),
        UPDATE_PAGING_GROUP("PUT", Kind.PAGING_GROUPS, "/{id}", Gate.WRITE),
        DELETE_PAGING_GROUP("DELETE", Kind.PAGING_GROUPS, "/{id}", Gate.WRITE),
        BROADCAST("POST", Kind.PAGING_GROUPS, "/{id}/broadcast", Gate.WRITE),
        GET_QUEUE("GET", Kind.QUEUES, "/{id}", Gate.READ),
        UPDATE_QUEUE("PUT", Kind.QUEUES, "/{id}", Gate.WRITE),
        DELETE_QUEUE("DELETE", Kind.QUEUES, "/{id}", Gate.WRITE),
        QUEUE_STATS("GET", Kind.QUEUES, "/{id}/stats", Gate.READ),
        AGENT_LOGIN("POST", Kind.QUEUES, "/{id}/agents/{agent}/login", Gate.AGENT),
        AGENT_LOGOUT("POST", Kind.QUEUES, "/{id}/agents/{agent}/logout", Gate.AGENT),
        GET_SCHEDULE("GET", Kind.SCHEDULES, "/{id}", Gate.READ),
        UPDATE_SCHEDULE("PUT", Kind.SCHEDULES, "/{id}", Gate.WRITE),
        DELETE_SCHEDULE("DELETE", Kind.SCHEDULES, "/{id}", Gate.WRITE),
        SCHEDULE_STATUS("GET", Kind.SCHEDULES, "/{id}/status", Gate.READ),
        GET_BLOCKED_NUMBER("GET", Kind.BLOCKLIST, "/{id}", Gate.READ),
        UPDATE_BLOCKED_NUMBER("PUT", Kind.BLOCKLIST, "/{id}", Gate.WRITE),
        DELETE_BLOCKED_NUMBER("DELETE", Kind.BLOCKLIST, "/{id}", Gate.WRITE),
        GET_WEBHOOK("GET", Kind.WEBHOOKS, "/{id}", Gate.READ),
        UPDATE_WEBHOOK("PUT", Kind.WEBHOOKS, "/{id}", Gate.WRITE),
        DELETE_WEBHOOK("DELETE", Kind.WEBHOOKS, "/{id}", Gate.WRITE),
        WEBHOOK_DELIVERIES("GET", Kind.WEBHOOKS, "/{id}/deliveries", Gate.READ),
        TEST_WEBHOOK("POST", Kind.WEBHOOKS, "/{id}/test", Gate.WRITE),
        RETRY_DELIVERY("POST", Kind.WEBHOOKS, "/{id}/deliveries/{delivery}/retry", Gate.WRITE),
        ROTATE_SECRET("POST", Kind.WEBHOOKS, "/{id}/rotate-secret", Gate.WRITE);

        final String method;
        final Kind kind;
        final String template;
        final Gate gate;

        Route(String method, Kind kind, String suffix, Gate gate) {
            this.method = method;
            this.kind = kind;
            this.template = kind.path + suffix;
            this.gate = gate;
        }

        boolean movesAgent() {
            return gate == Gate.AGENT;
        }

        boolean deletes() {
            return method.equals("DELETE");
        }

        boolean updates() {
            return method.equals("PUT");
        }
    }

    record Case(Route route, Caller caller, Target target) {

        int expectedStatus() {
            if (caller == Caller.ADMIN_NAMING_OTHER_TENANT || !route.gate.lets(caller, route.kind)) {
                return 403;
            }
            return switch (target) {
                case UNKNOWN -> 404;
                case OTHER_TENANT -> caller == Caller.SUPERADMIN_IN_RESOURCE_TENANT ? 200 : 404;
                // For a user, the own tenant's agent is a colleague's: confined to its own extension.
                case OWN_TENANT -> caller.user() ? 404 : 200;
                case OWN_AGENT -> 200;
            };
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
                    if (target == Target.OWN_AGENT && !route.movesAgent()) {
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
    void aCallerReachesExactlyTheRoutingResourcesItsTenantRoleAndScopesAllow(Case c) {
        Subject subject = subjectFor(c);
        if (c.route() == Route.AGENT_LOGOUT) {
            moveAgent(subject, "login");
        }
        Object before = ownerView(subject);
        try {
            Response response = call(c.route(), subject, credentialFor(c.caller(), subject),
                    "case-" + serial.incrementAndGet());

            assertThat(response.status()).as("%s: %s", c, response.text()).isEqualTo(c.expectedStatus());
            if (response.status() == 200) {
                assertSucceeded(c.route(), subject, response);
                return;
            }
            assertThat(response.string("code")).as(response.text())
                    .isEqualTo(response.status() == 403 ? "FORBIDDEN" : "NOT_FOUND");
            if (response.status() == 404) {
                assertThat(response.text()).doesNotContain(subject.id()).doesNotContain(subject.tenantId());
            }
            assertThat(ownerView(subject)).as("a refused request leaves the target as it was").isEqualTo(before);
            if (c.route() == Route.BROADCAST && subject.owner() != null) {
                assertThat(activeCalls(subject.owner())).as("a refused page rings no phone").isEmpty();
            }
            if (c.target() == Target.OTHER_TENANT) {
                Subject unknown = unknownLike(subject);
                Response probe = call(c.route(), unknown, credentialFor(c.caller(), unknown), "probe");
                assertThat(probe.status() + " " + probe.text())
                        .as("another tenant's resource is indistinguishable from a missing one")
                        .isEqualTo(response.status() + " " + response.text());
            }
        } finally {
            if (c.route().movesAgent()) {
                moveAgent(subject, "logout");
            }
        }
    }

    /** What a case acts on: a resource (and, for agent routes, the agent's extension) and its tenant's admin. */
    record Subject(Kind kind, String id, String tenantId, String agent, Credential owner) {
    }

    private static Subject subjectFor(Case c) {
        String agent = c.target() == Target.OWN_TENANT ? COLLEAGUE_NUMBER : USER_NUMBER;
        TenantFixture tenant = switch (c.target()) {
            case OWN_TENANT, OWN_AGENT -> own;
            case OTHER_TENANT -> other;
            case UNKNOWN -> null;
        };
        if (tenant == null) {
            return new Subject(c.route().kind, UUID.randomUUID().toString(), UUID.randomUUID().toString(), agent, null);
        }
        Kind kind = c.route().kind;
        String id = c.route().deletes() ? create(kind, tenant)
                : (tenant == own ? ownFixtures : otherFixtures).get(kind);
        return new Subject(kind, id, tenant.id(), agent, tenant.admin());
    }

    private static Subject unknownLike(Subject subject) {
        return new Subject(subject.kind(), UUID.randomUUID().toString(), UUID.randomUUID().toString(), subject.agent(),
                null);
    }

    private static Credential credentialFor(Caller caller, Subject subject) {
        return switch (caller) {
            case ADMIN_JWT -> own.admin();
            case ADMIN_KEY -> adminKey;
            case READONLY_KEY -> readonlyKey;
            case USER_KEY -> userKey;
            case USER_JWT -> userJwt;
            case DIDS_READ_KEY -> didsReaderKey;
            case RING_GROUPS_WRITE_KEY -> ringGroupsWriterKey;
            case WEBHOOKS_READ_KEY -> webhooksReaderKey;
            case WEBHOOKS_WRITE_KEY -> webhooksWriterKey;
            case SUPERADMIN_IN_OWN -> platform.superadmin().inTenant(own.id());
            case SUPERADMIN_IN_RESOURCE_TENANT -> platform.superadmin().inTenant(subject.tenantId());
            case ADMIN_NAMING_OTHER_TENANT -> adminKey.inTenant(other.id());
        };
    }

    private static Response call(Route route, Subject subject, Credential credential, String marker) {
        String path = route.template.replace("{id}", subject.id()).replace("{agent}", subject.agent())
                .replace("{delivery}", deliveryOfWebhook.getOrDefault(subject.id(), UUID.randomUUID().toString()));
        Object body;
        if (route.updates()) {
            body = switch (route.kind) {
                case DIDS -> Map.of("routeTarget", "room-" + marker);
                case BLOCKLIST -> Map.of("reason", "Renamed " + marker);
                default -> Map.of("name", "Renamed " + marker);
            };
        } else if (route == Route.BROADCAST) {
            body = Map.of("callerExtension", USER_NUMBER);
        } else {
            body = route.method.equals("POST") ? Map.of() : null;
        }
        return api.send(route.method, path, body, credential, "application/json");
    }

    /** The target as its tenant's admin sees it; null for an unknown id. */
    private static Object ownerView(Subject subject) {
        if (subject.owner() == null) {
            return null;
        }
        Response fetched = api.get(subject.kind().path + "/" + subject.id(), subject.owner());
        return fetched.status() + " " + fetched.text();
    }

    /** As the tenant's admin, so that each case starts from a logged-out agent; unknown queues have none. */
    private static void moveAgent(Subject subject, String action) {
        if (subject.owner() == null) {
            return;
        }
        Response moved = api.post(Kind.QUEUES.path + "/" + subject.id() + "/agents/" + subject.agent() + "/" + action,
                Map.of(), subject.owner());
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
    }

    private static void assertSucceeded(Route route, Subject subject, Response response) {
        Kind kind = route.kind;
        String item = kind.itemKey;
        switch (route) {
            case GET_DID, GET_IVR_MENU, GET_RING_GROUP, GET_PAGING_GROUP, GET_QUEUE, GET_SCHEDULE,
                 GET_BLOCKED_NUMBER, GET_WEBHOOK -> {
                assertThat(response.string(item + ".id")).isEqualTo(subject.id());
                assertThat(response.string(item + ".tenant_id")).isEqualTo(subject.tenantId());
            }
            case UPDATE_DID, UPDATE_IVR_MENU, UPDATE_RING_GROUP, UPDATE_PAGING_GROUP, UPDATE_QUEUE, UPDATE_SCHEDULE,
                 UPDATE_BLOCKED_NUMBER, UPDATE_WEBHOOK -> {
                assertThat(response.string("message")).endsWith(" updated");
                String changed = response.string(item + "." + kind.changedField());
                assertThat(changed).contains("case-");
                assertThat(api.get(kind.path + "/" + subject.id(), subject.owner()).string(item + "."
                        + kind.changedField())).isEqualTo(changed);
            }
            case DELETE_DID, DELETE_IVR_MENU, DELETE_RING_GROUP, DELETE_PAGING_GROUP, DELETE_QUEUE, DELETE_SCHEDULE,
                 DELETE_BLOCKED_NUMBER, DELETE_WEBHOOK -> {
                assertThat(response.string("message")).isNotBlank();
                assertThat(api.get(kind.path + "/" + subject.id(), subject.owner()).status()).isEqualTo(404);
            }
            case SCHEDULE_STATUS -> {
                assertThat(response.at("isOpen")).isInstanceOf(Boolean.class);
                assertThat(response.string("timezone")).isEqualTo("UTC");
            }
            case QUEUE_STATS -> assertThat(response.object("stats.agents")).containsKeys("available", "logged_out");
            case AGENT_LOGIN, AGENT_LOGOUT -> {
                String status = route == Route.AGENT_LOGIN ? "available" : "logged_out";
                assertThat(response.string("agent.extension")).isEqualTo(subject.agent());
                assertThat(response.string("agent.status")).isEqualTo(status);
                assertThat(api.get(kind.path + "/" + subject.id(), subject.owner()).list("queue.agents"))
                        .filteredOn(a -> subject.agent().equals(a.get("extension")))
                        .singleElement().satisfies(a -> assertThat(a.get("status")).isEqualTo(status));
            }
            case BROADCAST -> {
                assertThat(response.at("membersOnline")).isEqualTo(1);
                assertThat(response.list("results")).containsExactly(Map.of("extension", COLLEAGUE_NUMBER,
                        "status", "online"));
                assertThat(api.post("/api/calls/" + response.string("jobId") + "/hangup", null, subject.owner())
                        .status()).isEqualTo(200);
                Eventually.value(() -> activeCalls(subject.owner()).isEmpty() ? Optional.of(true) : Optional.empty());
            }
            case WEBHOOK_DELIVERIES -> {
                assertThat(response.list("deliveries")).extracting(d -> d.get("id"))
                        .contains(deliveryOfWebhook.get(subject.id()));
                assertThat(response.list("deliveries")).extracting(d -> d.get("webhook_id")).containsOnly(subject.id());
            }
            case TEST_WEBHOOK -> {
                // The fixture's address is one deliveries may not reach here: the attempt fails without a status.
                assertThat(response.at("success")).isEqualTo(false);
                assertThat(response.string("delivery.webhook_id")).isEqualTo(subject.id());
                assertThat(response.string("delivery.event")).isEqualTo("webhook.test");
                assertThat(response.list("delivery.attempts")).singleElement()
                        .satisfies(attempt -> assertThat(attempt.get("status_code")).isNull());
            }
            case RETRY_DELIVERY -> {
                assertThat(response.string("delivery.id")).isEqualTo(deliveryOfWebhook.get(subject.id()));
                assertThat(response.string("delivery.webhook_id")).isEqualTo(subject.id());
            }
            case ROTATE_SECRET -> {
                assertThat(response.string("webhook.secret")).startsWith("whsec_");
                assertThat(response.string("webhook.previous_secret_expires_at")).isNotNull();
                assertThat(api.get(kind.path + "/" + subject.id(), subject.owner()).text())
                        .doesNotContain(response.string("webhook.secret"));
            }
        }
    }

    private static List<Map<String, Object>> activeCalls(Credential owner) {
        Response active = api.get("/api/calls/active", owner);
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls");
    }

    // ---- the matrix over lists -----------------------------------------------------------------

    /** {@code namesOtherTenant}: the request carries {@code X-Tenant-ID} of the other tenant. */
    record ListCase(Kind kind, Caller caller, boolean namesOtherTenant) {

        int expectedStatus() {
            if (caller.tenantCredential() && namesOtherTenant) {
                return 403;
            }
            return Gate.READ.lets(caller, kind) ? 200 : 403;
        }

        @Override
        public String toString() {
            return "GET " + kind.path + " | " + caller.label + " | "
                    + (namesOtherTenant ? "X-Tenant-ID: other tenant" : "own tenant") + " → " + expectedStatus();
        }
    }

    static Stream<ListCase> listCases() {
        List<ListCase> cases = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            for (Caller caller : Caller.values()) {
                // The one naming the other tenant is every credential below with namesOtherTenant.
                if (caller == Caller.SUPERADMIN_IN_RESOURCE_TENANT || caller == Caller.ADMIN_NAMING_OTHER_TENANT) {
                    continue;
                }
                cases.add(new ListCase(kind, caller, false));
                cases.add(new ListCase(kind, caller, true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("listCases")
    void aRoutingListHoldsOnlyRowsOfTheTenantTheCallerActsIn(ListCase c) {
        TenantFixture actingIn = c.namesOtherTenant() ? other : own;
        Credential credential = c.caller() == Caller.SUPERADMIN_IN_OWN ? platform.superadmin().inTenant(actingIn.id())
                : c.namesOtherTenant() ? credentialFor(c.caller(), null).inTenant(other.id())
                : credentialFor(c.caller(), null);

        Response response = api.get(c.kind().path, credential);

        assertThat(response.status()).as("%s: %s", c, response.text()).isEqualTo(c.expectedStatus());
        if (response.status() != 200) {
            assertThat(response.string("code")).isEqualTo("FORBIDDEN");
            assertThat(response.text()).doesNotContain(otherFixtures.get(c.kind()));
            return;
        }
        List<Map<String, Object>> rows = response.list(c.kind().listKey);
        assertThat(rows).extracting(row -> row.get("tenant_id")).containsOnly(actingIn.id());
        Set<Object> ids = rows.stream().map(row -> row.get("id")).collect(Collectors.toSet());
        String mine = (actingIn == own ? ownFixtures : otherFixtures).get(c.kind());
        String theirs = (actingIn == own ? otherFixtures : ownFixtures).get(c.kind());
        assertThat(ids).contains(mine).doesNotContain(theirs);
    }

    // ---- reports: per tenant, no ids ------------------------------------------------------------

    enum ReportRoute {
        DASHBOARD("/api/reports/dashboard"),
        CALLS_BY_DAY("/api/reports/calls-by-day"),
        TOP_EXTENSIONS("/api/reports/top-extensions");

        final String path;

        ReportRoute(String path) {
            this.path = path;
        }
    }

    /** {@code namesOtherTenant}: the request carries {@code X-Tenant-ID} of the other tenant. */
    record ReportCase(ReportRoute route, Caller caller, boolean namesOtherTenant) {

        int expectedStatus() {
            if (caller.tenantCredential() && namesOtherTenant) {
                return 403;
            }
            return caller.admin() || caller == Caller.READONLY_KEY ? 200 : 403;
        }

        @Override
        public String toString() {
            return "GET " + route.path + " | " + caller.label + " | "
                    + (namesOtherTenant ? "X-Tenant-ID: other tenant" : "own tenant") + " → " + expectedStatus();
        }
    }

    static Stream<ReportCase> reportCases() {
        List<ReportCase> cases = new ArrayList<>();
        for (ReportRoute route : ReportRoute.values()) {
            for (Caller caller : Caller.values()) {
                if (caller == Caller.SUPERADMIN_IN_RESOURCE_TENANT || caller == Caller.ADMIN_NAMING_OTHER_TENANT) {
                    continue;
                }
                cases.add(new ReportCase(route, caller, false));
                cases.add(new ReportCase(route, caller, true));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reportCases")
    void aReportCountsOnlyTheTenantTheCallerActsIn(ReportCase c) {
        TenantFixture actingIn = c.namesOtherTenant() ? other : own;
        Credential credential = c.caller() == Caller.SUPERADMIN_IN_OWN ? platform.superadmin().inTenant(actingIn.id())
                : c.namesOtherTenant() ? credentialFor(c.caller(), null).inTenant(other.id())
                : credentialFor(c.caller(), null);

        Response response = api.get(c.route().path, credential);

        assertThat(response.status()).as("%s: %s", c, response.text()).isEqualTo(c.expectedStatus());
        if (response.status() != 200) {
            assertThat(response.string("code")).isEqualTo("FORBIDDEN");
            return;
        }
        boolean inOwn = actingIn == own;
        switch (c.route()) {
            case DASHBOARD -> assertThat(response.object("dashboard")).containsEntry("extensions", inOwn ? 2 : 3);
            case CALLS_BY_DAY -> assertThat(response.string("callsByDay." + REPORTED_DAY + ".total"))
                    .isEqualTo(inOwn ? "1" : "2");
            case TOP_EXTENSIONS -> assertThat(response.list("topExtensions"))
                    .contains(inOwn ? Map.of("extension", "7001", "totalCalls", 1, "totalDuration", 60)
                            : Map.of("extension", "7002", "totalCalls", 2, "totalDuration", 60))
                    .extracting(row -> row.get("extension")).doesNotContain(inOwn ? "7002" : "7001");
        }
    }

    @ParameterizedTest
    @EnumSource(ReportRoute.class)
    void aSuperadminActingInNoTenantMustNameOneForAReport(ReportRoute route) {
        Response response = api.get(route.path, platform.superadmin());

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.string("code")).isEqualTo("TENANT_REQUIRED");
    }

    // ---- trunks: the platform's, not any tenant's -------------------------------------------------

    enum TrunkRoute {
        GET_TRUNK("GET", "/api/trunks/{id}"),
        UPDATE_TRUNK("PUT", "/api/trunks/{id}"),
        DELETE_TRUNK("DELETE", "/api/trunks/{id}"),
        SYNC_TRUNK("POST", "/api/trunks/{id}/sync");

        final String method;
        final String template;

        TrunkRoute(String method, String template) {
            this.method = method;
            this.template = template;
        }
    }

    /** {@code target}: a trunk of the own tenant, one of the other tenant, or an unknown id. */
    record TrunkCase(TrunkRoute route, Caller caller, Target target) {

        int expectedStatus() {
            if (caller.tenantCredential()) {
                return 403;
            }
            return target == Target.UNKNOWN ? 404 : 200;
        }

        @Override
        public String toString() {
            return route.method + " " + route.template + " | " + caller.label + " | " + target.label + " trunk → "
                    + expectedStatus();
        }
    }

    static Stream<TrunkCase> trunkCases() {
        List<TrunkCase> cases = new ArrayList<>();
        for (TrunkRoute route : TrunkRoute.values()) {
            for (Caller caller : Caller.values()) {
                for (Target target : List.of(Target.OWN_TENANT, Target.OTHER_TENANT, Target.UNKNOWN)) {
                    cases.add(new TrunkCase(route, caller, target));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trunkCases")
    void onlyASuperadminReachesATrunkWhateverTenantItServes(TrunkCase c) {
        TenantFixture tenant = c.target() == Target.OWN_TENANT ? own : c.target() == Target.OTHER_TENANT ? other : null;
        String id = tenant == null ? UUID.randomUUID().toString()
                : c.route() == TrunkRoute.DELETE_TRUNK ? trunk(tenant) : tenant == own ? ownTrunkId : otherTrunkId;
        String tenantId = tenant == null ? UUID.randomUUID().toString() : tenant.id();
        Credential credential = credentialFor(c.caller(), new Subject(null, id, tenantId, null, null));
        Response before = api.get("/api/trunks/" + id, platform.superadmin());
        Object body = c.route() == TrunkRoute.UPDATE_TRUNK ? Map.of("provider", "Renamed " + serial.incrementAndGet())
                : c.route() == TrunkRoute.SYNC_TRUNK ? Map.of() : null;

        Response response = api.send(c.route().method, c.route().template.replace("{id}", id), body, credential,
                "application/json");

        assertThat(response.status()).as("%s: %s", c, response.text()).isEqualTo(c.expectedStatus());
        Response after = api.get("/api/trunks/" + id, platform.superadmin());
        if (response.status() == 200) {
            switch (c.route()) {
                case GET_TRUNK -> assertThat(response.string("trunk.id")).isEqualTo(id);
                case UPDATE_TRUNK -> assertThat(after.string("trunk.provider")).startsWith("Renamed ");
                case DELETE_TRUNK -> assertThat(after.status()).isEqualTo(404);
                case SYNC_TRUNK -> assertThat(response.string("gatewayStatus.status")).isEqualTo("UP");
            }
            return;
        }
        assertThat(response.string("code")).as(response.text())
                .isEqualTo(response.status() == 403 ? "FORBIDDEN" : "NOT_FOUND");
        assertThat(response.text()).doesNotContain(id);
        assertThat(after.status() + " " + after.text()).as("a refused request leaves the trunk as it was")
                .isEqualTo(before.status() + " " + before.text());
    }

    @ParameterizedTest
    @EnumSource(Caller.class)
    void onlyASuperadminListsTrunks(Caller caller) {
        Subject anyTrunk = new Subject(null, null, other.id(), null, null);

        Response response = api.get("/api/trunks", credentialFor(caller, anyTrunk));

        if (caller.tenantCredential()) {
            assertThat(response.status()).as(response.text()).isEqualTo(403);
            assertThat(response.string("code")).isEqualTo("FORBIDDEN");
            assertThat(response.text()).doesNotContain(ownTrunkId).doesNotContain(otherTrunkId);
        } else {
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            assertThat(response.list("trunks")).extracting(t -> t.get("id")).contains(ownTrunkId, otherTrunkId);
        }
    }

    // ---- revocation ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRevokedAdminKeyIsRefusedOnARoutingRouteAtOnce(Kind kind) {
        Response issued = api.post("/api/api-keys", Map.of("name", "revoked-" + UUID.randomUUID(), "role", "admin"),
                own.admin());
        assertThat(issued.status()).as(issued.text()).isEqualTo(201);
        Credential key = Credential.apiKey(issued.string("apiKey.key"));
        String path = kind.path + "/" + ownFixtures.get(kind);
        assertThat(api.get(path, key).status()).as("the key works until it is revoked").isEqualTo(200);

        assertThat(api.delete("/api/api-keys/" + issued.string("apiKey.id"), own.admin()).status()).isEqualTo(200);

        Response refused = api.get(path, key);
        assertThat(refused.status()).as(refused.text()).isEqualTo(401);
        assertThat(refused.text()).doesNotContain(ownFixtures.get(kind));
    }

    // ---- fixtures --------------------------------------------------------------------------------

    /** A resource of this kind in the tenant, made by its admin; members and agents are its 1001 and 1002. */
    private static String create(Kind kind, TenantFixture tenant) {
        int n = serial.incrementAndGet();
        Map<String, Object> body = new HashMap<>();
        switch (kind) {
            case DIDS -> {
                body.put("number", "+1312" + (didBase + n));
                body.put("inboundRoute", "conference");
                body.put("routeTarget", "lobby");
            }
            case IVR_MENUS -> {
                body.put("name", "Menu " + n);
                body.put("greeting", "Welcome");
            }
            case RING_GROUPS -> {
                body.put("name", "Ring " + n);
                body.put("members", List.of(Map.of("extension", COLLEAGUE_NUMBER)));
            }
            case PAGING_GROUPS -> {
                body.put("name", "Page " + n);
                body.put("extensionCode", "*" + n);
                body.put("members", List.of(Map.of("extension", COLLEAGUE_NUMBER)));
            }
            case QUEUES -> {
                body.put("name", "Queue " + n);
                body.put("agents", List.of(Map.of("extension", USER_NUMBER), Map.of("extension", COLLEAGUE_NUMBER)));
            }
            case SCHEDULES -> {
                body.put("name", "Hours " + n);
                body.put("timezone", "UTC");
            }
            case BLOCKLIST -> {
                body.put("number", "+1786555" + String.format("%04d", n));
                body.put("reason", "Spam " + n);
            }
            case WEBHOOKS -> {
                body.put("name", "Hook " + n);
                body.put("url", "https://127.0.0.1/hooks/" + n);
                body.put("events", List.of("call.start", "call.end"));
                body.put("maxRetries", 0);
            }
        }
        Response created = api.post(kind.path, body, tenant.admin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.string(kind.itemKey + ".id");
        if (kind == Kind.WEBHOOKS) {
            Response tested = api.post(kind.path + "/" + id + "/test", null, tenant.admin());
            assertThat(tested.status()).as(tested.text()).isEqualTo(200);
            deliveryOfWebhook.put(id, tested.string("delivery.id"));
        }
        return id;
    }

    /** A call of the tenant on {@link #REPORTED_DAY}, in its history as the call tracker records one. */
    private static void reportedCall(TenantFixture tenant, String extension, long seconds) {
        Instant now = REPORTED_DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
        try (Connection connection = api.database().dataSource().getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     INSERT INTO call_records (id, tenant_id, call_uuid, direction, extension, status,
                                               duration_seconds, started_at, ended_at)
                     VALUES (?, ?, ?, 'internal', ?, 'completed', ?, ?, ?)""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.fromString(tenant.id()));
            insert.setObject(3, UUID.randomUUID());
            insert.setString(4, extension);
            insert.setLong(5, seconds);
            insert.setObject(6, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            insert.setObject(7, OffsetDateTime.ofInstant(now.plusSeconds(seconds), ZoneOffset.UTC));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A trunk serving the tenant's calls, made by the superadmin. */
    private static String trunk(TenantFixture tenant) {
        Response created = api.post("/api/trunks", Map.of("name", "trunk-" + UUID.randomUUID(),
                "proxy", "sip.carrier.test:5060", "register", false, "tenantId", tenant.id()), platform.superadmin());
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.string("trunk.id");
    }
}

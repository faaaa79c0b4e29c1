package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * An outsider hammering the login routes: forging forwarding headers to escape the per-address
 * throttle, sending oversized identifiers, and flooding logins to tie up the CPU with password
 * hashes. Each attack runs on a server of its own, since the per-address budget is shared by
 * everything that comes from one address.
 */
class LoginFloodAttackTest {

    private static final int PER_ADDRESS = 6;
    private static final Map<String, Object> SMALL_ADDRESS_BUDGET = Map.of(
            "voip.login.attempts-per-address-per-minute", PER_ADDRESS,
            "voip.login.attempts-per-account-per-minute", 1_000);
    private static final String SIP_PASSWORD = "sip-password-101";

    @Test
    void rotatingForwardedForFromAnUntrustedPeerDoesNotEscapeThePerAddressThrottle() {
        try (ApiServer api = ApiServer.start(SMALL_ADDRESS_BUDGET)) {
            Fixture fixture = Fixture.create(api);
            Outsider outsider = new Outsider(api);
            int left = PER_ADDRESS - Fixture.LOGINS;

            List<Response> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                answers.add(outsider.post("/api/auth/admin-login", wrongLogin(), Map.of(
                        "X-Forwarded-For", randomAddress(), "Forwarded", "for=" + randomAddress())));
            }

            assertThat(answers.subList(0, left)).extracting(Response::status).containsOnly(401);
            assertThat(answers.subList(left, answers.size())).allSatisfy(LoginFloodAttackTest::assertRateLimited);
            fixture.assertHealthyAndIntact();
        }
    }

    @Test
    void behindATrustedProxyTheRightMostUntrustedHopIsThrottledAndAudited() {
        Map<String, Object> properties = new HashMap<>(SMALL_ADDRESS_BUDGET);
        properties.put("voip.http.trusted-proxies", "127.0.0.0/8,::1,10.0.0.0/8");
        try (ApiServer api = ApiServer.start(properties)) {
            Fixture fixture = Fixture.create(api);
            Outsider outsider = new Outsider(api);

            List<Response> attacker = new ArrayList<>();
            for (int i = 0; i < PER_ADDRESS + 4; i++) {
                // the attacker writes the left part; the proxies append the address they saw and their own
                attacker.add(outsider.post("/api/auth/admin-login", wrongLogin(),
                        Map.of("X-Forwarded-For", randomAddress() + ", 203.0.113.50, 10.0.0.7")));
            }
            Response bystander = outsider.post("/api/auth/admin-login", wrongLogin(),
                    Map.of("X-Forwarded-For", "203.0.113.50, 198.51.100.8"));
            Response admin = outsider.post("/api/auth/admin-login",
                    Map.of("email", fixture.tenant.adminEmail(), "password", fixture.tenant.adminPassword()),
                    Map.of("X-Forwarded-For", "203.0.113.50, 2001:db8::77, 10.0.0.7"));

            assertThat(attacker.subList(0, PER_ADDRESS)).extracting(Response::status).containsOnly(401);
            assertThat(attacker.subList(PER_ADDRESS, attacker.size())).allSatisfy(LoginFloodAttackTest::assertRateLimited);
            assertThat(bystander.status()).as(bystander.text()).isEqualTo(401);
            assertThat(admin.status()).as(admin.text()).isEqualTo(200);
            Response audit = api.get("/api/audit-log?action=login&resource=account",
                    Credential.token(admin.string("token")));
            assertThat(audit.status()).as(audit.text()).isEqualTo(200);
            assertThat(audit.list("entries").get(0)).containsEntry("client_ip", "2001:db8:0:0:0:0:0:77");
            fixture.assertHealthyAndIntact();
        }
    }

    @Test
    void oversizedIdentifiersAreRefusedAt400BeforeTheThrottleCountsThem() {
        try (ApiServer api = ApiServer.start(SMALL_ADDRESS_BUDGET)) {
            Fixture fixture = Fixture.create(api);
            Outsider outsider = new Outsider(api);
            String tenantId = fixture.tenant.id();
            String megabyte = "x".repeat(1_000_000);

            List<Response> oversized = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                oversized.add(outsider.post("/api/auth/admin-login",
                        Map.of("email", "a".repeat(250) + "@x.test", "password", "wrong-password"), Map.of()));
                oversized.add(outsider.post("/api/auth/superadmin-login",
                        Map.of("email", ApiServer.SUPERADMIN_EMAIL, "password", "p".repeat(129)), Map.of()));
                oversized.add(outsider.post("/api/auth/login",
                        Map.of("username", "1".repeat(17), "password", SIP_PASSWORD, "tenantId", tenantId), Map.of()));
                oversized.add(outsider.post("/api/auth/login",
                        Map.of("username", "101", "password", megabyte.substring(0, 500_000), "tenantId", tenantId),
                        Map.of()));
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            Response honest = outsider.post("/api/auth/login",
                    Map.of("username", "101", "password", SIP_PASSWORD, "tenantId", tenantId), Map.of());

            for (int i = 0; i < oversized.size(); i += 4) {
                assertValidationFailed(oversized.get(i), "email");
                assertValidationFailed(oversized.get(i + 1), "password");
                assertValidationFailed(oversized.get(i + 2), "username");
                assertValidationFailed(oversized.get(i + 3), "password");
            }
            assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
            assertThat(honest.status()).as("the oversized attempts used none of the address's budget: " + honest.text())
                    .isEqualTo(200);
            fixture.assertHealthyAndIntact();
        }
    }

    @Test
    void aLoginFloodGets429sFromTheBoundedHashesWhileCallControlAnswers() throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("voip.bcrypt.cost", 12);
        properties.put("voip.bcrypt.concurrency", 1);
        properties.put("voip.bcrypt.queue-wait-ms", 500);
        try (ApiServer api = ApiServer.start(properties)) {
            Fixture fixture = Fixture.create(api);
            Outsider outsider = new Outsider(api);
            Credential key = new Platform(api).apiKey(fixture.tenant, "readonly", List.of(), null);
            // once before the flood, so that what is measured below is the flood's effect, not a first request's
            assertThat(api.get("/api/extensions", key).status()).isEqualTo(200);

            List<CompletableFuture<Response>> flood = new ArrayList<>();
            Response extensions;
            Duration elapsed;
            try (ExecutorService attackers = Executors.newFixedThreadPool(24)) {
                for (int i = 0; i < 48; i++) {
                    flood.add(CompletableFuture.supplyAsync(() -> outsider.post("/api/auth/admin-login", wrongLogin(),
                            Map.of()), attackers));
                }
                Thread.sleep(300);
                long started = System.nanoTime();
                extensions = api.get("/api/extensions", key);
                elapsed = Duration.ofNanos(System.nanoTime() - started);
            }

            List<Response> answers = flood.stream().map(CompletableFuture::join).toList();
            assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.text()).isIn(401, 429));
            // each attempt either got a hash slot (401) or waited its 500 ms in vain (429): both happen in a flood
            assertThat(answers).filteredOn(answer -> answer.status() == 401).isNotEmpty();
            assertThat(answers).filteredOn(answer -> answer.status() == 429).isNotEmpty()
                    .allSatisfy(LoginFloodAttackTest::assertRateLimited);
            assertThat(extensions.status()).as(extensions.text()).isEqualTo(200);
            // unbounded, the hashes take every core and this request waits for the whole flood (tens of seconds);
            // the margin over "instant" is for a build machine shared with other work
            assertThat(elapsed).isLessThan(Duration.ofSeconds(2));
            fixture.assertHealthyAndIntact();
        }
    }

    private static Map<String, String> wrongLogin() {
        return Map.of("email", "victim-" + UUID.randomUUID() + "@nowhere.test", "password", "wrong-password");
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return random.nextInt(1, 224) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static void assertRateLimited(Response answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(429);
        assertThat(answer.string("code")).isEqualTo("RATE_LIMITED");
        assertThat(answer.header("Retry-After")).as("Retry-After").isNotNull().matches("[1-9]\\d*");
    }

    private static void assertValidationFailed(Response answer, String field) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(answer.string("details.0.field")).isEqualTo(field);
    }

    /** A tenant with one extension, made before the attack, and the check that it survived. */
    private record Fixture(ApiServer api, TenantFixture tenant) {

        /** Logins the fixture itself makes from 127.0.0.1: the superadmin's and the tenant admin's. */
        static final int LOGINS = 2;

        static Fixture create(ApiServer api) {
            Platform platform = new Platform(api);
            TenantFixture tenant = platform.tenant();
            platform.extension(tenant, "101", SIP_PASSWORD);
            return new Fixture(api, tenant);
        }

        void assertHealthyAndIntact() {
            Response health = api.get("/health", Credential.NONE);
            assertThat(health.status()).as(health.text()).isEqualTo(200);
            Response extensions = api.get("/api/extensions", tenant.admin());
            assertThat(extensions.status()).as(extensions.text()).isEqualTo(200);
            assertThat(extensions.list("extensions")).extracting(row -> row.get("extension")).containsExactly("101");
        }
    }
}

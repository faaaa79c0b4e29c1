package com.cloudpbx.app.e2e.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.core.identity.ApiKeyCache;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An outsider guessing API keys by the thousand. The server sits behind a proxy on loopback, so the
 * attack can come from many addresses (the proxy's {@code X-Forwarded-For}), as it would on the
 * internet.
 */
class ApiKeyFloodAttackTest {

    private static final int UNKNOWN_PER_MINUTE = 30;
    private static final int CACHE_SIZE = 200;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static ApiServer api;
    private static Outsider outsider;
    private static TenantFixture tenant;
    private static Credential validKey;

    @BeforeAll
    static void start() {
        api = ApiServer.start(Map.of(
                "voip.http.trusted-proxies", "127.0.0.1,::1",
                "voip.auth.unknown-api-keys-per-address-per-minute", UNKNOWN_PER_MINUTE,
                "voip.auth.api-key-cache-size", CACHE_SIZE));
        outsider = new Outsider(api);
        Platform platform = new Platform(api);
        tenant = platform.tenant();
        platform.extension(tenant, "101", "sip-password-101");
        validKey = platform.apiKey(tenant, "readonly", List.of(), null);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void thousandsOfRandomKeysFromOneAddressAre429AfterTheLimitWhileAValidKeyElsewhereWorks() {
        String attacker = "203.0.113.66";

        List<Response> answers = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            answers.add(extensionsWithKey(randomKey(), attacker));
        }

        assertThat(answers.subList(0, UNKNOWN_PER_MINUTE)).extracting(Response::status).containsOnly(401);
        assertThat(answers.subList(UNKNOWN_PER_MINUTE, answers.size())).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.text()).isEqualTo(429);
            assertThat(answer.string("code")).isEqualTo("RATE_LIMITED");
            assertThat(answer.header("Retry-After")).as("Retry-After").isNotNull().matches("[1-9]\\d*");
        });
        Response fromElsewhere = extensionsWithKey(validKey.apiKey(), "198.51.100.23");
        assertThat(fromElsewhere.status()).as(fromElsewhere.text()).isEqualTo(200);
        assertHealthyAndIntact();
    }

    @Test
    void aThrottledAddressIsRefusedAnyLookupEvenOfAValidKey() {
        String attacker = "203.0.113.67";
        Credential neverUsed = new Platform(api).apiKey(tenant, "readonly", List.of(), null);
        for (int i = 0; i < UNKNOWN_PER_MINUTE; i++) {
            extensionsWithKey(randomKey(), attacker);
        }

        Response valid = extensionsWithKey(neverUsed.apiKey(), attacker);

        assertThat(valid.status()).as(valid.text()).isEqualTo(429);
        assertHealthyAndIntact();
    }

    @Test
    void aKeyInUseKeepsWorkingFromAnAddressThatFloodsUnknownKeys() {
        String office = "203.0.113.68";
        assertThat(extensionsWithKey(validKey.apiKey(), office).status()).isEqualTo(200);
        for (int i = 0; i < UNKNOWN_PER_MINUTE + 10; i++) {
            extensionsWithKey(randomKey(), office);
        }

        Response inUse = extensionsWithKey(validKey.apiKey(), office);

        assertThat(inUse.status()).as(inUse.text()).isEqualTo(200);
        assertHealthyAndIntact();
    }

    @Test
    void randomKeysFromThousandsOfAddressesLeaveTheKeyCacheAtItsBound() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String address = "198.18." + (i / 250) + "." + (i % 250 + 1);
            statuses.add(extensionsWithKey(randomKey(), address).status());
        }

        assertThat(statuses).containsOnly(401);
        assertThat(api.bean(ApiKeyCache.class).estimatedSize()).isLessThanOrEqualTo(CACHE_SIZE + 1L);
        Response valid = extensionsWithKey(validKey.apiKey(), "198.51.100.24");
        assertThat(valid.status()).as(valid.text()).isEqualTo(200);
        assertHealthyAndIntact();
    }

    @Test
    void theEventsSocketOfAThrottledAddressIsClosedWith4429() throws Exception {
        Credential neverUsed = new Platform(api).apiKey(tenant, "readonly", List.of(), null);
        // straight from 127.0.0.1, the trusted proxy itself: no other test of this class comes from there
        for (int i = 0; i < UNKNOWN_PER_MINUTE; i++) {
            outsider.get("/api/extensions", Map.of("X-API-Key", randomKey()));
        }

        try (EventSocket socket = EventSocket.open(api, "?token=" + neverUsed.apiKey())) {
            assertThat(socket.closeCode().get(10, TimeUnit.SECONDS)).isEqualTo(4429);
        }
        assertHealthyAndIntact();
    }

    private static Response extensionsWithKey(String key, String clientAddress) {
        return outsider.get("/api/extensions", Map.of("X-API-Key", key, "X-Forwarded-For", clientAddress));
    }

    private static String randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "csk_live_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void assertHealthyAndIntact() {
        Response health = api.get("/health", Credential.NONE);
        assertThat(health.status()).as(health.text()).isEqualTo(200);
        Response extensions = api.get("/api/extensions", tenant.admin());
        assertThat(extensions.status()).as(extensions.text()).isEqualTo(200);
        assertThat(extensions.list("extensions")).extracting(row -> row.get("extension")).containsExactly("101");
    }
}

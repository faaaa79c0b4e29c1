package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Login throttling with small budgets. Every test uses fresh account names; the per-address budget
 * is shared by all tests (they all come from 127.0.0.1), so a test that needs it spent runs on a
 * server of its own.
 */
class LoginRateLimitTest {

    private static final Map<String, Object> LIMITS = Map.of(
            "voip.login.attempts-per-account-per-minute", 3,
            "voip.login.attempts-per-address-per-minute", 6);

    private static ApiServer api;

    @BeforeAll
    static void start() {
        api = ApiServer.start(LIMITS);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void theFourthAttemptOnOneAccountIs429WithRetryAfter() {
        String email = "victim-" + UUID.randomUUID() + "@nowhere.test";
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            statuses.add(attempt(api, email).status());
        }

        Response fourth = attempt(api, email);

        assertThat(statuses).containsOnly(401);
        assertThat(fourth.status()).as(fourth.text()).isEqualTo(429);
        assertThat(fourth.string("code")).isEqualTo("RATE_LIMITED");
        assertThat(fourth.string("error")).isNotBlank();
        String retryAfter = fourth.header("Retry-After");
        assertThat(retryAfter).as("Retry-After header").isNotNull().matches("\\d+");
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
    }

    @Test
    void attemptsOnDifferentAccountsFromOneAddressExceedTheAddressLimit() {
        try (ApiServer own = ApiServer.start(LIMITS)) {
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                statuses.add(attempt(own, "account-" + i + "-" + UUID.randomUUID() + "@nowhere.test").status());
            }

            Response seventh = attempt(own, "account-7-" + UUID.randomUUID() + "@nowhere.test");

            assertThat(statuses).containsOnly(401);
            assertThat(seventh.status()).as(seventh.text()).isEqualTo(429);
            assertThat(seventh.string("code")).isEqualTo("RATE_LIMITED");
            assertThat(seventh.header("Retry-After")).isNotNull().matches("\\d+");
        }
    }

    private static Response attempt(ApiServer server, String email) {
        return server.post("/api/auth/admin-login", Map.of("email", email, "password", "wrong-password"),
                Credential.NONE);
    }
}

package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.freeswitch.esl.FakeFreeSwitch;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /health with FreeSWITCH as the media server: a fake switch over real TCP, stopped and started again. */
class FreeSwitchHealthTest {

    private static final String PASSWORD = "s3cret";
    // The client reconnects with growing pauses (up to 30 s); a restart is noticed within a few.
    private static final Duration RECONNECT = Duration.ofSeconds(30);

    private final FakeFreeSwitch freeSwitch = new FakeFreeSwitch(PASSWORD);
    private ApiServer api;
    private String host;

    @BeforeEach
    void start() {
        int port = freeSwitch.start();
        freeSwitch.answerBgapi(command -> Optional.of(command.startsWith("show channels") ? "{\"row_count\":0}\n" : "+OK\n"));
        host = "127.0.0.1:" + port;
        api = ApiServer.start(Map.of("voip.freeswitch.hosts", host + ":" + PASSWORD));
    }

    @AfterEach
    void stop() {
        api.close();
        freeSwitch.close();
    }

    @Test
    void healthIsUpWhileTheSwitchIsConnected() {
        Response health = healthWithStatus(200, Eventually.TIMEOUT);

        assertThat(health.string("status")).isEqualTo("UP");
        assertThat(health.text()).contains("\"freeswitch\":\"UP\"", "\"database\":\"UP\"");
    }

    @Test
    void healthIs503NamingTheSwitchOnceItsConnectionIsLost() {
        healthWithStatus(200, Eventually.TIMEOUT);

        freeSwitch.stop();

        Response health = healthWithStatus(503, Eventually.TIMEOUT);
        assertThat(health.string("status")).isEqualTo("DOWN");
        assertThat(health.string("code")).isEqualTo("BACKEND_UNAVAILABLE");
        assertThat(health.text()).contains("\"freeswitch\":\"DOWN\"", "\"database\":\"UP\"");
        assertThat(health.string("error")).isEqualTo("freeswitch unreachable");
        assertThat(health.text()).doesNotContain(host, PASSWORD);
    }

    @Test
    void theHealthDetailsNameTheHostsThatAreNotConnectedToASuperadminButNotThePassword() {
        healthWithStatus(200, Eventually.TIMEOUT);
        Credential superadmin = new Platform(api).superadmin();

        freeSwitch.stop();

        healthWithStatus(503, Eventually.TIMEOUT);
        Response details = api.get("/health/details", superadmin);
        assertThat(details.status()).as(details.text()).isEqualTo(503);
        assertThat(details.string("details.freeswitch")).contains(host).doesNotContain(PASSWORD);
        assertThat(details.text()).doesNotContain(PASSWORD);
    }

    @Test
    void healthIsUpAgainOnceTheSwitchIsBack() {
        healthWithStatus(200, Eventually.TIMEOUT);
        freeSwitch.stop();
        healthWithStatus(503, Eventually.TIMEOUT);

        freeSwitch.start();

        assertThat(healthWithStatus(200, RECONNECT).string("status")).isEqualTo("UP");
    }

    private Response healthWithStatus(int status, Duration within) {
        return Eventually.value(within, () -> {
            Response health = api.get("/health", Credential.NONE);
            return health.status() == status ? Optional.of(health) : Optional.empty();
        });
    }
}

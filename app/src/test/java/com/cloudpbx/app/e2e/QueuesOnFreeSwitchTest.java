package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.freeswitch.esl.FakeFreeSwitch;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queue statistics and agent states with FreeSWITCH's mod_callcenter, a fake switch over real TCP. */
class QueuesOnFreeSwitchTest {

    private static final String PASSWORD = "s3cret";
    private static final String MEMBERS_HEADER = "queue|uuid|session_uuid|cid_number|cid_name|system_epoch|joined_epoch|"
            + "rejoined_epoch|bridge_epoch|abandoned_epoch|base_score|skill_score|serving_agent|serving_system|state";

    private final FakeFreeSwitch freeSwitch = new FakeFreeSwitch(PASSWORD);
    private final long joined = Instant.now().getEpochSecond() - 42;
    private ApiServer api;
    private TenantFixture acme;
    private String queueId;

    @BeforeEach
    void start() {
        int port = freeSwitch.start();
        freeSwitch.answerBgapi(command -> Optional.of(answer(command)));
        api = ApiServer.start(Map.of("voip.freeswitch.hosts", "127.0.0.1:" + port + ":" + PASSWORD));
        Platform platform = new Platform(api);
        acme = platform.tenant();
        platform.extension(acme, "1001", "sip-password-1001");
        Response queue = api.post("/api/queues", Map.of("name", "Support", "agents", List.of(Map.of("extension", "1001"))),
                acme.admin());
        assertThat(queue.status()).as(queue.text()).isEqualTo(201);
        queueId = queue.string("queue.id");
        healthWithStatus(200);
    }

    @AfterEach
    void stop() {
        api.close();
        freeSwitch.close();
    }

    @Test
    void statsCountTheCallersWaitingOnTheSwitch() {
        Response stats = api.get("/api/queues/" + queueId + "/stats", acme.admin());

        assertThat(stats.status()).as(stats.text()).isEqualTo(200);
        assertThat(stats.at("stats.waiting")).isEqualTo(1);
        assertThat(((Number) stats.at("stats.longestWaitSeconds")).longValue()).isBetween(42L, 100L);
        assertThat(freeSwitch.commands()).anyMatch(c -> c.startsWith(
                "bgapi callcenter_config queue list members " + queueId + "@" + acme.sipDomain()));
    }

    @Test
    void anAgentLoggingInIsMadeAvailableOnTheSwitch() {
        Response login = api.post("/api/queues/" + queueId + "/agents/1001/login", Map.of(), acme.admin());

        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(freeSwitch.commands()).anyMatch(c -> c.startsWith(
                "bgapi callcenter_config agent set status 1001@" + acme.sipDomain() + " 'Available'"));
    }

    @Test
    void statsAre503WhileTheSwitchIsUnreachableButAgentsStillMove() {
        freeSwitch.stop();
        healthWithStatus(503);

        Response stats = api.get("/api/queues/" + queueId + "/stats", acme.admin());
        Response login = api.post("/api/queues/" + queueId + "/agents/1001/login", Map.of(), acme.admin());

        assertThat(stats.status()).as(stats.text()).isEqualTo(503);
        assertThat(stats.string("code")).isEqualTo("MEDIA_SERVER_UNAVAILABLE");
        assertThat(login.status()).as(login.text()).isEqualTo(200);
        assertThat(login.string("agent.status")).isEqualTo("available");
    }

    private String answer(String command) {
        if (command.startsWith("show channels")) {
            return "{\"row_count\":0}\n";
        }
        if (command.startsWith("callcenter_config queue list members ")) {
            String queue = command.substring("callcenter_config queue list members ".length()).strip();
            return MEMBERS_HEADER + "\n"
                    + queue + "|m1|s1|+15550000001|Waiting caller|" + joined + "|" + joined + "|0|0|0|0|0|||Waiting\n"
                    + queue + "|m2|s2|+15550000002|Talking caller|" + joined + "|" + joined + "|0|0|0|0|0|a|s|Answered\n"
                    + "+OK\n";
        }
        return "+OK\n";
    }

    private void healthWithStatus(int status) {
        Eventually.value(() -> {
            Response health = api.get("/health", Credential.NONE);
            return health.status() == status ? Optional.of(health) : Optional.empty();
        });
    }
}

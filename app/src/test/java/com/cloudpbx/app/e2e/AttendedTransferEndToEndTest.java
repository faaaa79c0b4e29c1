package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import com.cloudpbx.app.support.SwitchState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Attended transfer over the real server with the simulated switch: 1001 calls 1002, and 1002
 * (the transferor) consults another extension before handing 1001 over. Phones answer after
 * 50 ms; extension 1486 is busy.
 */
@ExtendWith(SharedApiServer.class)
class AttendedTransferEndToEndTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static ApiServer api;
    private static TenantFixture acme;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        Platform platform = new Platform(api);
        acme = platform.tenant();
        for (String number : List.of("1001", "1002", "1003", "1486")) {
            platform.extension(acme, number, "sip-password-" + number);
        }
    }

    @Test
    void theTransferorHangingUpAfterTheTargetAnsweredHandsTheCallerToTheTarget() {
        Call call = connectedCall();

        Response started = api.post("/api/calls/" + call.agent() + "/transfer",
                Map.of("targetExtension", "1003", "type", "attended"), acme.admin());
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        assertThat(started.string("message")).isEqualTo("Attended transfer started: 1003 is ringing");
        String consult = started.string("consultUuid");
        eventually(() -> SwitchState.bridged(api, consult, call.agent()));
        assertThat(activeLeg(call.caller())).hasValueSatisfying(leg -> assertThat(leg.get("on_hold")).isEqualTo(true));

        api.post("/api/calls/" + call.agent() + "/hangup", null, acme.admin());

        eventually(() -> SwitchState.bridged(api, call.caller(), consult));
        Map<String, Object> caller = eventually(() -> activeLeg(call.caller())
                .filter(leg -> Boolean.FALSE.equals(leg.get("on_hold"))));
        assertThat(caller.get("status")).isEqualTo("active");
        assertThat(activeLeg(consult)).hasValueSatisfying(leg -> assertThat(leg.get("extension")).isEqualTo("1003"));
        assertThat(activeLeg(call.agent())).isEmpty();
    }

    @Test
    void afterACompletedTransferTheOriginalCallAndTheConsultCallEachLeaveACompletedRecord() {
        Call call = connectedCall();
        String consult = api.post("/api/calls/" + call.agent() + "/transfer",
                Map.of("targetExtension", "1003", "type", "attended"), acme.admin()).string("consultUuid");
        eventually(() -> SwitchState.bridged(api, consult, call.agent()));
        api.post("/api/calls/" + call.agent() + "/hangup", null, acme.admin());
        eventually(() -> SwitchState.bridged(api, call.caller(), consult));

        api.post("/api/calls/" + call.caller() + "/hangup", null, acme.admin());

        Map<String, Object> original = record(call.caller());
        Map<String, Object> consultCall = record(consult);
        assertThat(original.get("status")).isEqualTo("completed");
        assertThat(consultCall.get("status")).isEqualTo("completed");
        assertThat(consultCall.get("extension")).isEqualTo("1003");
        assertThat(consultCall.get("caller_id_number")).isEqualTo("1002");
        assertThat(calls().stream().filter(c -> List.of(call.caller(), consult).contains(c.get("call_uuid"))))
                .hasSize(2);
    }

    @Test
    void aBusyTargetCancelsTheTransferAndTheOriginalPartiesTalkAgain() {
        Call call = connectedCall();

        Response started = api.post("/api/calls/" + call.agent() + "/transfer",
                Map.of("targetExtension", "1486", "type", "attended"), acme.admin());
        assertThat(started.status()).as(started.text()).isEqualTo(200);
        String consult = started.string("consultUuid");

        Map<String, Object> missed = record(consult);
        assertThat(missed.get("status")).isEqualTo("missed");
        assertThat(missed.get("hangup_cause")).isEqualTo("USER_BUSY");
        eventually(() -> activeLeg(call.caller()).filter(leg -> Boolean.FALSE.equals(leg.get("on_hold"))));
        assertThat(SwitchState.bridged(api, call.caller(), call.agent())).isPresent();
        api.post("/api/calls/" + call.caller() + "/hangup", null, acme.admin());
    }

    @Test
    void attendedTransferOfAnUnknownCallIs400CallNotFound() {
        Response refused = api.post("/api/calls/" + UUID.randomUUID() + "/transfer",
                Map.of("targetExtension", "1003", "type", "attended"), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("CALL_NOT_FOUND");
    }

    // ---------------------------------------------------------------- helpers

    /** The caller's leg (1001) and the agent's leg (1002) it reached, answered and bridged. */
    private record Call(String caller, String agent) {
    }

    private static Call connectedCall() {
        Response originated = api.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                acme.admin());
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        String caller = originated.string("callUuid");
        String agent = eventually(() -> legsOf(caller).stream()
                .filter(leg -> "1002".equals(leg.get("extension")) && Boolean.TRUE.equals(leg.get("answered")))
                .map(leg -> (String) leg.get("uuid")).findFirst());
        eventually(() -> SwitchState.bridged(api, caller, agent));
        return new Call(caller, agent);
    }


    private static Optional<Map<String, Object>> activeLeg(String uuid) {
        return active().stream().filter(leg -> uuid.equals(leg.get("uuid"))).findFirst();
    }

    private static List<Map<String, Object>> legsOf(String callUuid) {
        return active().stream().filter(leg -> callUuid.equals(leg.get("call_uuid"))).toList();
    }

    private static List<Map<String, Object>> active() {
        Response active = api.get("/api/calls/active", acme.admin());
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls");
    }

    private static Map<String, Object> record(String callUuid) {
        return eventually(() -> calls().stream().filter(c -> callUuid.equals(c.get("call_uuid"))).findFirst());
    }

    private static List<Map<String, Object>> calls() {
        Response listed = api.get("/api/calls?limit=500", acme.admin());
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        return listed.list("calls");
    }

    private static <T> T eventually(Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + TIMEOUT);
            }
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Live calls over the real server with the simulated switch: call control, the events socket,
 * parking, history, export and statistics, tenant isolation and the sandbox. The simulated phones
 * answer after {@code voip.sim.answer-ms}; a destination ending in 486 is busy, 480 does not
 * answer and 503 fails.
 */
@ExtendWith(SharedApiServer.class)
class LiveCallsEndToEndTest {

    private static final Duration TIMEOUT = Eventually.TIMEOUT;

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;
    private static TenantFixture globex;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        platform = new Platform(api);
        acme = platform.tenant();
        for (String number : List.of("1001", "1002", "1003")) {
            platform.extension(acme, number, "sip-password-" + number);
        }
        globex = platform.tenant();
        for (String number : List.of("2001", "2002")) {
            platform.extension(globex, number, "sip-password-" + number);
        }
    }

    @Test
    void originateHoldParkPickUpAndHangUpLeavesOneCompletedRecord() throws Exception {
        try (EventSocket events = EventSocket.open(api, "?token=" + acme.admin().token())) {
            Map<String, Object> connected = events.await(e -> "connected".equals(e.get("type")));
            assertThat(data(connected).get("tenantId")).isEqualTo(acme.id());
            assertThat(data(connected).get("role")).isEqualTo("admin");

            Response originated = api.post("/api/calls/originate",
                    Map.of("fromExtension", "1001", "toNumber", "1002"), acme.admin());
            assertThat(originated.status()).as(originated.text()).isEqualTo(200);
            assertThat(originated.string("message")).isEqualTo("Call originated successfully");
            String callUuid = originated.string("callUuid");

            Map<String, Object> start = events.await(event("call_start", callUuid));
            assertThat(data(start).get("uuid")).isEqualTo(callUuid);
            assertThat(data(start).get("call_id")).isEqualTo(callUuid);
            assertThat(data(start).get("direction")).isEqualTo("internal");
            events.await(e -> "call_ringing".equals(e.get("type")) && callUuid.equals(data(e).get("call_id")));
            events.await(event("call_answer", callUuid));

            List<Map<String, Object>> legs = eventually(() -> {
                List<Map<String, Object>> mine = activeLegs(acme.admin(), callUuid);
                return mine.size() == 2 && mine.stream().allMatch(l -> Boolean.TRUE.equals(l.get("answered")))
                        ? Optional.of(mine) : Optional.empty();
            });
            Map<String, Object> aLeg = legs.stream().filter(l -> callUuid.equals(l.get("uuid"))).findFirst().orElseThrow();
            Map<String, Object> bLeg = legs.stream().filter(l -> !callUuid.equals(l.get("uuid"))).findFirst().orElseThrow();
            assertThat(aLeg.get("status")).isEqualTo("active");
            assertThat(aLeg.get("on_hold")).isEqualTo(false);
            assertThat(aLeg.get("started_at")).asString().endsWith("Z");
            assertThat(bLeg.get("extension")).isEqualTo("1002");
            String bUuid = (String) bLeg.get("uuid");

            Response held = api.post("/api/calls/" + callUuid + "/hold", Map.of("hold", true), acme.admin());
            assertThat(held.status()).as(held.text()).isEqualTo(200);
            assertThat(held.string("message")).isEqualTo("Call placed on hold");
            events.await(event("call_hold", callUuid));
            eventually(() -> activeLegs(acme.admin(), callUuid).stream()
                    .filter(l -> callUuid.equals(l.get("uuid")) && Boolean.TRUE.equals(l.get("on_hold"))
                            && "held".equals(l.get("status"))).findFirst());

            Response resumed = api.post("/api/calls/" + callUuid + "/hold", Map.of("hold", false), acme.admin());
            assertThat(resumed.string("message")).isEqualTo("Call resumed");
            events.await(event("call_unhold", callUuid));
            eventually(() -> activeLegs(acme.admin(), callUuid).stream()
                    .filter(l -> callUuid.equals(l.get("uuid")) && Boolean.FALSE.equals(l.get("on_hold"))).findFirst());

            Response parked = api.post("/api/calls/" + callUuid + "/park", Map.of("slot", 701), acme.admin());
            assertThat(parked.status()).as(parked.text()).isEqualTo(200);
            assertThat(parked.string("slot")).isEqualTo("701");
            Map<String, Object> parkEvent = events.await(e -> "call_park".equals(e.get("type"))
                    && callUuid.equals(data(e).get("call_id")));
            assertThat(data(parkEvent).get("slot")).isEqualTo("701");

            Map<String, Object> parkedRow = eventually(() -> parkedCalls(acme.admin()).stream()
                    .filter(p -> "701".equals(p.get("slot"))).findFirst());
            assertThat(parkedRow.get("uuid")).isEqualTo(bUuid);
            assertThat(parkedRow.get("call_uuid")).isEqualTo(callUuid);

            // another answered call, sent to the slot the first one holds
            String second = originate(acme.admin(), "1001", "1003");
            eventually(() -> {
                List<Map<String, Object>> legsOfSecond = activeLegs(acme.admin(), second);
                return legsOfSecond.size() == 2 && legsOfSecond.stream().allMatch(l -> Boolean.TRUE.equals(l.get("answered")))
                        ? Optional.of(true) : Optional.empty();
            });
            Response taken = api.post("/api/calls/" + second + "/park", Map.of("slot", "701"), acme.admin());
            assertThat(taken.status()).as(taken.text()).isEqualTo(400);
            assertThat(taken.string("code")).isEqualTo("SLOT_TAKEN");
            Response secondHungUp = api.post("/api/calls/" + second + "/hangup", null, acme.admin());
            assertThat(secondHungUp.status()).as(secondHungUp.text()).isEqualTo(200);
            eventually(() -> activeLegs(acme.admin(), second).isEmpty() ? Optional.of(true) : Optional.empty());

            Response pickup = api.post("/api/calls/originate",
                    Map.of("fromExtension", "1003", "toNumber", "701"), acme.admin());
            assertThat(pickup.status()).as(pickup.text()).isEqualTo(200);
            eventually(() -> parkedCalls(acme.admin()).isEmpty() ? Optional.of(true) : Optional.empty());

            Response hungUp = api.post("/api/calls/" + pickup.string("callUuid") + "/hangup", null, acme.admin());
            assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);
            assertThat(hungUp.string("message")).isNotBlank();
            hangUpEverything(acme.admin());
            events.await(e -> "call_end".equals(e.get("type")) && callUuid.equals(data(e).get("call_id")));

            Map<String, Object> record = eventually(() -> calls(acme.admin(), "").stream()
                    .filter(c -> callUuid.equals(c.get("call_uuid"))).findFirst());
            assertThat(calls(acme.admin(), "").stream().filter(c -> callUuid.equals(c.get("call_uuid"))))
                    .hasSize(1);
            assertThat(record.get("direction")).isEqualTo("internal");
            assertThat(record.get("status")).isEqualTo("completed");
            // connected for part of the call, from answer to the end (how long depends on this machine's pace)
            long callSeconds = Duration.between(Instant.parse((String) record.get("answered_at")),
                    Instant.parse((String) record.get("ended_at"))).toSeconds();
            assertThat(((Number) record.get("billsec")).longValue()).isBetween(0L, callSeconds + 1);
            assertThat(record.get("tenant_id")).isEqualTo(acme.id());
            assertThat(record).containsKeys("cdn_url", "audio_url", "answered_at", "ended_at", "hangup_cause");
            assertThat(record).doesNotContainKeys("company_name", "subdomain");

            Response one = api.get("/api/calls/" + record.get("id"), acme.admin());
            assertThat(one.status()).isEqualTo(200);
            assertThat(one.string("call.call_uuid")).isEqualTo(callUuid);

            List<Object> callUuids = calls(acme.admin(), "").stream().map(c -> c.get("call_uuid")).toList();
            assertThat(callUuids).doesNotHaveDuplicates();
        }
    }

    @Test
    void aBusyDestinationIsAMissedCallAndAFailingOneAFailedCall() {
        String busy = originate(acme.admin(), "1001", "+15550100486");
        String failing = originate(acme.admin(), "1002", "+15550100503");

        Map<String, Object> busyRecord = record(acme.admin(), busy);
        assertThat(busyRecord.get("status")).isEqualTo("missed");
        assertThat(busyRecord.get("hangup_cause")).isEqualTo("USER_BUSY");
        assertThat(busyRecord.get("direction")).isEqualTo("outbound");

        Map<String, Object> failedRecord = record(acme.admin(), failing);
        assertThat(failedRecord.get("status")).isEqualTo("failed");

        Response missed = api.get("/api/calls?status=missed&direction=outbound", acme.admin());
        assertThat(missed.list("calls")).extracting(c -> c.get("call_uuid")).contains(busy);
        assertThat(missed.list("calls")).extracting(c -> c.get("call_uuid")).doesNotContain(failing);
        assertThat(missed.string("pagination.page")).isEqualTo("1");
    }

    @Test
    void hangingUpAnUnknownCallIs400AndAnotherTenantsCallIs404() {
        Response unknown = api.post("/api/calls/" + UUID.randomUUID() + "/hangup", null, acme.admin());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.string("code")).isEqualTo("CALL_NOT_FOUND");

        String theirs = originate(globex.admin(), "2001", "2002");
        eventually(() -> activeLegs(globex.admin(), theirs).isEmpty() ? Optional.empty() : Optional.of(true));

        Response foreign = api.post("/api/calls/" + theirs + "/hangup", null, acme.admin());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.string("code")).isEqualTo("NOT_FOUND");
        assertThat(activeLegs(acme.admin(), theirs)).isEmpty();

        Response own = api.post("/api/calls/" + theirs + "/hangup", null, globex.admin());
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        record(globex.admin(), theirs);
        assertThat(calls(acme.admin(), "").stream().filter(c -> theirs.equals(c.get("call_uuid")))).isEmpty();
    }

    @Test
    void aClientSeesOnlyItsOwnTenantsEvents() throws Exception {
        try (EventSocket acmeEvents = EventSocket.open(api, "?token=" + acme.admin().token());
             EventSocket globexEvents = EventSocket.open(api, "?token=" + globex.admin().token())) {
            acmeEvents.await(e -> "connected".equals(e.get("type")));
            globexEvents.await(e -> "connected".equals(e.get("type")));

            String theirs = originate(globex.admin(), "2001", "+15550100486");
            globexEvents.await(event("call_start", theirs));
            record(globex.admin(), theirs);
            globexEvents.await(e -> "call_end".equals(e.get("type")) && theirs.equals(data(e).get("call_id")));

            assertThat(acmeEvents.messages()).noneMatch(e -> "call_start".equals(e.get("type"))
                    && theirs.equals(data(e).get("call_id")));
            assertThat(acmeEvents.raw()).noneMatch(text -> text.contains(theirs));
        }
    }

    @Test
    void theSocketAuthenticatesWithAFirstMessageAndRefusesAWrongCredential() throws Exception {
        try (EventSocket byMessage = EventSocket.open(api, "")) {
            byMessage.send("{\"type\":\"auth\",\"token\":\"" + acme.admin().token() + "\"}");
            Map<String, Object> connected = byMessage.await(e -> "connected".equals(e.get("type")));
            assertThat(data(connected).get("tenantId")).isEqualTo(acme.id());
        }
        try (EventSocket wrong = EventSocket.open(api, "?token=not-a-valid-token")) {
            assertThat(wrong.closeCode().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
            assertThat(wrong.messages()).isEmpty();
        }
        try (EventSocket wrongKey = EventSocket.open(api, "?token=csk_live_" + "0".repeat(40))) {
            assertThat(wrongKey.closeCode().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isEqualTo(4401);
        }
    }

    @Test
    void aSandboxCallRingsAnExtensionAndLeavesAnInboundRecord() {
        Response placed = api.post("/api/sandbox/calls", Map.of("from", "+15557654321", "to", "1003"), acme.admin());
        assertThat(placed.status()).as(placed.text()).isEqualTo(201);
        String caller = placed.string("callUuid");

        Map<String, Object> ringing = eventually(() -> activeLegs(acme.admin(), caller).stream()
                .filter(l -> "1003".equals(l.get("extension")) && !caller.equals(l.get("uuid"))).findFirst());
        Response answered = api.post("/api/sandbox/calls/" + ringing.get("uuid") + "/answer", null, acme.admin());
        assertThat(answered.status()).as(answered.text()).isEqualTo(200);
        eventually(() -> activeLegs(acme.admin(), caller).stream()
                .filter(l -> ringing.get("uuid").equals(l.get("uuid")) && Boolean.TRUE.equals(l.get("answered")))
                .findFirst());

        Response dtmf = api.post("/api/sandbox/calls/" + caller + "/dtmf", Map.of("digits", "12#"), acme.admin());
        assertThat(dtmf.status()).as(dtmf.text()).isEqualTo(200);
        Response hangup = api.post("/api/sandbox/calls/" + caller + "/hangup", null, acme.admin());
        assertThat(hangup.status()).as(hangup.text()).isEqualTo(200);

        Map<String, Object> record = record(acme.admin(), caller);
        assertThat(record.get("direction")).isEqualTo("inbound");
        assertThat(record.get("status")).isEqualTo("completed");
        assertThat(record.get("caller_id_number")).isEqualTo("+15557654321");
    }

    @Test
    void theExportIsCsvWithAHeaderAndOneRowPerCallAndStatsCountThem() {
        String busy = originate(acme.admin(), "1001", "+15550100486");
        record(acme.admin(), busy);

        Response csv = api.get("/api/calls/export", acme.admin());
        assertThat(csv.status()).as(csv.text()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment").contains("calls.csv");
        String[] lines = csv.text().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,call_uuid,started_at,answered_at,ended_at,direction,status,"
                + "caller_id_number,caller_id_name,destination,extension,duration_seconds,billsec,forwarded_to,"
                + "was_voicemail,hangup_cause");
        Response listed = api.get("/api/calls?limit=500", acme.admin());
        long total = ((Number) listed.at("pagination.total")).longValue();
        assertThat(lines).hasSize((int) total + 1);
        assertThat(csv.text()).contains(busy).contains("'+15550100486");

        Response limited = api.get("/api/calls/export?limit=1&direction=outbound", acme.admin());
        assertThat(limited.text().split("\r\n")).hasSize(2);

        Response badFilter = api.get("/api/calls/export?direction=sideways", acme.admin());
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.string("code")).isEqualTo("VALIDATION_FAILED");

        Response stats = api.get("/api/calls/stats?period=today", acme.admin());
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.string("stats.period")).isEqualTo("today");
        assertThat(((Number) stats.at("stats.total")).longValue()).isGreaterThanOrEqualTo(1);
        assertThat(((Number) stats.at("stats.outbound")).longValue()).isGreaterThanOrEqualTo(1);
        long sum = ((Number) stats.at("stats.inbound")).longValue() + ((Number) stats.at("stats.outbound")).longValue()
                + ((Number) stats.at("stats.internal")).longValue();
        assertThat(sum).isEqualTo(((Number) stats.at("stats.total")).longValue());
    }

    // ---------------------------------------------------------------- helpers

    private static String originate(Credential credential, String from, String to) {
        Response originated = api.post("/api/calls/originate", Map.of("fromExtension", from, "toNumber", to),
                credential);
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        return originated.string("callUuid");
    }

    /** Waits for the history record of the call that {@code callUuid} started. */
    private static Map<String, Object> record(Credential credential, String callUuid) {
        return eventually(() -> calls(credential, "").stream().filter(c -> callUuid.equals(c.get("call_uuid")))
                .findFirst());
    }

    private static List<Map<String, Object>> calls(Credential credential, String query) {
        Response listed = api.get("/api/calls?limit=500" + query, credential);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        return listed.list("calls");
    }

    private static List<Map<String, Object>> activeLegs(Credential credential, String callUuid) {
        Response active = api.get("/api/calls/active", credential);
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls").stream().filter(l -> callUuid.equals(l.get("call_uuid"))).toList();
    }

    private static List<Map<String, Object>> parkedCalls(Credential credential) {
        Response parked = api.get("/api/calls/parked", credential);
        assertThat(parked.status()).as(parked.text()).isEqualTo(200);
        return parked.list("parkedCalls");
    }

    private static void hangUpEverything(Credential credential) {
        eventually(() -> {
            List<Map<String, Object>> live = api.get("/api/calls/active", credential).list("activeCalls");
            live.forEach(l -> api.post("/api/calls/" + l.get("uuid") + "/hangup", null, credential));
            return live.isEmpty() ? Optional.of(true) : Optional.empty();
        });
    }

    private static Predicate<Map<String, Object>> event(String type, String legUuid) {
        return EventSocket.callEvent(type, legUuid);
    }

    private static Map<String, Object> data(Map<String, Object> event) {
        return EventSocket.data(event);
    }

    private static <T> T eventually(Supplier<Optional<T>> probe) {
        return Eventually.value(probe);
    }
}

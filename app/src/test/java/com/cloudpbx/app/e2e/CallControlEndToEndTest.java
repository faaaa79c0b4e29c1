package com.cloudpbx.app.e2e;

import static com.cloudpbx.app.support.EventSocket.callEvent;
import static com.cloudpbx.app.support.EventSocket.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.StalledSocket;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.freeswitch.simulated.SimulatedSwitch;
import com.cloudpbx.http.ws.WebSocketEventPublisher;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Call control over the real server and the simulated switch: eavesdropping, blind transfer,
 * unanswered calls, idempotent commands, what each kind of principal may see and do, the history
 * filters and the events socket under a client that stops reading. The simulated phones answer
 * after 50 ms; a destination ending in 480 rings for the one-second ring timeout and is not answered.
 */
class CallControlEndToEndTest {

    private static ApiServer api;
    private static Platform platform;
    private static TenantFixture acme;
    private static TenantFixture globex;

    @BeforeAll
    static void start() {
        // A fixed send buffer per connection: with the kernel's autotuning (up to tcp_wmem's 4 MB) how
        // long a stalled client takes to fill its queue would depend on the machine, not on the server.
        api = ApiServer.start(Map.of("voip.sim.answer-ms", 50, "voip.sim.ring-timeout-seconds", 1,
                "micronaut.server.netty.child-options.SO_SNDBUF", 65_536));
        platform = new Platform(api);
        acme = tenantWith("1001", "1002", "1003", "1004", "1005");
        globex = tenantWith("2001", "2002");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    // ---------------------------------------------------------------- eavesdrop

    @ParameterizedTest
    @ValueSource(strings = {"listen", "whisper", "barge"})
    void eavesdroppingRingsTheSupervisorWhoseLegJoinsTheActiveCallsInTheChosenMode(String mode) {
        String target = answeredCall(acme, "1001", "1002");

        Response spied = api.post("/api/calls/" + target + "/eavesdrop", Map.of("extension", "1005", "mode", mode),
                acme.admin());

        assertThat(spied.status()).as(spied.text()).isEqualTo(200);
        assertThat(spied.string("message")).contains(mode).contains("1005");
        String spy = spied.string("spyUuid");
        Map<String, Object> leg = Eventually.value(() -> activeLegs(acme.admin(), spy).stream()
                .filter(l -> spy.equals(l.get("uuid")) && Boolean.TRUE.equals(l.get("answered"))).findFirst());
        assertThat(leg.get("extension")).isEqualTo("1005");
        assertThat(leg.get("destination")).isEqualTo("1002");
        assertThat(api.bean(SimulatedSwitch.class).eavesdropSession(UUID.fromString(spy)))
                .hasValueSatisfying(s -> assertThat(s.mode().wireName()).isEqualTo(mode));
    }

    @Test
    void switchingTheEavesdropModeChangesTheSupervisorsSession() {
        String target = answeredCall(acme, "1001", "1002");
        String spy = api.post("/api/calls/" + target + "/eavesdrop", Map.of("extension", "1005", "mode", "listen"),
                acme.admin()).string("spyUuid");
        Eventually.value(() -> activeLegs(acme.admin(), spy).stream().findFirst());

        Response switched = api.post("/api/calls/" + spy + "/eavesdrop/mode", Map.of("mode", "barge"), acme.admin());

        assertThat(switched.status()).as(switched.text()).isEqualTo(200);
        assertThat(switched.string("message")).contains("barge");
        assertThat(api.bean(SimulatedSwitch.class).eavesdropSession(UUID.fromString(spy)))
                .hasValueSatisfying(s -> assertThat(s.mode()).isEqualTo(EavesdropMode.BARGE));
    }

    @Test
    void theSupervisorsLegEndsWhenTheCallItListensToEnds() {
        String target = answeredCall(acme, "1001", "1002");
        String spy = api.post("/api/calls/" + target + "/eavesdrop", Map.of("extension", "1005", "mode", "listen"),
                acme.admin()).string("spyUuid");
        Eventually.value(() -> activeLegs(acme.admin(), spy).stream().findFirst());

        api.post("/api/calls/" + target + "/hangup", null, acme.admin());

        Eventually.value(() -> activeLegs(acme.admin(), spy).isEmpty() ? Optional.of(true) : Optional.empty());
    }

    @Test
    void anUnknownEavesdropModeIsRefusedNamingTheModeField() {
        String target = answeredCall(acme, "1001", "1002");

        Response refused = api.post("/api/calls/" + target + "/eavesdrop",
                Map.of("extension", "1005", "mode", "shout"), acme.admin());

        assertValidationError(refused, "mode");
    }

    @Test
    void switchingToAnUnknownEavesdropModeIsRefusedNamingTheModeField() {
        String target = answeredCall(acme, "1001", "1002");
        String spy = api.post("/api/calls/" + target + "/eavesdrop", Map.of("extension", "1005", "mode", "listen"),
                acme.admin()).string("spyUuid");

        Response refused = api.post("/api/calls/" + spy + "/eavesdrop/mode", Map.of("mode", "LOUD"), acme.admin());

        assertValidationError(refused, "mode");
    }

    @Test
    void eavesdroppingOnAnUnknownCallIs400() {
        Response refused = api.post("/api/calls/" + UUID.randomUUID() + "/eavesdrop",
                Map.of("extension", "1005", "mode", "listen"), acme.admin());

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("CALL_NOT_FOUND");
    }

    @Test
    void anExtensionUserMayNotEavesdropEvenOnItsOwnCall() {
        String target = answeredCall(acme, "1001", "1002");
        Credential user = platform.extensionUser(acme, "1001", "sip-password-1001");

        Response refused = api.post("/api/calls/" + target + "/eavesdrop",
                Map.of("extension", "1001", "mode", "listen"), user);

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
        assertThat(activeLegs(acme.admin(), target).stream().filter(l -> "1001".equals(l.get("extension"))))
                .hasSize(1);
    }

    // ---------------------------------------------------------------- blind transfer

    @Test
    void aBlindTransferConnectsTheFarPartyToTheTargetAndReleasesTheTransferor() {
        String caller = answeredCall(acme, "1001", "1002");
        String callee = legOf(acme.admin(), caller, "1002");

        Response transferred = api.post("/api/calls/" + caller + "/transfer",
                Map.of("targetExtension", "1003", "type", "blind"), acme.admin());

        assertThat(transferred.status()).as(transferred.text()).isEqualTo(200);
        List<Map<String, Object>> legs = Eventually.value(() -> {
            List<Map<String, Object>> now = activeLegs(acme.admin(), caller);
            return now.size() == 2 && now.stream().allMatch(l -> Boolean.TRUE.equals(l.get("answered")))
                    && now.stream().anyMatch(l -> "1003".equals(l.get("extension"))) ? Optional.of(now)
                    : Optional.empty();
        });
        assertThat(legs).extracting(l -> l.get("uuid")).doesNotContain(caller).contains(callee);
        String target = legs.stream().filter(l -> "1003".equals(l.get("extension"))).findFirst().orElseThrow()
                .get("uuid").toString();
        LiveChannel far = api.bean(SimulatedSwitch.class).channels().stream()
                .filter(c -> c.uuid().toString().equals(callee)).findFirst().orElseThrow();
        assertThat(far.bridgedTo()).hasToString(target);
    }

    @Test
    void aBlindTransferIsAnnouncedOnTheEventsSocketWithItsTarget() throws Exception {
        try (EventSocket events = EventSocket.connected(api, acme.admin())) {
            String caller = answeredCall(acme, "1001", "1002");
            String callee = legOf(acme.admin(), caller, "1002");

            api.post("/api/calls/" + caller + "/transfer", Map.of("targetExtension", "1003"), acme.admin());

            Map<String, Object> transfer = events.await(callEvent("call_transfer", callee));
            assertThat(data(transfer).get("target")).isEqualTo("1003");
            assertThat(data(transfer).get("call_id")).isEqualTo(caller);
            events.await(e -> "call_end".equals(e.get("type")) && caller.equals(data(e).get("call_uuid")));
        }
    }

    @Test
    void aTransferredCallIsRecordedOnceAsForwardedToTheTarget() {
        String caller = answeredCall(acme, "1001", "1002");
        String callee = legOf(acme.admin(), caller, "1002");
        api.post("/api/calls/" + caller + "/transfer", Map.of("targetExtension", "1004", "type", "blind"),
                acme.admin());
        Eventually.value(() -> activeLegs(acme.admin(), caller).stream()
                .filter(l -> "1004".equals(l.get("extension")) && Boolean.TRUE.equals(l.get("answered"))).findFirst());

        hangUpCall(acme.admin(), callee);

        Map<String, Object> record = record(acme.admin(), caller);
        assertThat(record.get("forwarded_to")).isEqualTo("1004");
        assertThat(record.get("status")).isEqualTo("completed");
        assertThat(calls(acme.admin(), "&forwardedTo=1004")).extracting(c -> c.get("call_uuid")).containsOnlyOnce(caller);
    }

    // ---------------------------------------------------------------- unanswered

    @Test
    void aDestinationThatNeverAnswersIsAMissedCallWithCauseNoAnswer() {
        String call = originate(acme.admin(), "1001", "+15550100480");

        Map<String, Object> record = record(acme.admin(), call);

        assertThat(record.get("status")).isEqualTo("missed");
        assertThat(record.get("hangup_cause")).isEqualTo("NO_ANSWER");
        assertThat(record.get("answered_at")).isNull();
        assertThat(((Number) record.get("billsec")).longValue()).isZero();
    }

    // ---------------------------------------------------------------- idempotency

    @Test
    void aRepeatedOriginateWithTheSameKeyReplaysTheFirstResponseAndPlacesOneCall() {
        TenantFixture tenant = tenantWith("1001", "1002");
        Map<String, Object> body = Map.of("fromExtension", "1001", "toNumber", "1002");
        String key = "originate-" + UUID.randomUUID();

        Response first = postWithKey("/api/calls/originate", body, tenant.admin(), key);
        Response second = postWithKey("/api/calls/originate", body, tenant.admin(), key);

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(second.status()).as(second.text()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        String call = first.string("callUuid");
        assertThat(second.string("callUuid")).isEqualTo(call);
        Eventually.value(() -> activeLegs(tenant.admin(), call).size() == 2 ? Optional.of(true) : Optional.empty());
        assertThat(allActiveLegs(tenant.admin())).extracting(l -> l.get("call_uuid")).containsOnly(call);
        hangUpCall(tenant.admin(), call);
        record(tenant.admin(), call);
        assertThat(total(tenant.admin(), "")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithADifferentBodyIsA409AndPlacesNoCall() {
        TenantFixture tenant = tenantWith("1001", "1002", "1003");
        String key = "originate-" + UUID.randomUUID();
        String first = postWithKey("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                tenant.admin(), key).string("callUuid");

        Response reused = postWithKey("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1003"),
                tenant.admin(), key);

        assertThat(reused.status()).as(reused.text()).isEqualTo(409);
        assertThat(reused.string("code")).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        Eventually.value(() -> activeLegs(tenant.admin(), first).size() == 2 ? Optional.of(true) : Optional.empty());
        assertThat(allActiveLegs(tenant.admin())).extracting(l -> l.get("call_uuid")).containsOnly(first);
    }

    @Test
    void aRefusedCommandReleasesItsKeyForACorrectedRequest() {
        String key = "originate-" + UUID.randomUUID();
        Response refused = postWithKey("/api/calls/originate", Map.of("fromExtension", "9999", "toNumber", "1002"),
                acme.admin(), key);
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);

        Response corrected = postWithKey("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                acme.admin(), key);

        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        assertThat(corrected.header("Idempotent-Replayed")).isNull();
        assertThat(corrected.string("callUuid")).isNotBlank();
    }

    @Test
    void anIdempotencyKeyOf256CharactersIs400AndPlacesNoCall() {
        Response refused = postWithKey("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                acme.admin(), "k".repeat(256));

        assertValidationError(refused, "Idempotency-Key");
    }

    @Test
    void anIdempotencyKeyOf255CharactersIsAccepted() {
        Response accepted = postWithKey("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                acme.admin(), UUID.randomUUID() + "k".repeat(255 - 36));

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
    }

    // ---------------------------------------------------------------- principals

    @Test
    void anExtensionUserSeesOnlyItsOwnCallsAmongTheActiveOnes() {
        TenantFixture tenant = tenantWith("1001", "1002", "1003", "1004");
        String mine = answeredCall(tenant, "1001", "1002");
        String theirs = answeredCall(tenant, "1003", "1004");
        Credential user = platform.extensionUser(tenant, "1001", "sip-password-1001");

        List<Map<String, Object>> seen = allActiveLegs(user);

        assertThat(seen).extracting(l -> l.get("call_uuid")).containsOnly(mine).hasSize(2);
        assertThat(allActiveLegs(tenant.admin())).extracting(l -> l.get("call_uuid")).contains(theirs);
    }

    @Test
    void anExtensionUserSeesOnlyItsOwnCallsInTheHistory() {
        TenantFixture tenant = tenantWith("1001", "1002", "1003", "1004");
        String mine = finishedCall(tenant, "1001", "1002");
        String received = finishedCall(tenant, "1004", "1001");
        String theirs = finishedCall(tenant, "1003", "1004");
        Credential user = platform.extensionUser(tenant, "1001", "sip-password-1001");

        Response listed = api.get("/api/calls", user);

        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.list("calls")).extracting(c -> c.get("call_uuid")).containsExactlyInAnyOrder(mine, received);
        assertThat(((Number) listed.at("pagination.total")).longValue()).isEqualTo(2);
        String theirId = record(tenant.admin(), theirs).get("id").toString();
        assertThat(api.get("/api/calls/" + theirId, user).status()).isEqualTo(404);
    }

    @Test
    void anExtensionUsersCommandsOnAnotherExtensionsCallAre404() {
        TenantFixture tenant = tenantWith("1001", "1002", "1003", "1004");
        String theirs = answeredCall(tenant, "1003", "1004");
        String theirOtherLeg = legOf(tenant.admin(), theirs, "1004");
        Credential user = platform.extensionUser(tenant, "1001", "sip-password-1001");

        Response hangup = api.post("/api/calls/" + theirs + "/hangup", null, user);
        Response hold = api.post("/api/calls/" + theirOtherLeg + "/hold", Map.of("hold", true), user);
        Response transfer = api.post("/api/calls/" + theirs + "/transfer", Map.of("targetExtension", "1001"), user);

        assertThat(List.of(hangup.status(), hold.status(), transfer.status())).containsOnly(404);
        assertThat(activeLegs(tenant.admin(), theirs)).hasSize(2)
                .allSatisfy(l -> assertThat(l.get("on_hold")).isEqualTo(false));
    }

    @Test
    void aReadonlyKeyListsCalls() {
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        Response listed = api.get("/api/calls", readonly);

        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        assertThat(listed.object("pagination")).containsKeys("page", "limit", "total", "pages");
    }

    @Test
    void aReadonlyKeyMayNotOriginate() {
        Credential readonly = platform.apiKey(acme, "readonly", List.of(), null);

        Response refused = api.post("/api/calls/originate", Map.of("fromExtension", "1001", "toNumber", "1002"),
                readonly);

        assertThat(refused.status()).as(refused.text()).isEqualTo(403);
    }

    @Test
    void aSuperadminWithoutATenantListsEveryTenantsCallsWithCompanyNameAndSubdomain() {
        String acmeCall = finishedCall(acme, "1001", "1002");
        String globexCall = finishedCall(globex, "2001", "2002");

        List<Map<String, Object>> listed = calls(platform.superadmin(), "");

        Map<String, Object> fromAcme = listed.stream().filter(c -> acmeCall.equals(c.get("call_uuid"))).findFirst()
                .orElseThrow();
        Map<String, Object> fromGlobex = listed.stream().filter(c -> globexCall.equals(c.get("call_uuid")))
                .findFirst().orElseThrow();
        assertThat(fromAcme).containsEntry("company_name", "Company " + acme.subdomain())
                .containsEntry("subdomain", acme.subdomain()).containsEntry("tenant_id", acme.id());
        assertThat(fromGlobex).containsEntry("company_name", "Company " + globex.subdomain())
                .containsEntry("subdomain", globex.subdomain());
    }

    @Test
    void anotherTenantsCallRecordIs404() {
        String theirs = finishedCall(globex, "2001", "2002");
        String id = record(globex.admin(), theirs).get("id").toString();

        Response foreign = api.get("/api/calls/" + id, acme.admin());

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.text()).doesNotContain(theirs);
    }

    @Test
    void statsOfAnUnknownPeriodAre400NamingThePeriod() {
        Response refused = api.get("/api/calls/stats?period=bogus", acme.admin());

        assertValidationError(refused, "period");
    }

    // ---------------------------------------------------------------- history filters

    /**
     * One tenant with three finished calls: 3001 → 3002 answered (internal, completed),
     * 3001 → +15550100486 busy (outbound, missed) and 3002 → +15550100503 (outbound, failed).
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class HistoryFilters {

        private TenantFixture ledger;
        private String completed;
        private String missed;
        private String failed;

        @BeforeAll
        void threeFinishedCalls() {
            ledger = tenantWith("3001", "3002", "3003");
            completed = finishedCall(ledger, "3001", "3002");
            missed = originate(ledger.admin(), "3001", "+15550100486");
            failed = originate(ledger.admin(), "3002", "+15550100503");
            record(ledger.admin(), missed);
            record(ledger.admin(), failed);
        }

        @Test
        void numberMatchesPartOfANumberInAnyCase() {
            assertThat(uuids("number=0100486")).containsExactly(missed);
            assertThat(uuids("number=uSER%203002")).containsExactly(failed);
        }

        @Test
        void extensionMatchesCallsTheExtensionMadeOrReceived() {
            assertThat(uuids("extension=3002")).containsExactlyInAnyOrder(completed, failed);
            assertThat(uuids("extension=3003")).isEmpty();
        }

        @Test
        void directionKeepsCallsOfThatDirection() {
            assertThat(uuids("direction=internal")).containsExactly(completed);
            assertThat(uuids("direction=outbound")).containsExactlyInAnyOrder(missed, failed);
            assertThat(uuids("direction=inbound")).isEmpty();
        }

        @Test
        void statusKeepsCallsThatEndedThatWay() {
            assertThat(uuids("status=completed")).containsExactly(completed);
            assertThat(uuids("status=missed")).containsExactly(missed);
            assertThat(uuids("status=failed")).containsExactly(failed);
        }

        @Test
        void dateBoundsAreWholeUtcDaysAndInclusive() {
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            assertThat(uuids("dateFrom=" + today + "&dateTo=" + today)).hasSize(3);
            assertThat(uuids("dateTo=" + today.minusDays(1))).isEmpty();
            assertThat(uuids("dateFrom=" + today.plusDays(1))).isEmpty();
        }

        /**
         * Times are shown to the second, so an inclusive dateTo given as such an instant covers
         * that whole second.
         */
        @Test
        void instantBoundsEqualToACallsStartAsShownIncludeIt() {
            String startedAt = record(ledger.admin(), completed).get("started_at").toString();

            assertThat(uuids("dateFrom=" + startedAt + "&dateTo=" + startedAt)).contains(completed);
        }

        @Test
        void pagesReportPageLimitTotalAndPages() {
            Response first = api.get("/api/calls?limit=2&page=1", ledger.admin());
            Response second = api.get("/api/calls?limit=2&page=2", ledger.admin());

            assertThat(first.list("calls")).hasSize(2);
            assertThat(first.object("pagination")).containsEntry("page", 1).containsEntry("limit", 2)
                    .containsEntry("total", 3).containsEntry("pages", 2);
            assertThat(second.list("calls")).hasSize(1);
            assertThat(second.object("pagination")).containsEntry("page", 2);
            List<Object> all = new ArrayList<>(first.list("calls").stream().map(c -> c.get("call_uuid")).toList());
            all.addAll(second.list("calls").stream().map(c -> c.get("call_uuid")).toList());
            assertThat(all).containsExactlyInAnyOrder(completed, missed, failed);
        }

        @Test
        void aLimitAbove500IsCappedAt500() {
            Response listed = api.get("/api/calls?limit=1000", ledger.admin());

            assertThat(listed.status()).as(listed.text()).isEqualTo(200);
            assertThat(listed.object("pagination")).containsEntry("limit", 500).containsEntry("pages", 1);
        }

        private List<Object> uuids(String query) {
            Response listed = api.get("/api/calls?limit=500&" + query, ledger.admin());
            assertThat(listed.status()).as(listed.text()).isEqualTo(200);
            return listed.list("calls").stream().map(c -> c.get("call_uuid")).toList();
        }
    }

    // ---------------------------------------------------------------- events socket

    @Test
    void anExtensionUsersSocketGetsOnlyTheEventsOfItsOwnCalls() throws Exception {
        TenantFixture tenant = tenantWith("1001", "1002", "1003", "1004");
        Credential user = platform.extensionUser(tenant, "1001", "sip-password-1001");
        try (EventSocket admin = EventSocket.connected(api, tenant.admin());
             EventSocket own = EventSocket.connected(api, user)) {
            String theirs = answeredCall(tenant, "1003", "1004");
            admin.await(callEvent("call_answer", legOf(tenant.admin(), theirs, "1004")));

            String mine = answeredCall(tenant, "1001", "1002");
            own.await(callEvent("call_answer", legOf(tenant.admin(), mine, "1002")));

            assertThat(own.messages()).filteredOn(e -> e.get("type").toString().startsWith("call_"))
                    .extracting(e -> data(e).get("call_id")).containsOnly(mine);
            assertThat(admin.messages()).extracting(e -> data(e).get("call_id")).contains(theirs, mine);
        }
    }

    @Test
    void aClientThatStopsReadingDelaysNobodyElseAndIsClosedAsTooSlow() throws Exception {
        TenantFixture tenant = tenantWith("1001", "1002", "1003", "1004", "1005", "1006", "1007", "1008");
        WebSocketEventPublisher publisher = api.bean(WebSocketEventPublisher.class);
        int before = publisher.subscriberCount();
        try (EventSocket reader = EventSocket.connected(api, tenant.admin());
             StalledSocket stalled = StalledSocket.open(api, "?token=" + tenant.admin().token())) {
            Eventually.value(() -> publisher.subscriberCount() == before + 2 ? Optional.of(true) : Optional.empty());
            List<String> legs = List.of(answeredCall(tenant, "1001", "1002"), answeredCall(tenant, "1003", "1004"),
                    answeredCall(tenant, "1005", "1006"), answeredCall(tenant, "1007", "1008"));

            Map<String, List<Long>> sentAt = toggleHoldUntil(tenant.admin(), legs,
                    () -> publisher.subscriberCount() == before + 1);

            assertThat(stalled.drainUntilClosed()).isEqualTo(4008);
            Eventually.value(() -> reader.received().stream().filter(r -> isHoldEvent(r.message())).count()
                    >= sentAt.values().stream().mapToInt(List::size).sum() ? Optional.of(true) : Optional.empty());
            long[] latencies = holdEventLatencies(reader, sentAt);
            assertThat(latencies.length).isGreaterThan(1_000);
            assertThat(percentileMillis(latencies, 99)).as("p99 ms of %s events", latencies.length).isLessThan(500);
            assertThat(reader.closeCode()).isNotDone();
        }
    }

    /**
     * Holds and resumes the legs in parallel, one thread per leg, until {@code done} (at most 20 s);
     * returns when each command was sent, per leg.
     */
    private static Map<String, List<Long>> toggleHoldUntil(Credential admin, List<String> legs,
                                                           BooleanSupplier done) {
        Map<String, List<Long>> sentAt = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + 20_000_000_000L;
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (String leg : legs) {
                threads.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    boolean hold = true;
                    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
                        long sent = System.nanoTime();
                        Response toggled = api.post("/api/calls/" + leg + "/hold", Map.of("hold", hold), admin);
                        assertThat(toggled.status()).as(toggled.text()).isEqualTo(200);
                        mine.add(sent);
                        hold = !hold;
                    }
                    sentAt.put(leg, mine);
                    return null;
                });
            }
        }
        assertThat(done.getAsBoolean()).as("the stalled client was closed within 20 s").isTrue();
        return sentAt;
    }

    /** The n-th hold or unhold event of a leg answers the n-th command sent for it. */
    private static long[] holdEventLatencies(EventSocket reader, Map<String, List<Long>> sentAt) {
        Map<String, Integer> seen = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        for (EventSocket.Received received : reader.received()) {
            if (!isHoldEvent(received.message())) {
                continue;
            }
            String leg = data(received.message()).get("call_uuid").toString();
            List<Long> sent = sentAt.get(leg);
            int index = seen.merge(leg, 1, Integer::sum) - 1;
            if (sent != null && index < sent.size()) {
                latencies.add(received.arrivedAtNanos() - sent.get(index));
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private static boolean isHoldEvent(Map<String, Object> message) {
        return "call_hold".equals(message.get("type")) || "call_unhold".equals(message.get("type"));
    }

    private static double percentileMillis(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1)] / 1e6;
    }

    // ---------------------------------------------------------------- helpers

    private static TenantFixture tenantWith(String... extensions) {
        TenantFixture tenant = platform.tenant();
        for (String number : extensions) {
            platform.extension(tenant, number, "sip-password-" + number);
        }
        return tenant;
    }

    private static String originate(Credential credential, String from, String to) {
        Response originated = api.post("/api/calls/originate", Map.of("fromExtension", from, "toNumber", to),
                credential);
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        return originated.string("callUuid");
    }

    /**
     * Originates and waits until both legs are answered and live state has them bridged (what the
     * call commands check; the bridge is reported just after the answer); returns the first leg's uuid.
     */
    private static String answeredCall(TenantFixture tenant, String from, String to) {
        String call = originate(tenant.admin(), from, to);
        Eventually.value(() -> {
            List<Map<String, Object>> legs = activeLegs(tenant.admin(), call);
            boolean bridged = api.bean(LiveChannels.class).find(UUID.fromString(call))
                    .map(LiveChannel::bridgedTo).isPresent();
            return legs.size() == 2 && legs.stream().allMatch(l -> Boolean.TRUE.equals(l.get("answered"))) && bridged
                    ? Optional.of(true) : Optional.empty();
        });
        return call;
    }

    /** An answered call, hung up, with its history record written; returns the first leg's uuid. */
    private static String finishedCall(TenantFixture tenant, String from, String to) {
        String call = answeredCall(tenant, from, to);
        hangUpCall(tenant.admin(), call);
        record(tenant.admin(), call);
        return call;
    }

    private static void hangUpCall(Credential credential, String call) {
        Response hungUp = api.post("/api/calls/" + call + "/hangup", null, credential);
        assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);
    }

    private static String legOf(Credential credential, String call, String extension) {
        return Eventually.value(() -> activeLegs(credential, call).stream()
                .filter(l -> extension.equals(l.get("extension"))).findFirst()).get("uuid").toString();
    }

    private static Response postWithKey(String path, Object body, Credential credential, String key) {
        var request = HttpRequest.newBuilder(URI.create(api.baseUrl() + path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        if (credential.token() != null) {
            request.header("Authorization", "Bearer " + credential.token());
        }
        try {
            var response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofString());
            Object parsed = api.bean(JsonMapper.class).readValue(response.body(),
                    Argument.OBJECT_ARGUMENT);
            return new Response(response.statusCode(), response.headers(), response.body(), parsed);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        try {
            return api.bean(JsonMapper.class).writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the history record of the call that {@code callUuid} started. */
    private static Map<String, Object> record(Credential credential, String callUuid) {
        return Eventually.value(() -> calls(credential, "").stream().filter(c -> callUuid.equals(c.get("call_uuid")))
                .findFirst());
    }

    private static List<Map<String, Object>> calls(Credential credential, String query) {
        Response listed = api.get("/api/calls?limit=500" + query, credential);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        return listed.list("calls");
    }

    private static long total(Credential credential, String query) {
        Response listed = api.get("/api/calls?limit=1" + query, credential);
        assertThat(listed.status()).as(listed.text()).isEqualTo(200);
        return ((Number) listed.at("pagination.total")).longValue();
    }

    private static List<Map<String, Object>> allActiveLegs(Credential credential) {
        Response active = api.get("/api/calls/active", credential);
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls");
    }

    private static List<Map<String, Object>> activeLegs(Credential credential, String callUuid) {
        return allActiveLegs(credential).stream().filter(l -> callUuid.equals(l.get("call_uuid"))).toList();
    }

    private static void assertValidationError(Response refused, String field) {
        assertThat(refused.status()).as(refused.text()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.list("details")).extracting(d -> d.get("field")).contains(field);
    }
}

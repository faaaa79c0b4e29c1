package com.cloudpbx.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.app.support.ApiServer;
import com.cloudpbx.app.support.Credential;
import com.cloudpbx.app.support.EventSocket;
import com.cloudpbx.app.support.Eventually;
import com.cloudpbx.app.support.Platform.TenantFixture;
import com.cloudpbx.app.support.Platform;
import com.cloudpbx.app.support.Response;
import com.cloudpbx.app.support.SharedApiServer;
import com.cloudpbx.app.support.SwitchState;
import com.cloudpbx.core.calls.port.ConferenceControl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three-way calling over the real server, HTTP and WebSocket, with the simulated switch. The
 * agent is extension 1001: it calls 1002 (its leg is the moderator M, 1002's the party A) and
 * adds 1003 (B). Phones answer after 50 ms; 1486 is busy.
 */
@ExtendWith(SharedApiServer.class)
class ThreeWayEndToEndTest {

    private static ApiServer api;
    private static TenantFixture acme;
    private static TenantFixture globex;

    @BeforeAll
    static void start(ApiServer shared) {
        api = shared;
        Platform platform = new Platform(api);
        acme = platform.tenant();
        globex = platform.tenant();
        for (String number : List.of("1001", "1002", "1003", "1004", "1005", "1486")) {
            platform.extension(acme, number, "sip-password-" + number);
        }
    }

    @Test
    void theSdkFlowAddsMergesGoesPrivateMergesAgainAndKicksBackToTwoParties() throws Exception {
        Call call = connectedCall("1001", "1002");
        try (EventSocket events = EventSocket.connected(api, acme.admin())) {
            Response added = post("/api/calls/" + call.moderator() + "/add-participant", Map.of("toExtension", "1003"));
            assertThat(added.status()).as(added.text()).isEqualTo(200);
            String b = added.string("newCallUuid");
            assertThat(added.string("originalBridgedLeg")).isEqualTo(call.party());
            assertThat(activeLeg(call.party()).get("on_hold")).isEqualTo(true);

            events.await(EventSocket.callEvent("call_answer", b));
            Response merged = post("/api/calls/three-way/merge", Map.of("callUuidA", call.moderator(),
                    "callUuidB", b, "bridgedLegA", call.party()));
            assertThat(merged.status()).as(merged.text()).isEqualTo(200);
            String conference = merged.string("conferenceName");
            List<Map<String, Object>> participants = merged.list("participants");
            assertThat(participants).extracting(p -> p.get("uuid"))
                    .containsExactly(call.moderator(), call.party(), b);
            assertThat(participants).allSatisfy(p -> {
                assertThat(p.get("memberId")).isNotNull();
                assertThat(p.get("status")).isEqualTo("active");
                assertThat(p.get("muted")).isEqualTo(false);
            });
            assertThat(participants).extracting(p -> p.get("callerIdNumber")).contains("1003");
            assertThat(membersOf(conference)).containsExactlyInAnyOrder(call.moderator(), call.party(), b);
            assertThat(activeLeg(call.party()).get("on_hold")).isEqualTo(false);

            Response swapped = post("/api/calls/three-way/swap", Map.of("conferenceName", conference,
                    "keepUuid", b, "holdUuid", call.party()));
            assertThat(swapped.status()).as(swapped.text()).isEqualTo(200);
            assertThat(swapped.string("activeUuid")).isEqualTo(b);
            assertThat(swapped.string("heldUuid")).isEqualTo(call.party());

            Response rejoined = post("/api/calls/three-way/merge", Map.of("callUuidA", call.moderator(),
                    "callUuidB", b));
            assertThat(rejoined.status()).as(rejoined.text()).isEqualTo(200);
            assertThat(rejoined.string("conferenceName")).isEqualTo(conference);
            assertThat(rejoined.list("participants")).extracting(p -> p.get("status")).containsOnly("active");

            String partyMember = (String) participants.get(1).get("memberId");
            Response kicked = post("/api/conferences/" + conference + "/kick", Map.of("memberId", partyMember));
            assertThat(kicked.status()).as(kicked.text()).isEqualTo(200);

            Eventually.value(() -> SwitchState.bridged(api, call.moderator(), b));
            assertThat(activeLeg(call.party())).isNull();
            assertThat(Eventually.value(() -> roomGone(conference))).isTrue();
            post("/api/calls/" + call.moderator() + "/hangup", null);
        }
    }

    @Test
    void aBusyParticipantTakesTheWaitingPartyOffHoldAndTellsTheClient() throws Exception {
        Call call = connectedCall("1001", "1002");
        try (EventSocket events = EventSocket.connected(api, acme.admin())) {
            Response added = post("/api/calls/" + call.moderator() + "/add-participant", Map.of("toExtension", "1486"));
            assertThat(added.status()).as(added.text()).isEqualTo(200);
            String b = added.string("newCallUuid");

            Map<String, Object> ended = events.await(EventSocket.callEvent("call_end", b));
            assertThat(EventSocket.data(ended).get("hangup_cause")).isEqualTo("USER_BUSY");
            events.await(EventSocket.callEvent("call_unhold", call.party()));
            Eventually.value(() -> Optional.ofNullable(activeLeg(call.party()))
                    .filter(leg -> Boolean.FALSE.equals(leg.get("on_hold"))));
            assertThat(SwitchState.bridged(api, call.moderator(), call.party())).isPresent();

            Response merge = post("/api/calls/three-way/merge", Map.of("callUuidA", call.moderator(),
                    "callUuidB", call.party()));
            assertThat(merge.status()).isEqualTo(400);
            assertThat(merge.string("code")).isEqualTo("INVALID_STATE");
            assertThat(merge.string("error")).contains("TWO_PARTY");
            post("/api/calls/" + call.moderator() + "/hangup", null);
        }
    }

    @Test
    void addParticipantOnACallWhoseFarEndStillRingsIsCallNotBridged() throws Exception {
        try (EventSocket events = EventSocket.connected(api, acme.admin())) {
            String moderator = post("/api/calls/originate", Map.of("fromExtension", "1001",
                    "toNumber", "+15550100480")).string("callUuid");
            events.await(EventSocket.callEvent("call_answer", moderator));

            Response refused = post("/api/calls/" + moderator + "/add-participant", Map.of("toExtension", "1003"));

            assertThat(refused.status()).as(refused.text()).isEqualTo(400);
            assertThat(refused.string("code")).isEqualTo("CALL_NOT_BRIDGED");
            assertThat(activeLeg(moderator)).containsEntry("answered", true).containsEntry("bridged_to", null);
            assertThat(events.messages()).noneMatch(EventSocket.callEvent("call_bridge", moderator));
            post("/api/calls/" + moderator + "/hangup", null);
        }
    }

    @Test
    void onceCallBridgeNamesTheFarLegAndActiveCallsShowItAddParticipantSucceeds() throws Exception {
        try (EventSocket events = EventSocket.connected(api, acme.admin())) {
            String moderator = post("/api/calls/originate", Map.of("fromExtension", "1001",
                    "toNumber", "1002")).string("callUuid");

            Map<String, Object> bridged = events.await(EventSocket.callEvent("call_bridge", moderator));
            String party = (String) EventSocket.data(bridged).get("bridged_to");
            Map<String, Object> row = activeLeg(moderator);
            Response added = post("/api/calls/" + moderator + "/add-participant", Map.of("toExtension", "1003"));

            assertThat(party).isNotNull();
            assertThat(row).containsEntry("answered", true).containsEntry("bridged_to", party);
            assertThat(activeLeg(party)).containsEntry("extension", "1002").containsEntry("answered", true);
            assertThat(added.status()).as(added.text()).isEqualTo(200);
            assertThat(added.string("originalBridgedLeg")).isEqualTo(party);
            post("/api/calls/" + moderator + "/hangup", null);
        }
    }

    @Test
    void mergingBeforeTheParticipantAnsweredIsInvalidStateAndChangesNothing() {
        Call call = connectedCall("1001", "1002");
        Response added = post("/api/calls/" + call.moderator() + "/add-participant",
                Map.of("toNumber", "+15550100480"));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        String b = added.string("newCallUuid");

        Response merge = post("/api/calls/three-way/merge", Map.of("callUuidA", call.moderator(), "callUuidB", b));

        assertThat(merge.status()).isEqualTo(400);
        assertThat(merge.string("code")).isEqualTo("INVALID_STATE");
        assertThat(merge.string("error")).contains("CONSULTING");
        assertThat(api.bean(ConferenceControl.class).conferences()).noneMatch(c -> c.members().stream()
                .anyMatch(m -> call.moderator().equals(String.valueOf(m.uuid()))));
        post("/api/calls/" + call.moderator() + "/hangup", null);
    }

    @Test
    void theModeratorHangingUpAMergedCallLeavesTheTwoOthersTalking() {
        Call call = connectedCall("1001", "1002");
        String b = addAndAwaitAnswer(call, "1003");
        String conference = post("/api/calls/three-way/merge", Map.of("callUuidA", call.moderator(),
                "callUuidB", b)).string("conferenceName");

        Response hungUp = post("/api/calls/" + call.moderator() + "/hangup", null);

        assertThat(hungUp.status()).as(hungUp.text()).isEqualTo(200);
        Eventually.value(() -> SwitchState.bridged(api, call.party(), b));
        assertThat(Eventually.value(() -> roomGone(conference))).isTrue();
        post("/api/calls/" + call.party() + "/hangup", null);
    }

    @Test
    void twoMergesAtOnceMakeOneConferenceAndTheOtherIsRefused() throws Exception {
        Call call = connectedCall("1001", "1002");
        String b = addAndAwaitAnswer(call, "1003");
        Map<String, Object> body = Map.of("callUuidA", call.moderator(), "callUuidB", b);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Response>> attempts = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                attempts.add(pool.submit((Callable<Response>) () -> {
                    go.await();
                    return post("/api/calls/three-way/merge", body);
                }));
            }
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> attempt : attempts) {
                responses.add(attempt.get());
            }

            assertThat(responses).filteredOn(r -> r.status() == 200).hasSize(1);
            assertThat(responses).filteredOn(r -> r.status() != 200)
                    .allSatisfy(r -> assertThat(r.string("code")).isEqualTo("INVALID_STATE"));
            assertThat(api.bean(ConferenceControl.class).conferences()).filteredOn(c -> c.members().stream()
                    .anyMatch(m -> call.moderator().equals(String.valueOf(m.uuid())))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        post("/api/calls/" + call.moderator() + "/hangup", null);
    }

    @Test
    void mergeDirectJoinsTwoCallsOfOnePhoneAndReleasesItsSecondLine() {
        Call first = connectedCall("1004", "1002");
        Call second = connectedCall("1004", "1003");
        post("/api/calls/" + first.moderator() + "/hold", Map.of("hold", true));

        Response merged = post("/api/calls/three-way/merge-direct", Map.of("callUuidA", first.moderator(),
                "callUuidB", second.moderator(), "conferenceName", "desk-merge"));

        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.string("conferenceName")).isEqualTo("desk-merge");
        assertThat(merged.list("participants")).extracting(p -> p.get("uuid"))
                .containsExactly(first.moderator(), first.party(), second.party());
        assertThat(membersOf("desk-merge")).containsExactlyInAnyOrder(first.moderator(), first.party(),
                second.party());
        Eventually.value(() -> Optional.ofNullable(activeLeg(second.moderator()) == null ? true : null));
        post("/api/calls/" + first.moderator() + "/hangup", null);
    }

    @Test
    void mergeDirectJoinsEveryLegOfTwoCallsThatShareNoPhoneTheFirstCallerModerating() {
        Call first = connectedCall("1001", "1002");
        Call second = connectedCall("1003", "1004");

        Response merged = post("/api/calls/three-way/merge-direct", Map.of("callUuidA", first.party(),
                "callUuidB", second.party(), "conferenceName", "four-way"));

        assertThat(merged.status()).as(merged.text()).isEqualTo(200);
        assertThat(merged.list("participants")).extracting(p -> p.get("uuid"))
                .containsExactly(first.moderator(), first.party(), second.moderator(), second.party());
        assertThat(merged.list("participants")).extracting(p -> p.get("callerIdNumber"))
                .containsExactly("1001", "1002", "1003", "1004");
        assertThat(membersOf("four-way")).containsExactlyInAnyOrder(first.moderator(), first.party(),
                second.moderator(), second.party());
        Response kicked = post("/api/conferences/four-way/kick", Map.of("memberId",
                merged.list("participants").get(3).get("memberId")));
        assertThat(kicked.status()).as(kicked.text()).isEqualTo(200);
        Eventually.value(() -> Optional.of(membersOf("four-way")).filter(m -> m.size() == 3));
        assertThat(membersOf("four-way")).containsExactlyInAnyOrder(first.moderator(), first.party(),
                second.moderator());
        post("/api/calls/" + first.moderator() + "/hangup", null);
        post("/api/calls/" + second.moderator() + "/hangup", null);
        post("/api/calls/" + first.party() + "/hangup", null);
    }

    @Test
    void anExtensionUserCannotMergeDirectlyACallItIsNotOn() {
        Call mine = connectedCall("1001", "1002");
        Call theirs = connectedCall("1003", "1004");
        Response login = api.post("/api/auth/login", Map.of("username", "1001", "password", "sip-password-1001",
                "tenantId", acme.id()), Credential.NONE);
        Credential user = Credential.token(login.string("token"));

        Response refused = api.post("/api/calls/three-way/merge-direct", Map.of("callUuidA", mine.moderator(),
                "callUuidB", theirs.moderator()), user);

        assertThat(refused.status()).as(refused.text()).isEqualTo(404);
        assertThat(activeLeg(theirs.moderator())).containsEntry("bridged_to", theirs.party());
        assertThat(activeLeg(mine.moderator())).containsEntry("bridged_to", mine.party());
        post("/api/calls/" + mine.moderator() + "/hangup", null);
        post("/api/calls/" + theirs.moderator() + "/hangup", null);
    }

    @Test
    void aCustomConferenceNameAlreadyInUseIsRefused() {
        Call first = connectedCall("1005", "1002");
        Call second = connectedCall("1005", "1003");
        post("/api/calls/" + first.party() + "/conference", Map.of("conferenceName", "taken-room"));

        Response refused = post("/api/calls/three-way/merge-direct", Map.of("callUuidA", first.moderator(),
                "callUuidB", second.moderator(), "conferenceName", "taken-room"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("conferenceName");
        post("/api/calls/" + first.moderator() + "/hangup", null);
        post("/api/calls/" + second.moderator() + "/hangup", null);
    }

    @Test
    void addParticipantNeedsExactlyOneTarget() {
        Call call = connectedCall("1001", "1002");
        Map<String, Object> both = new HashMap<>();
        both.put("toNumber", "+15550100111");
        both.put("toExtension", "1003");

        assertThat(post("/api/calls/" + call.moderator() + "/add-participant", both).status()).isEqualTo(400);
        assertThat(post("/api/calls/" + call.moderator() + "/add-participant", Map.of()).status()).isEqualTo(400);
        assertThat(activeLeg(call.party()).get("on_hold")).isEqualTo(false);
        post("/api/calls/" + call.moderator() + "/hangup", null);
    }

    @Test
    void swapInAnUnknownConferenceIs400() {
        Response refused = post("/api/calls/three-way/swap", Map.of("conferenceName", "nope",
                "keepUuid", UUID.randomUUID().toString(), "holdUuid", UUID.randomUUID().toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("code")).isEqualTo("CONFERENCE_NOT_FOUND");
    }

    @Test
    void anotherTenantCannotReachAThreeWayCallOrItsConference() {
        Call call = connectedCall("1001", "1002");
        String b = addAndAwaitAnswer(call, "1003");
        String conference = post("/api/calls/three-way/merge", Map.of("callUuidA", call.moderator(),
                "callUuidB", b)).string("conferenceName");

        Response add = api.post("/api/calls/" + call.moderator() + "/add-participant", Map.of("toNumber",
                "+15550100111"), globex.admin());
        Response merge = api.post("/api/calls/three-way/merge", Map.of("callUuidA", call.moderator(),
                "callUuidB", b), globex.admin());
        Response swap = api.post("/api/calls/three-way/swap", Map.of("conferenceName", conference,
                "keepUuid", b, "holdUuid", call.party()), globex.admin());
        Response kick = api.post("/api/conferences/" + conference + "/kick", Map.of("memberId", "1"),
                globex.admin());

        assertThat(add.status()).isEqualTo(404);
        assertThat(merge.status()).isEqualTo(404);
        assertThat(swap.status()).isEqualTo(400);
        assertThat(swap.string("code")).isEqualTo("CONFERENCE_NOT_FOUND");
        assertThat(kick.status()).isEqualTo(404);
        assertThat(membersOf(conference)).hasSize(3);
        post("/api/calls/" + call.moderator() + "/hangup", null);
    }

    @Test
    void malformedUuidsInAMergeAre400NamingTheField() {
        Response refused = post("/api/calls/three-way/merge", Map.of("callUuidA", "not-a-uuid",
                "callUuidB", UUID.randomUUID().toString()));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.string("details.0.field")).isEqualTo("callUuidA");
    }

    // ---------------------------------------------------------------- helpers

    /** The agent's own leg (the moderator) and the party it is bridged to, both answered. */
    private record Call(String moderator, String party) {
    }

    private static Call connectedCall(String agent, String party) {
        Response originated = post("/api/calls/originate", Map.of("fromExtension", agent, "toNumber", party));
        assertThat(originated.status()).as(originated.text()).isEqualTo(200);
        String moderator = originated.string("callUuid");
        String partyLeg = Eventually.value(() -> active().stream()
                .filter(leg -> moderator.equals(leg.get("call_uuid")) && party.equals(leg.get("extension"))
                        && Boolean.TRUE.equals(leg.get("answered")))
                .map(leg -> (String) leg.get("uuid")).findFirst());
        Eventually.value(() -> SwitchState.bridged(api, moderator, partyLeg));
        return new Call(moderator, partyLeg);
    }

    private static String addAndAwaitAnswer(Call call, String extension) {
        Response added = post("/api/calls/" + call.moderator() + "/add-participant", Map.of("toExtension", extension));
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        String b = added.string("newCallUuid");
        Eventually.value(() -> SwitchState.bridged(api, call.moderator(), b));
        return b;
    }

    private static Response post(String path, Object body) {
        return api.post(path, body, acme.admin());
    }


    private static List<String> membersOf(String conference) {
        Response got = api.get("/api/conferences/" + conference, acme.admin());
        assertThat(got.status()).as(got.text()).isEqualTo(200);
        return got.list("conference.members").stream().map(m -> (String) m.get("uuid")).toList();
    }

    private static Optional<Boolean> roomGone(String conference) {
        return api.get("/api/conferences/" + conference, acme.admin()).status() == 404 ? Optional.of(true)
                : Optional.empty();
    }

    private static Map<String, Object> activeLeg(String uuid) {
        return active().stream().filter(leg -> uuid.equals(leg.get("uuid"))).findFirst().orElse(null);
    }

    private static List<Map<String, Object>> active() {
        Response active = api.get("/api/calls/active", acme.admin());
        assertThat(active.status()).as(active.text()).isEqualTo(200);
        return active.list("activeCalls");
    }
}

package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHeld;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelParked;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnheld;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberLeft;
import com.cloudpbx.core.calls.MediaEvent.DtmfReceived;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.AbstractMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EslEventTranslatorTest {

    static final UUID TENANT = UUID.fromString("6f1c2a8e-0b7d-4e5f-9a3c-1d2e3f4a5b6c");
    static final String DOMAIN = "acme.sip.example.com";
    static final String ROOM = "t6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c-sales";
    static final String LOT = "park-6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c";
    static final UUID A = UUID.fromString("a1b2c3d4-0000-4000-8000-00000000000a");
    static final UUID B = UUID.fromString("a1b2c3d4-0000-4000-8000-00000000000b");

    static final FreeSwitchEvents FS = new FreeSwitchEvents(TENANT, DOMAIN);
    static final FreeSwitchEvents.Leg CALLER =
            new FreeSwitchEvents.Leg(A, A, "internal", "1001", "1002", "1001", "Alice Smith", "outbound");
    static final FreeSwitchEvents.Leg CALLEE =
            new FreeSwitchEvents.Leg(B, A, "internal", "1002", "1002", "1001", "Alice Smith", "outbound");

    private final EslEventTranslator translator = new EslEventTranslator();

    private MediaEvent only(Map<String, String> headers) {
        var events = translator.translate(headers);
        assertThat(events).hasSize(1);
        return events.getFirst();
    }

    @Test
    void channelCreateBecomesChannelCreatedWithOurVariablesAndTheCallerProfile() {
        MediaEvent event = only(FS.create(CALLER, 0));

        assertThat(event).isEqualTo(new ChannelCreated(A, A, TenantId.of(TENANT), CallDirection.INTERNAL, "1001",
                "1001", "Alice Smith", "1002", FreeSwitchEvents.START));
    }

    @Test
    void onlyTheHeadersTranslationNeedsAreRead() {
        // The client decodes a header's value when it is read; a channel event has about 200.
        Map<String, String> headers = FS.create(CALLER, 0);
        Set<String> read = new HashSet<>();
        Map<String, String> lookupOnly = new AbstractMap<>() {
            @Override
            public String get(Object name) {
                read.add((String) name);
                return headers.get(name);
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                throw new AssertionError("every header was read");
            }
        };

        assertThat(only(lookupOnly)).isEqualTo(only(headers));
        assertThat(read).hasSizeLessThan(15);
    }

    @Test
    void theEventTimeIsEventDateTimestampInMicroseconds() {
        assertThat(only(FS.answer(CALLER, 2_500_001)).at()).isEqualTo(Instant.parse("2024-05-02T09:15:32.623457Z"));
    }

    @Test
    void aDestinationLegBelongsToTheCallItsVariablesName() {
        ChannelCreated created = (ChannelCreated) only(FS.create(CALLEE, 10));

        assertThat(created.uuid()).isEqualTo(B);
        assertThat(created.callUuid()).isEqualTo(A);
        assertThat(created.extension()).isEqualTo("1002");
    }

    @Test
    void withoutOurCallVariableALegDialledByAnOriginatorBelongsToTheOriginatorsCall() {
        Map<String, String> headers = FS.create(CALLEE, 10);
        headers.remove("variable_voip_call_uuid");
        headers.put("Other-Type", "originator");
        headers.put("Other-Leg-Unique-ID", A.toString());

        assertThat(((ChannelCreated) only(headers)).callUuid()).isEqualTo(A);
    }

    @Test
    void withoutOurCallVariableOrAnOriginatorALegIsACallOfItsOwn() {
        Map<String, String> headers = FS.create(CALLEE, 10);
        headers.remove("variable_voip_call_uuid");

        assertThat(((ChannelCreated) only(headers)).callUuid()).isEqualTo(B);
    }

    @Test
    void theDirectionIsOursNotFreeSwitchsCallDirection() {
        var outbound = new FreeSwitchEvents.Leg(B, A, "outbound", null, "+14155550100", "1001", "Alice", "outbound");

        ChannelCreated created = (ChannelCreated) only(FS.create(outbound, 10));

        assertThat(created.direction()).isEqualTo(CallDirection.OUTBOUND);
        assertThat(created.extension()).isNull();
        assertThat(created.destination()).isEqualTo("+14155550100");
    }

    @Test
    void theDialledUserStandsInForAMissingExtensionVariable() {
        Map<String, String> headers = FS.create(CALLEE, 10);
        headers.remove("variable_voip_extension");

        assertThat(((ChannelCreated) only(headers)).extension()).isEqualTo("1002");
    }

    @Test
    void undefIsTreatedAsAbsent() {
        Map<String, String> headers = FS.create(CALLER, 0);
        headers.put("Caller-Caller-ID-Name", "_undef_");
        headers.put("variable_voip_destination", "_undef_");

        ChannelCreated created = (ChannelCreated) only(headers);

        assertThat(created.callerIdName()).isNull();
        assertThat(created.destination()).isEqualTo("1002");
    }

    @Test
    void eventsOfChannelsWithoutOurTenantAreIgnored() {
        Map<String, String> headers = FS.create(CALLER, 0);
        headers.remove("variable_voip_tenant");

        assertThat(translator.translate(headers)).isEmpty();
    }

    @Test
    void eventsWithAnUnreadableTenantAreIgnored() {
        Map<String, String> headers = FS.answer(CALLER, 0);
        headers.put("variable_voip_tenant", "acme");

        assertThat(translator.translate(headers)).isEmpty();
    }

    @Test
    void progressAndEarlyMediaBothMeanRinging() {
        Map<String, String> earlyMedia = FS.progress(CALLER, 5);
        earlyMedia.put("Event-Name", "CHANNEL_PROGRESS_MEDIA");

        assertThat(only(FS.progress(CALLER, 5))).isInstanceOf(ChannelRinging.class);
        assertThat(only(earlyMedia)).isInstanceOf(ChannelRinging.class);
    }

    @Test
    void channelAnswerBecomesChannelAnswered() {
        assertThat(only(FS.answer(CALLER, 7))).isInstanceOf(ChannelAnswered.class).extracting(MediaEvent::uuid)
                .isEqualTo(A);
    }

    @Test
    void oneChannelBridgeEventReportsBothLegsAsBridgedToEachOther() {
        var events = translator.translate(FS.bridge("CHANNEL_BRIDGE", CALLER, CALLEE, 20));

        Instant at = events.getFirst().at();
        assertThat(events).containsExactly(new ChannelBridged(A, B, at), new ChannelBridged(B, A, at));
    }

    @Test
    void oneChannelUnbridgeEventReportsBothLegsAsUnbridged() {
        var events = translator.translate(FS.bridge("CHANNEL_UNBRIDGE", CALLER, CALLEE, 30));

        Instant at = events.getFirst().at();
        assertThat(events).containsExactly(new ChannelUnbridged(A, B, at), new ChannelUnbridged(B, A, at));
    }

    @Test
    void aBridgeWithoutItsBridgeHeadersFallsBackToTheOtherLeg() {
        Map<String, String> headers = FS.bridge("CHANNEL_BRIDGE", CALLER, CALLEE, 20);
        headers.remove("Bridge-A-Unique-ID");
        headers.remove("Bridge-B-Unique-ID");

        assertThat(translator.translate(headers)).extracting(MediaEvent::uuid).containsExactly(A, B);
    }

    @Test
    void holdAndUnholdBecomeHeldAndUnheld() {
        assertThat(only(FS.event("CHANNEL_HOLD", CALLER, 40))).isInstanceOf(ChannelHeld.class);
        assertThat(only(FS.event("CHANNEL_UNHOLD", CALLER, 41))).isInstanceOf(ChannelUnheld.class);
    }

    @Test
    void hangupCompleteCarriesTheCauseTheDurationAndTheBilledSeconds() {
        MediaEvent event = only(FS.hangupComplete(CALLER, "NORMAL_CLEARING", 65, 58, 65_000_000));

        assertThat(event).isEqualTo(new ChannelHungUp(A, "NORMAL_CLEARING", 65, 58, event.at()));
    }

    @Test
    void aHangupWithoutFiguresCountsZeroSeconds() {
        Map<String, String> headers = FS.hangupComplete(CALLEE, "USER_BUSY", 3, 0, 3_000_000);
        headers.remove("variable_duration");
        headers.put("variable_billsec", "_undef_");

        ChannelHungUp hungUp = (ChannelHungUp) only(headers);

        assertThat(hungUp.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(hungUp.durationSeconds()).isZero();
        assertThat(hungUp.billsec()).isZero();
    }

    @Test
    void channelHangupIsIgnoredBecauseTheFiguresComeWithHangupComplete() {
        Map<String, String> headers = FS.hangupComplete(CALLER, "NORMAL_CLEARING", 65, 58, 65_000_000);
        headers.put("Event-Name", "CHANNEL_HANGUP");

        assertThat(translator.translate(headers)).isEmpty();
    }

    @Test
    void aDtmfEventBecomesOneKeyPress() {
        MediaEvent event = only(FS.dtmf(CALLER, "#", 50));

        assertThat(event).isEqualTo(new DtmfReceived(A, "#", event.at()));
    }

    @Test
    void aDtmfEventWithoutAValidKeyIsIgnored() {
        assertThat(translator.translate(FS.dtmf(CALLER, "x", 50))).isEmpty();
    }

    @Test
    void aValetHoldInTheTenantsLotParksTheLegInTheSlot() {
        MediaEvent event = only(FS.valet("hold", CALLEE, LOT, "705", 60));

        assertThat(event).isEqualTo(new ChannelParked(B, "705", event.at()));
    }

    @Test
    void aValetHoldInAnotherLotIsIgnored() {
        assertThat(translator.translate(FS.valet("hold", CALLEE, "park-00000000000000000000000000000000", "705", 60)))
                .isEmpty();
    }

    @Test
    void valetBridgeAndExitAreLeftToTheChannelEvents() {
        assertThat(translator.translate(FS.valet("bridge", CALLEE, LOT, "705", 60))).isEmpty();
        assertThat(translator.translate(FS.valet("exit", CALLEE, LOT, "705", 60))).isEmpty();
    }

    @Test
    void theSlotlessParkApplicationIsNotAPark() {
        assertThat(translator.translate(FS.event("CHANNEL_PARK", CALLEE, 60))).isEmpty();
    }

    @Test
    void addMemberInATenantRoomIsAConferenceJoin() {
        MediaEvent event = only(FS.conference("add-member", CALLER, ROOM, "4", 70));

        assertThat(event).isEqualTo(new ConferenceMemberJoined(A, ROOM, "4", event.at()));
    }

    @Test
    void delMemberInATenantRoomIsAConferenceLeave() {
        MediaEvent event = only(FS.conference("del-member", CALLER, ROOM, "4", 80));

        assertThat(event).isEqualTo(new ConferenceMemberLeft(A, ROOM, "4", event.at()));
    }

    @Test
    void membersOfRoomsThatAreNotATenantsAreIgnored() {
        assertThat(translator.translate(FS.conference("add-member", CALLER, "3000", "1", 70))).isEmpty();
    }

    @Test
    void otherConferenceActionsAreIgnored() {
        assertThat(translator.translate(FS.conference("start-talking", CALLER, ROOM, "4", 70))).isEmpty();
    }

    @Test
    void mutingKickingAndLockingChangeNoLegByThemselves() {
        // Mute state and the lock are read from json_list; a kick is followed by del-member and the hangup.
        assertThat(translator.translate(FS.conference("mute-member", CALLER, ROOM, "4", 70))).isEmpty();
        assertThat(translator.translate(FS.conference("unmute-member", CALLER, ROOM, "4", 70))).isEmpty();
        assertThat(translator.translate(FS.conference("kick-member", CALLER, ROOM, "4", 70))).isEmpty();
        assertThat(translator.translate(FS.room("lock", ROOM, 70))).isEmpty();
        assertThat(translator.translate(FS.room("unlock", ROOM, 70))).isEmpty();
    }

    @Test
    void unknownEventsAreIgnored() {
        assertThat(translator.translate(FS.event("CHANNEL_EXECUTE_COMPLETE", CALLER, 90))).isEmpty();
        assertThat(translator.translate(FS.event("HEARTBEAT", CALLER, 90))).isEmpty();
    }

    @Test
    void eventsWithoutATimestampOrAChannelUuidAreIgnored() {
        Map<String, String> noTime = FS.answer(CALLER, 0);
        noTime.remove("Event-Date-Timestamp");
        Map<String, String> noUuid = FS.answer(CALLER, 0);
        noUuid.put("Unique-ID", "not-a-uuid");

        assertThat(translator.translate(noTime)).isEmpty();
        assertThat(translator.translate(noUuid)).isEmpty();
    }
}

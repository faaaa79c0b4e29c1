package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EslCommandsTest {

    static final String DOMAIN = "acme.sip.example.com";
    static final TenantId TENANT = TenantId.of(UUID.fromString("6f1c2a8e-0b7d-4e5f-9a3c-1d2e3f4a5b6c"));
    static final String T = "6f1c2a8e-0b7d-4e5f-9a3c-1d2e3f4a5b6c";
    static final UUID CALL = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000001");
    static final UUID OTHER = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000002");
    static final UUID THIRD = UUID.fromString("a1b2c3d4-0000-4000-8000-000000000003");
    static final String ROOM = "t6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c-sales";

    private final EslCommands commands = new EslCommands(CommandSettings.defaults());

    static Originate originate(Destination to) {
        return new Originate(CALL, TENANT, Destination.extension("1001", DOMAIN), to, "1001", "Alice Smith",
                Duration.ofSeconds(30));
    }

    @Test
    void originatingToAnExtensionRingsTheCallerWithOurVariablesThenBridgesToTheExtension() {
        ApiCommand command = commands.originate(originate(Destination.extension("1002", DOMAIN)));

        assertThat(command.text()).isEqualTo("originate {origination_uuid=" + CALL + ",voip_tenant=" + T
                + ",voip_call_uuid=" + CALL + ",voip_direction=internal,voip_extension=1001,voip_destination=1002"
                + ",presence_data=voip:" + T + ":" + CALL + ":internal:1001"
                + ",origination_caller_id_number=1001,origination_caller_id_name='Alice Smith'"
                + ",originate_timeout=30,ignore_early_media=true}user/1001@" + DOMAIN
                + " &bridge({voip_tenant=" + T + ",voip_call_uuid=" + CALL
                + ",voip_direction=internal,voip_extension=1002,voip_destination=1002"
                + ",presence_data=voip:" + T + ":" + CALL + ":internal:1002}user/1002@" + DOMAIN + ")");
    }

    @Test
    void originatingToANumberIsOutboundThroughTheTenantsGateway() {
        ApiCommand command = commands.originate(originate(Destination.number("+14155550100", DOMAIN)));

        assertThat(command.text())
                .contains("voip_direction=outbound,voip_extension=1001,voip_destination=+14155550100")
                .endsWith(" &bridge({voip_tenant=" + T + ",voip_call_uuid=" + CALL
                        + ",voip_direction=outbound,voip_destination=+14155550100"
                        + ",presence_data=voip:" + T + ":" + CALL + ":outbound:}sofia/gateway/tenant-" + T
                        + "/+14155550100)");
    }

    @Test
    void originatingToAParkSlotPicksUpTheParkedCallInTheTenantsLot() {
        ApiCommand command = commands.originate(originate(Destination.extension("701", DOMAIN)));

        assertThat(command.text()).endsWith(
                "user/1001@" + DOMAIN + " '&valet_park(park-6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c 701)'");
    }

    @Test
    void aCallerIdNameWithoutSpacesIsNotQuoted() {
        Originate command = new Originate(CALL, TENANT, Destination.extension("1001", DOMAIN),
                Destination.extension("1002", DOMAIN), null, "Reception", Duration.ofSeconds(30));

        assertThat(commands.originate(command).text())
                .contains(",origination_caller_id_name=Reception,")
                .doesNotContain("origination_caller_id_number");
    }

    @Test
    void theRingTimeoutIsRoundedUpToWholeSecondsAndKeptWithinTenMinutes() {
        Originate shortRing = new Originate(CALL, TENANT, Destination.extension("1001", DOMAIN),
                Destination.extension("1002", DOMAIN), null, null, Duration.ofMillis(1500));
        Originate longRing = new Originate(CALL, TENANT, Destination.extension("1001", DOMAIN),
                Destination.extension("1002", DOMAIN), null, null, Duration.ofHours(2));

        assertThat(commands.originate(shortRing).text()).contains("originate_timeout=2,");
        assertThat(commands.originate(longRing).text()).contains("originate_timeout=600,");
    }

    @Test
    void extensionsCanBeReachedThroughTheRegistrarProxyInstead() {
        EslCommands viaKamailio = new EslCommands(new CommandSettings(
                new ExtensionDialing.ViaProxy("internal", "kamailio.internal:5060"), "default", new ParkSlotRange(701, 750)));

        assertThat(viaKamailio.originate(originate(Destination.extension("1002", DOMAIN))).text())
                .contains("}sofia/internal/1001@" + DOMAIN + ";fs_path=sip:kamailio.internal:5060 &bridge(")
                .endsWith("}sofia/internal/1002@" + DOMAIN + ";fs_path=sip:kamailio.internal:5060)");
    }

    @Test
    void hangingUpKillsTheChannel() {
        assertThat(commands.hangup(CALL).text()).isEqualTo("uuid_kill " + CALL);
    }

    @Test
    void hangingUpWithACauseNamesTheCause() {
        assertThat(commands.hangup(CALL, "ORIGINATOR_CANCEL").text()).isEqualTo("uuid_kill " + CALL + " ORIGINATOR_CANCEL");
    }

    @Test
    void aTransferRunsTheTenantsDialplanContextForTheDestination() {
        assertThat(commands.transfer(CALL, Destination.extension("1003", DOMAIN)).text())
                .isEqualTo("uuid_transfer " + CALL + " 1003 XML " + DOMAIN);
        assertThat(commands.transfer(CALL, Destination.number("+14155550100", DOMAIN)).text())
                .isEqualTo("uuid_transfer " + CALL + " +14155550100 XML " + DOMAIN);
    }

    @Test
    void aTransferOfTheOtherLegUsesBleg() {
        assertThat(commands.transferOtherLeg(CALL, Destination.extension("1003", DOMAIN)).text())
                .isEqualTo("uuid_transfer " + CALL + " -bleg 1003 XML " + DOMAIN);
    }

    @Test
    void holdAndUnholdUseUuidHoldAndItsOffForm() {
        assertThat(commands.hold(CALL, true).text()).isEqualTo("uuid_hold " + CALL);
        assertThat(commands.hold(CALL, false).text()).isEqualTo("uuid_hold off " + CALL);
    }

    @Test
    void parkingTransfersTheLegToValetParkInTheTenantsLotAsOneQuotedArgument() {
        assertThat(commands.park(CALL, TENANT, "705").text()).isEqualTo("uuid_transfer " + CALL
                + " 'valet_park:park-6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c 705' inline");
    }

    @Test
    void parkingOutsideTheSlotRangeIsRefused() {
        assertThatThrownBy(() -> commands.park(CALL, TENANT, "800")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bridgingClearsAnyKeepAliveThenBridgesTheTwoLegs() {
        assertThat(commands.bridge(CALL, OTHER)).extracting(ApiCommand::text).containsExactly(
                "uuid_setvar " + CALL + " park_after_bridge false",
                "uuid_setvar " + OTHER + " park_after_bridge false",
                "uuid_bridge " + CALL + " " + OTHER);
    }

    @Test
    void aLegCannotBeBridgedToItself() {
        assertThatThrownBy(() -> commands.bridge(CALL, CALL)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConsultLegRingsTheTargetAsACallOfItsOwnShowingTheTransferorAndWaitsParked() {
        ConsultLeg leg = new ConsultLeg(THIRD, CALL, OTHER, TENANT, Destination.extension("1003", DOMAIN), "1001",
                Duration.ofSeconds(30));

        assertThat(commands.consult(leg).text()).isEqualTo("originate {origination_uuid=" + THIRD
                + ",voip_tenant=" + T + ",voip_call_uuid=" + THIRD
                + ",voip_direction=internal,voip_extension=1003,voip_destination=1003"
                + ",presence_data=voip:" + T + ":" + THIRD + ":internal:1003"
                + ",origination_caller_id_number=1001,originate_timeout=30,ignore_early_media=true}user/1003@" + DOMAIN
                + " &park()");
    }

    @Test
    void anIntercomCallAsksThePhoneToAnswerByItselfAndWaitsParked() {
        IntercomCall call = new IntercomCall(THIRD, TENANT, Destination.extension("1003", DOMAIN), "1001", "Page",
                Duration.ofSeconds(3));

        assertThat(commands.intercom(call).text()).isEqualTo("originate {origination_uuid=" + THIRD
                + ",voip_tenant=" + T + ",voip_call_uuid=" + THIRD
                + ",voip_direction=internal,voip_extension=1003,voip_destination=1003"
                + ",presence_data=voip:" + T + ":" + THIRD + ":internal:1003"
                + ",origination_caller_id_number=1001,origination_caller_id_name=Page"
                + ",originate_timeout=3,ignore_early_media=true,sip_auto_answer=true"
                + ",sip_h_Call-Info=answer-after=0}user/1003@" + DOMAIN + " &park()");
    }

    @Test
    void whenTheConsultTargetAnswersAllThreeLegsOutliveTheirBridgeAndTheTransferorIsBridgedToTheTarget() {
        ConsultLeg leg = new ConsultLeg(THIRD, CALL, OTHER, TENANT, Destination.extension("1003", DOMAIN), "1001",
                Duration.ofSeconds(30));

        assertThat(commands.consultAnswered(leg)).extracting(ApiCommand::text).containsExactly(
                "uuid_setvar " + OTHER + " park_after_bridge true",
                "uuid_setvar " + CALL + " park_after_bridge true",
                "uuid_setvar " + THIRD + " park_after_bridge true",
                "uuid_bridge " + CALL + " " + THIRD);
    }

    @Test
    void onceThePartyOfAnAnsweredConsultIsGoneTheTransferorAndTheTargetNoLongerOutliveTheirBridge() {
        ConsultLeg leg = new ConsultLeg(THIRD, CALL, OTHER, TENANT, Destination.extension("1003", DOMAIN), "1001",
                Duration.ofSeconds(30));

        assertThat(commands.consultPartyGone(leg)).extracting(ApiCommand::text).containsExactly(
                "uuid_setvar " + CALL + " park_after_bridge false",
                "uuid_setvar " + THIRD + " park_after_bridge false");
    }

    @Test
    void aCancelledConsultLegIsHungUpAsCancelledByItsOriginator() {
        ConsultLeg leg = new ConsultLeg(THIRD, CALL, OTHER, TENANT, Destination.number("+14155550100", DOMAIN), null,
                Duration.ofSeconds(30));

        assertThat(commands.cancelConsult(leg).text()).isEqualTo("uuid_kill " + THIRD + " ORIGINATOR_CANCEL");
    }

    @Test
    void aConsultToAParkSlotIsRefused() {
        ConsultLeg leg = new ConsultLeg(THIRD, CALL, OTHER, TENANT, Destination.extension("701", DOMAIN), null,
                Duration.ofSeconds(30));

        assertThatThrownBy(() -> commands.consult(leg)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eavesdroppingRingsTheSupervisorThenRunsEavesdropOnTheTargetWithDtmfControl() {
        EavesdropLeg leg = new EavesdropLeg(THIRD, CALL, TENANT, Destination.extension("1009", DOMAIN),
                EavesdropMode.LISTEN, Duration.ofSeconds(30));

        assertThat(commands.eavesdrop(leg).text()).isEqualTo("originate {origination_uuid=" + THIRD
                + ",voip_tenant=" + T + ",voip_call_uuid=" + THIRD + ",voip_direction=internal,voip_extension=1009"
                + ",presence_data=voip:" + T + ":" + THIRD + ":internal:1009"
                + ",originate_timeout=30,ignore_early_media=true,eavesdrop_enable_dtmf=true"
                + ",eavesdrop_whisper_aleg=false,eavesdrop_whisper_bleg=false}user/1009@" + DOMAIN
                + " &eavesdrop(" + CALL + ")");
    }

    @Test
    void theSupervisorLegShowsTheCallerAndTheDestinationOfTheCallItListensTo() {
        EavesdropLeg leg = new EavesdropLeg(THIRD, CALL, TENANT, Destination.extension("1009", DOMAIN),
                EavesdropMode.LISTEN, Duration.ofSeconds(30), "+15551234567", "Bob Smith", "1002");

        assertThat(commands.eavesdrop(leg).text()).contains(",voip_destination=1002,",
                ",origination_caller_id_number=+15551234567,", "origination_caller_id_name='Bob Smith'");
    }

    @Test
    void aCallerOrDestinationThatIsNoPlainNumberIsNotShownToTheSupervisor() {
        EavesdropLeg leg = new EavesdropLeg(THIRD, CALL, TENANT, Destination.extension("1009", DOMAIN),
                EavesdropMode.LISTEN, Duration.ofSeconds(30), "anonymous", null, "sip:x@y");

        assertThat(commands.eavesdrop(leg).text()).doesNotContain("voip_destination", "origination_caller_id_number",
                "anonymous", "sip:");
    }

    @Test
    void whisperingSpeaksToTheTargetOnlyAndBargingToBothSides() {
        EavesdropLeg whisper = new EavesdropLeg(THIRD, CALL, TENANT, Destination.extension("1009", DOMAIN),
                EavesdropMode.WHISPER, Duration.ofSeconds(30));
        EavesdropLeg barge = new EavesdropLeg(THIRD, CALL, TENANT, Destination.extension("1009", DOMAIN),
                EavesdropMode.BARGE, Duration.ofSeconds(30));

        assertThat(commands.eavesdrop(whisper).text()).contains("eavesdrop_whisper_aleg=true,eavesdrop_whisper_bleg=false}");
        assertThat(commands.eavesdrop(barge).text()).contains("eavesdrop_whisper_aleg=true,eavesdrop_whisper_bleg=true}");
    }

    @Test
    void switchingTheEavesdropModePressesTheEavesdropKeyOnTheSupervisorsBehalf() {
        assertThat(commands.eavesdropMode(THIRD, EavesdropMode.LISTEN).text()).isEqualTo("uuid_recv_dtmf " + THIRD + " 0");
        assertThat(commands.eavesdropMode(THIRD, EavesdropMode.WHISPER).text()).isEqualTo("uuid_recv_dtmf " + THIRD + " 2");
        assertThat(commands.eavesdropMode(THIRD, EavesdropMode.BARGE).text()).isEqualTo("uuid_recv_dtmf " + THIRD + " 3");
    }

    @Test
    void joiningAConferenceKeepsThePartnerUpAndTransfersTheLegIntoTheRoom() {
        assertThat(commands.joinConference(CALL, OTHER, ROOM)).extracting(ApiCommand::text).containsExactly(
                "uuid_setvar " + OTHER + " park_after_bridge true",
                "uuid_transfer " + CALL + " conference:" + ROOM + "@default inline");
    }

    @Test
    void aLegWithoutPartnerJoinsAConferenceWithOneCommand() {
        assertThat(commands.joinConference(CALL, null, ROOM)).extracting(ApiCommand::text)
                .containsExactly("uuid_transfer " + CALL + " conference:" + ROOM + "@default inline");
    }

    @Test
    void conferenceMembersAreKickedMutedAndUnmutedByMemberId() {
        assertThat(commands.kick(ROOM, "3").text()).isEqualTo("conference " + ROOM + " kick 3");
        assertThat(commands.mute(ROOM, "3", true).text()).isEqualTo("conference " + ROOM + " mute 3");
        assertThat(commands.mute(ROOM, "3", false).text()).isEqualTo("conference " + ROOM + " unmute 3");
    }

    @Test
    void conferenceMembersAreHeldAndResumedByMemberId() {
        assertThat(commands.holdMember(ROOM, "3", true).text()).isEqualTo("conference " + ROOM + " hold 3");
        assertThat(commands.holdMember(ROOM, "3", false).text()).isEqualTo("conference " + ROOM + " unhold 3");
    }

    @Test
    void roomsAreLockedAndUnlocked() {
        assertThat(commands.lock(ROOM, true).text()).isEqualTo("conference " + ROOM + " lock");
        assertThat(commands.lock(ROOM, false).text()).isEqualTo("conference " + ROOM + " unlock");
    }

    @Test
    void roomsAndChannelsAreListedAsJson() {
        assertThat(commands.conferenceList(ROOM).text()).isEqualTo("conference " + ROOM + " json_list");
        assertThat(commands.conferenceList().text()).isEqualTo("conference json_list");
        assertThat(commands.showChannels().text()).isEqualTo("show channels as json");
    }
}

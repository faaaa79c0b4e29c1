package com.cloudpbx.freeswitch.media;

import static com.cloudpbx.freeswitch.media.EslMediaServerFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaEvent.ChannelTransferred;
import com.cloudpbx.core.calls.MediaEvent.ChannelParked;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.calls.MediaEvent.ConferenceMemberJoined;
import com.cloudpbx.core.calls.MediaEvent.DtmfReceived;
import com.cloudpbx.core.calls.EavesdropMode;
import com.cloudpbx.core.calls.IntercomCall;
import com.cloudpbx.core.calls.Originate;
import com.cloudpbx.core.calls.RecordedMediaEvents;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.freeswitch.media.FreeSwitchEvents.Leg;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the FreeSWITCH adapter adds to the contract: error mapping, routing checks and resynchronisation. */
class EslMediaServerTest {

    private static final String DOMAIN = "acme.sip.example.com";

    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final RecordedMediaEvents events = new RecordedMediaEvents(EslMediaServerFixture.WAIT);
    private final ScriptedFreeSwitch freeSwitch =
            new ScriptedFreeSwitch(tenant.value(), DOMAIN, EslMediaServerFixture.PASSWORD);
    private EslMediaServer media;

    @BeforeEach
    void connect() {
        media = EslMediaServerFixture.connectedTo(freeSwitch.start());
        media.listen(events);
    }

    @AfterEach
    void disconnect() {
        media.close();
        freeSwitch.close();
    }

    @Test
    void aCommandTheSwitchRefusesIsABadGatewayThatNamesTheReplyButNotTheSwitch() {
        UUID caller = UUID.randomUUID();
        connectedCall(caller);
        freeSwitch.refuse("uuid_transfer", "-ERR NO_ROUTE_DESTINATION\n");

        assertThatThrownBy(() -> media.transfer(caller, Destination.extension("1003", DOMAIN)))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ErrorKind.BAD_GATEWAY);
                    assertThat(refused.code()).isEqualTo("MEDIA_SERVER_REFUSED");
                    assertThat(refused.getMessage()).contains("NO_ROUTE_DESTINATION")
                            .doesNotContain("127.0.0.1", EslMediaServerFixture.PASSWORD);
                });
    }

    @Test
    void aSwitchThatNoLongerHasTheChannelMakesTheCommandCallNotFound() {
        UUID caller = UUID.randomUUID();
        connectedCall(caller);
        freeSwitch.refuse("uuid_kill", "-ERR No such channel!\n");

        assertThatThrownBy(() -> media.hangup(caller))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.kind()).isEqualTo(ErrorKind.BAD_REQUEST);
                    assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND");
                });
    }

    @Test
    void holdingAnUnknownCallSendsNothingToTheSwitch() {
        assertThatThrownBy(() -> media.hold(UUID.randomUUID(), true)).isInstanceOf(DomainException.class);

        assertThat(freeSwitch.apiCommands()).noneMatch(command -> command.startsWith("uuid_hold"));
    }

    @Test
    void commandsWhileTheSwitchIsDisconnectedAreMediaServerUnavailable() {
        freeSwitch.stop();
        eventually(() -> !media.isConnected());

        assertThatThrownBy(() -> media.originate(originate(UUID.randomUUID(), "Alice")))
                .isInstanceOfSatisfying(DomainException.class, unavailable -> {
                    assertThat(unavailable.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                    assertThat(unavailable.code()).isEqualTo("MEDIA_SERVER_UNAVAILABLE");
                });
    }

    @Test
    void aSuccessfulTransferIsReportedByTheAdapterSinceTheSwitchSendsNoEventForIt() {
        UUID caller = UUID.randomUUID();
        connectedCall(caller);

        media.transfer(caller, Destination.extension("1003", DOMAIN));

        assertThat(events.await(ChannelTransferred.class, caller).target()).isEqualTo("1003");
    }

    @Test
    void aLegThatVanishedWhileTheSwitchWasDownIsHungUpAfterTheReconnect() {
        UUID caller = UUID.randomUUID();
        UUID callee = connectedCall(caller);

        freeSwitch.forgetSilently(callee);
        freeSwitch.restart();

        assertThat(events.await(ChannelHungUp.class, callee).hangupCause()).isEqualTo("MEDIA_SERVER_RESTART");
        assertThat(events.await(ChannelUnbridged.class, caller).otherUuid()).isEqualTo(callee);
        assertThat(media.channels()).extracting(LiveChannel::uuid).containsExactly(caller);
    }

    @Test
    void aLegThatAppearedWhileTheSwitchWasDownIsCreatedAndAnsweredAfterTheReconnect() {
        UUID appeared = UUID.randomUUID();
        freeSwitch.addSilently(new Leg(appeared, appeared, "inbound", "1002", "1002", "+15550100", "Bob", "inbound"),
                true);
        freeSwitch.restart();

        ChannelCreated created = events.await(ChannelCreated.class, appeared);
        assertThat(created.tenant()).isEqualTo(tenant);
        assertThat(created.direction()).isEqualTo(CallDirection.INBOUND);
        events.await(ChannelAnswered.class, appeared);
        assertThat(media.channels()).extracting(LiveChannel::uuid).containsExactly(appeared);
    }

    @Test
    void parkingInATakenSlotSendsNothingToTheSwitchSinceValetParkWouldPickUpTheCallThere() {
        UUID first = UUID.randomUUID();
        UUID parked = connectedCall(first);
        media.park(parked, "701");
        events.await(ChannelParked.class, parked);
        UUID second = UUID.randomUUID();
        connectedCall(second);

        assertThatThrownBy(() -> media.park(second, "701")).isInstanceOf(DomainException.class);

        assertThat(freeSwitch.apiCommands()).filteredOn(command -> command.startsWith("uuid_transfer " + second))
                .isEmpty();
    }

    @Test
    void joiningALockedRoomSendsNoTransferSinceTheSwitchLetsOriginatedLegsIntoLockedRooms() {
        UUID caller = UUID.randomUUID();
        UUID callee = connectedCall(caller);
        String room = "t" + tenant.value().toString().replace("-", "") + "-sales";
        media.joinConference(caller, room);
        events.await(ConferenceMemberJoined.class, caller);
        media.lock(room, true);

        assertThatThrownBy(() -> media.joinConference(callee, room)).isInstanceOf(DomainException.class);

        assertThat(freeSwitch.apiCommands()).filteredOn(command -> command.startsWith("uuid_transfer " + callee))
                .isEmpty();
    }

    @Test
    void switchingTheModeOfALegThatIsNotEavesdroppingPressesNoKeyOnIt() {
        UUID caller = UUID.randomUUID();
        connectedCall(caller);

        assertThatThrownBy(() -> media.eavesdropMode(caller, EavesdropMode.BARGE)).isInstanceOf(DomainException.class);

        assertThat(freeSwitch.apiCommands()).noneMatch(command -> command.startsWith("uuid_recv_dtmf"));
    }

    @Test
    void theKeysThatSwitchAnEavesdropModeAreNotReportedAsTheSupervisorsInput() {
        UUID caller = UUID.randomUUID();
        UUID callee = connectedCall(caller);
        UUID spy = UUID.randomUUID();
        media.eavesdrop(spy, callee, Destination.extension("1005", DOMAIN), EavesdropMode.LISTEN);
        events.await(ChannelRinging.class, spy);
        freeSwitch.answer(spy);
        events.await(ChannelAnswered.class, spy);

        media.eavesdropMode(spy, EavesdropMode.WHISPER);
        media.hangup(caller);

        events.await(ChannelHungUp.class, spy);
        assertThat(freeSwitch.apiCommands()).contains("uuid_recv_dtmf " + spy + " 2");
        assertThat(events.of(spy)).noneMatch(DtmfReceived.class::isInstance);
    }

    @Test
    void aCallerIdNameThatTriesToAddCommandsReachesTheSwitchAsOneVariableOfTheOriginate() {
        UUID caller = UUID.randomUUID();

        media.originate(originate(caller, "Eve' &system(rm -rf /) {x=y}, $${password}\n^^:foo"));

        String originate = freeSwitch.apiCommands().stream().filter(c -> c.startsWith("originate ")).findFirst()
                .orElseThrow();
        List<String> arguments = CommandLine.split(originate).arguments();
        assertThat(arguments).hasSize(3);
        assertThat(arguments.get(2)).startsWith("&bridge(");
        assertThat(CommandLine.variables(arguments.get(1)))
                .filteredOn(variable -> variable.startsWith("origination_caller_id_name="))
                .singleElement().asString().doesNotContain("'", "$", "{", "}", ",", "&system");
        assertThat(originate).doesNotContain("&system");
    }

    @Test
    void anIntercomLegAnsweredByItsPhoneStaysUpBridgedToNothing() {
        UUID leg = UUID.randomUUID();

        media.intercom(new IntercomCall(leg, tenant, Destination.extension("1002", DOMAIN), "1001", "Page",
                Duration.ofSeconds(3)));
        events.await(ChannelRinging.class, leg);
        freeSwitch.answer(leg);
        events.await(ChannelAnswered.class, leg);

        assertThat(freeSwitch.apiCommands()).filteredOn(command -> command.startsWith("originate "))
                .singleElement().asString().contains("sip_auto_answer=true", "sip_h_Call-Info=answer-after=0")
                .endsWith(" &park()");
        assertThat(media.channels()).filteredOn(channel -> channel.uuid().equals(leg)).singleElement()
                .satisfies(channel -> {
                    assertThat(channel.answered()).isTrue();
                    assertThat(channel.bridgedTo()).isNull();
                });
    }

    private Originate originate(UUID uuid, String callerIdName) {
        return new Originate(uuid, tenant, Destination.extension("1001", DOMAIN), Destination.extension("1002", DOMAIN),
                "1001", callerIdName, Duration.ofSeconds(30));
    }

    private UUID connectedCall(UUID caller) {
        media.originate(originate(caller, "Alice"));
        events.await(ChannelRinging.class, caller);
        freeSwitch.answer(caller);
        UUID callee = events.awaitOtherLeg(caller, caller);
        events.await(ChannelRinging.class, callee);
        freeSwitch.answer(callee);
        events.await(ChannelBridged.class, callee);
        return callee;
    }
}

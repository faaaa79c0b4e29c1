package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHeld;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelRinging;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnheld;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every media server does through {@link LegControl} and {@link ConferenceControl}, whatever
 * switch is behind it; each backend's test extends this, naming its class, which implements both.
 * Calls go from extension 1001 to extension 1002 of one tenant.
 */
public abstract class MediaServerContract<S extends LegControl & ConferenceControl> {

    protected static final String SIP_DOMAIN = "acme.sip.example.com";
    protected static final Destination CALLER = Destination.extension("1001", SIP_DOMAIN);
    protected static final Destination CALLEE = Destination.extension("1002", SIP_DOMAIN);

    protected final TenantId tenant = TenantId.of(UUID.randomUUID());
    protected final RecordedMediaEvents events = new RecordedMediaEvents(Duration.ofSeconds(5));
    private S server;

    /** A media server with no calls on it; called before every test. */
    protected abstract S newMediaServer();

    /**
     * Makes the phone behind a ringing leg pick up. A backend whose phones answer by themselves
     * (the simulated switch) does nothing; one driven by a fake switch has it report the answer.
     */
    protected abstract void letAnswer(UUID ringingLeg);

    @BeforeEach
    void startWithNoCalls() {
        server = newMediaServer();
        server.listen(events);
    }

    @Test
    void aSuccessfulOriginateRingsTheCallerFirstThenTheDestinationAndBridgesThem() {
        UUID caller = UUID.randomUUID();

        UUID callee = connectedCall(caller);

        assertThat(events.kindsOf(caller))
                .containsExactly(ChannelCreated.class, ChannelRinging.class, ChannelAnswered.class, ChannelBridged.class);
        assertThat(events.kindsOf(callee))
                .containsExactly(ChannelCreated.class, ChannelRinging.class, ChannelAnswered.class, ChannelBridged.class);
        assertThat(events.await(ChannelBridged.class, caller).otherUuid()).isEqualTo(callee);
        assertThat(events.await(ChannelBridged.class, callee).otherUuid()).isEqualTo(caller);
    }

    @Test
    void bothLegsOfAnOriginatedCallShareTheCallUuidOfTheFirstLeg() {
        UUID caller = UUID.randomUUID();

        UUID callee = connectedCall(caller);

        assertThat(events.await(ChannelCreated.class, caller).callUuid()).isEqualTo(caller);
        assertThat(events.await(ChannelCreated.class, callee).callUuid()).isEqualTo(caller);
    }

    @Test
    void theCallerLegIsCreatedForTheTenantWithTheDestinationItDials() {
        UUID caller = UUID.randomUUID();

        server.originate(originate(caller));

        ChannelCreated created = events.await(ChannelCreated.class, caller);
        assertThat(created.tenant()).isEqualTo(tenant);
        assertThat(created.direction()).isEqualTo(CallDirection.INTERNAL);
        assertThat(created.destination()).isEqualTo(CALLEE.value());
    }

    @Test
    void hangingUpOneLegReleasesBothLegs() {
        UUID caller = UUID.randomUUID();
        UUID callee = connectedCall(caller);

        server.hangup(caller);

        assertThat(events.await(ChannelHungUp.class, caller).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(events.await(ChannelHungUp.class, callee).hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(events.kindsOf(caller)).endsWith(ChannelUnbridged.class, ChannelHungUp.class);
        assertThat(events.kindsOf(callee)).endsWith(ChannelUnbridged.class, ChannelHungUp.class);
    }

    @Test
    void aHungUpCallIsNoLongerAmongTheLiveChannels() {
        UUID caller = UUID.randomUUID();
        UUID callee = connectedCall(caller);

        server.hangup(caller);
        events.await(ChannelHungUp.class, callee);

        assertThat(server.channels()).extracting(LiveChannel::uuid).doesNotContain(caller, callee);
    }

    @Test
    void aConnectedCallShowsBothLegsBridgedToEachOtherAmongTheLiveChannels() {
        UUID caller = UUID.randomUUID();
        UUID callee = connectedCall(caller);

        assertThat(server.channels())
                .filteredOn(channel -> channel.callUuid().equals(caller))
                .extracting(LiveChannel::uuid, LiveChannel::bridgedTo, LiveChannel::answered)
                .containsExactlyInAnyOrder(
                        tuple(caller, callee, true),
                        tuple(callee, caller, true));
    }

    @Test
    void hangingUpAnUnknownCallIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> server.hangup(UUID.randomUUID()))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    @Test
    void holdingThenResumingALegReportsHeldThenUnheld() {
        UUID caller = UUID.randomUUID();
        connectedCall(caller);

        server.hold(caller, true);
        events.await(ChannelHeld.class, caller);
        server.hold(caller, false);
        events.await(ChannelUnheld.class, caller);

        assertThat(events.kindsOf(caller)).endsWith(ChannelHeld.class, ChannelUnheld.class);
    }

    @Test
    void holdingAnUnknownCallIsRefusedAsCallNotFound() {
        assertThatThrownBy(() -> server.hold(UUID.randomUUID(), true))
                .isInstanceOfSatisfying(DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo("CALL_NOT_FOUND"));
    }

    @Test
    void anAnsweredConsultLegIsBridgedToTheTransferorWhoseFormerPartnerStaysUp() {
        UUID transferor = UUID.randomUUID();
        UUID party = connectedCall(transferor);
        UUID consult = UUID.randomUUID();

        server.consult(consult, transferor, Destination.extension("1003", SIP_DOMAIN));
        events.await(ChannelRinging.class, consult);
        letAnswer(consult);

        assertThat(events.await(ChannelBridged.class, consult).otherUuid()).isEqualTo(transferor);
        assertThat(events.await(ChannelUnbridged.class, party).otherUuid()).isEqualTo(transferor);
        assertThat(events.of(party)).noneMatch(ChannelHungUp.class::isInstance);
    }

    @Test
    void onceTheConsultLegAnsweredTheTransferorHangingUpLeavesItAndThePartyUp() {
        UUID transferor = UUID.randomUUID();
        UUID party = connectedCall(transferor);
        UUID consult = answeredConsult(transferor);

        server.hangup(transferor);

        events.await(ChannelHungUp.class, transferor);
        assertThat(events.await(ChannelUnbridged.class, consult).otherUuid()).isEqualTo(transferor);
        assertStaysUp(consult, party);
    }

    @Test
    void onceTheConsultLegAnsweredItHangingUpLeavesTheTransferorAndThePartyUp() {
        UUID transferor = UUID.randomUUID();
        UUID party = connectedCall(transferor);
        UUID consult = answeredConsult(transferor);

        server.hangup(consult);

        events.await(ChannelHungUp.class, consult);
        events.await(ChannelUnbridged.class, unbridged -> unbridged.uuid().equals(transferor)
                && unbridged.otherUuid().equals(consult));
        assertStaysUp(transferor, party);
    }

    @Test
    void anIntercomLegRingsTheExtensionAndOnceAnsweredStaysUpBridgedToNothing() {
        UUID leg = UUID.randomUUID();

        server.intercom(new IntercomCall(leg, tenant, CALLEE, "1001", "Floor", Duration.ofSeconds(5)));
        events.await(ChannelRinging.class, leg);
        letAnswer(leg);
        events.await(ChannelAnswered.class, leg);

        ChannelCreated created = events.await(ChannelCreated.class, leg);
        assertThat(created.callUuid()).isEqualTo(leg);
        assertThat(created.tenant()).isEqualTo(tenant);
        assertThat(created.extension()).isEqualTo(CALLEE.value());
        assertThat(created.direction()).isEqualTo(CallDirection.INTERNAL);
        assertStaysUp(leg);
        assertThat(events.kindsOf(leg)).containsExactly(ChannelCreated.class, ChannelRinging.class,
                ChannelAnswered.class, ChannelHeld.class);
    }

    protected final S server() {
        return server;
    }

    protected final Originate originate(UUID uuid) {
        return new Originate(uuid, tenant, CALLER, CALLEE, "1001", "Alice", Duration.ofSeconds(30));
    }

    /** Rings 1003 on a consult leg for the transferor, lets it answer and waits for the two to be bridged. */
    private UUID answeredConsult(UUID transferor) {
        UUID consult = UUID.randomUUID();
        server.consult(consult, transferor, Destination.extension("1003", SIP_DOMAIN));
        events.await(ChannelRinging.class, consult);
        letAnswer(consult);
        events.await(ChannelBridged.class, bridged -> bridged.uuid().equals(consult)
                && bridged.otherUuid().equals(transferor));
        return consult;
    }

    /**
     * The legs are still up after whatever came before: each is put on hold, which a switch reports
     * only for a live leg and only after the events of the commands before it.
     */
    private void assertStaysUp(UUID... legs) {
        for (UUID leg : legs) {
            server.hold(leg, true);
            events.await(ChannelHeld.class, leg);
        }
        for (UUID leg : legs) {
            assertThat(events.of(leg)).noneMatch(ChannelHungUp.class::isInstance);
        }
    }

    /** Originates from 1001 to 1002, lets both answer and waits for the bridge; returns the second leg. */
    protected final UUID connectedCall(UUID caller) {
        server.originate(originate(caller));
        events.await(ChannelRinging.class, caller);
        letAnswer(caller);
        UUID callee = events.awaitOtherLeg(caller, caller);
        events.await(ChannelRinging.class, callee);
        letAnswer(callee);
        events.await(ChannelBridged.class, callee);
        return callee;
    }
}

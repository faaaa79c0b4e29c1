package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.blocklist.BlockDirection;
import com.cloudpbx.core.blocklist.BlockPattern;
import com.cloudpbx.core.blocklist.BlockedNumber;
import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.blocklist.MapBlocklistRepository;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.testing.StoreSamples;
import com.cloudpbx.core.tenants.Tenant;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CallControlTest {

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final Tenant globex = StoreSamples.tenant("Globex");
    private final Extension alice = StoreSamples.extension(acme.id(), "1001");
    private final Extension bob = StoreSamples.extension(acme.id(), "1002");
    private final Extension disabled = StoreSamples.withStatus(StoreSamples.extension(acme.id(), "1003"),
            ExtensionStatus.DISABLED);
    private final Extension globexUser = StoreSamples.extension(globex.id(), "1001");

    private final MapLiveChannels live = new MapLiveChannels();
    private final MapParkSlots parkSlots = new MapParkSlots();
    private final MapAttendedTransfers transfers = new MapAttendedTransfers();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final MapBlocklistRepository blocklist = new MapBlocklistRepository();
    private final CallAccess access = new CallAccess(live, new ListExtensions(List.of(alice, bob, disabled, globexUser)),
            new ListTenants(List.of(acme, globex)));
    private final ParkSlotRange slots = new ParkSlotRange(701, 703);
    private final CallControl calls = new CallControl(media, media, live, parkSlots, transfers, access,
            new Destinations(access, parkSlots, slots, new CallScreening(blocklist), tenant -> Optional.empty()), slots,
            new ConferenceRooms(new SecureRandom()));

    @Test
    void originateRingsTheExtensionFirstAndReturnsTheUuidItChose() {
        UUID uuid = calls.originate(admin(acme), "1001", "+1 650 253 0000");

        assertThat(media.originated).singleElement().satisfies(o -> {
            assertThat(o.uuid()).isEqualTo(uuid);
            assertThat(o.from().value()).isEqualTo("1001");
            assertThat(o.to().value()).isEqualTo("+16502530000");
            assertThat(o.to().kind()).isEqualTo(Destination.Kind.NUMBER);
            assertThat(o.callerIdName()).isEqualTo(alice.displayName());
        });
    }

    @Test
    void originateToAnExtensionOfTheTenantDialsItInternally() {
        calls.originate(admin(acme), "1001", "1002");

        assertThat(media.originated.get(0).to().kind()).isEqualTo(Destination.Kind.EXTENSION);
    }

    @Test
    void originateRefusesBadInputWithoutSendingAnything() {
        assertRefused(() -> calls.originate(admin(acme), "9999", "1002"), ErrorKind.BAD_REQUEST, "fromExtension");
        assertRefused(() -> calls.originate(admin(acme), "1003", "1002"), ErrorKind.BAD_REQUEST, "fromExtension");
        assertRefused(() -> calls.originate(admin(acme), "1001", "12ab"), ErrorKind.BAD_REQUEST, "toNumber");
        assertRefused(() -> calls.originate(admin(acme), "1001", "1099"), ErrorKind.BAD_REQUEST, "toNumber");
        assertRefused(() -> calls.originate(admin(acme), "1001", "1001"), ErrorKind.BAD_REQUEST, "toNumber");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void originateToABlockedNumberIsRefused() {
        block("+16502530000", BlockDirection.OUTBOUND);

        assertThatThrownBy(() -> calls.originate(admin(acme), "1001", "+16502530000"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NUMBER_BLOCKED"));
        assertThat(media.commands).isEmpty();
    }

    @Test
    void originateToANumberBlockedOnlyInboundGoesAhead() {
        block("+16502530000", BlockDirection.INBOUND);

        calls.originate(admin(acme), "1001", "+16502530000");

        assertThat(media.originated).hasSize(1);
    }

    @Test
    void originateToANumberUnderABlockedPrefixIsRefusedNamingTheNumber() {
        block("+1650*", BlockDirection.BOTH);

        assertThatThrownBy(() -> calls.originate(admin(acme), "1001", "+1 650 253 0000"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("NUMBER_BLOCKED");
                    assertThat(e.getMessage()).contains("+16502530000");
                });
    }

    private void block(String pattern, BlockDirection direction) {
        blocklist.insert(new BlockedNumber(UUID.randomUUID(), acme.id(), BlockPattern.parse(pattern, "number"), null,
                direction, StoreSamples.T0));
    }

    @Test
    void anExtensionUserOriginatesOnlyFromItsOwnExtension() {
        Actor user = user(acme, alice);

        calls.originate(user, "1001", "1002");
        assertThatThrownBy(() -> calls.originate(user, "1002", "1001")).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.FORBIDDEN));
    }

    @Test
    void commandsOnAnUnknownCallAre400AndOnAnotherTenantsCall404() {
        LiveChannel theirs = channel(globex, "1001");

        assertRefused(() -> calls.hangup(admin(acme), UUID.randomUUID()), ErrorKind.BAD_REQUEST, null);
        assertRefused(() -> calls.hangup(admin(acme), theirs.uuid()), ErrorKind.NOT_FOUND, null);
        assertThat(media.commands).isEmpty();
    }

    @Test
    void parkingTakesTheLowestFreeSlotAndATakenSlotIsRefused() {
        LiveChannel first = channel(acme, "1001");
        LiveChannel second = channel(acme, "1002");

        assertThat(calls.park(admin(acme), first.uuid(), null)).isEqualTo("701");
        assertThat(calls.park(admin(acme), second.uuid(), null)).isEqualTo("702");
        assertRefused(() -> calls.park(admin(acme), channel(acme, "1001").uuid(), "701"), ErrorKind.BAD_REQUEST, null);
        assertRefused(() -> calls.park(admin(acme), channel(acme, "1001").uuid(), "799"), ErrorKind.BAD_REQUEST, "slot");
    }

    @Test
    void theSameSlotIsFreeInAnotherTenant() {
        calls.park(admin(acme), channel(acme, "1001").uuid(), "701");

        assertThat(calls.park(admin(globex), channel(globex, "1001").uuid(), "701")).isEqualTo("701");
    }

    @Test
    void blindTransferSendsTheOtherPartyToTheTarget() {
        LiveChannel agent = channel(acme, "1001");
        LiveChannel customer = new LiveChannel(UUID.randomUUID(), agent.callUuid(), acme.id(), null, "+15550001111",
                "Customer", "1001", CallDirection.INBOUND, true, false, Instant.now(), Instant.now(), agent.uuid(),
                null, null);
        live.put(customer);
        live.put(agent.bridgedTo(customer.uuid()));

        calls.transfer(admin(acme), agent.uuid(), "1002");

        assertThat(media.commands).containsExactly("transfer " + customer.uuid() + " 1002");
    }

    @Test
    void blindTransferToANumberBlockedOutboundIsRefusedAndSendsNothing() {
        LiveChannel agent = agentTalkingToCustomer();
        block("+16502530000", BlockDirection.BOTH);

        assertThatThrownBy(() -> calls.transfer(admin(acme), agent.uuid(), "+16502530000"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NUMBER_BLOCKED"));
        assertThat(media.commands).isEmpty();
    }

    @Test
    void attendedTransferToANumberBlockedOutboundIsRefusedAndSendsNothing() {
        LiveChannel agent = agentTalkingToCustomer();
        block("+16502530000", BlockDirection.OUTBOUND);

        assertThatThrownBy(() -> calls.attendedTransfer(admin(acme), agent.uuid(), "+16502530000"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("NUMBER_BLOCKED"));
        assertThat(media.commands).isEmpty();
    }

    @Test
    void attendedTransferHoldsThePartyThenRingsTheTargetOnAConsultLeg() {
        LiveChannel agent = agentTalkingToCustomer();
        UUID customer = agent.bridgedTo();

        UUID consult = calls.attendedTransfer(admin(acme), agent.uuid(), "1002");

        assertThat(media.commands).containsExactly("hold " + customer + " true",
                "consult " + consult + " " + agent.uuid() + " 1002");
    }

    @Test
    void attendedTransferRemembersWhoTransfersWhomThroughWhichConsultLeg() {
        LiveChannel agent = agentTalkingToCustomer();

        UUID consult = calls.attendedTransfer(admin(acme), agent.uuid(), "1002");

        assertThat(transfers.findByLeg(consult)).contains(new AttendedTransfer(acme.id(), agent.uuid(),
                agent.bridgedTo(), consult, AttendedTransfer.Stage.CONSULTING));
    }

    @Test
    void attendedTransferOfALegThatIsNotBridgedIsRefusedAsCallNotBridged() {
        LiveChannel alone = channel(acme, "1001");

        assertThatThrownBy(() -> calls.attendedTransfer(admin(acme), alone.uuid(), "1002"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("CALL_NOT_BRIDGED"));
        assertThat(media.commands).isEmpty();
    }

    @Test
    void attendedTransferOfACallAlreadyBeingTransferredIsRefused() {
        LiveChannel agent = agentTalkingToCustomer();
        calls.attendedTransfer(admin(acme), agent.uuid(), "1002");
        media.commands.clear();

        assertThatThrownBy(() -> calls.attendedTransfer(admin(acme), agent.uuid(), "1002"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("TRANSFER_IN_PROGRESS"));
        assertThat(media.commands).isEmpty();
    }

    @Test
    void attendedTransferToSomeoneAlreadyOnTheCallIsRefused() {
        LiveChannel agent = agentTalkingToCustomer();

        assertRefused(() -> calls.attendedTransfer(admin(acme), agent.uuid(), "1001"), ErrorKind.BAD_REQUEST,
                "targetExtension");
        assertThat(media.commands).isEmpty();
    }

    @Test
    void aRingingCallCannotBeHeld() {
        LiveChannel ringing = new LiveChannel(UUID.randomUUID(), UUID.randomUUID(), acme.id(), "1001", "1001", "A",
                "1002", CallDirection.INTERNAL, false, false, Instant.now(), null, null, null, null);
        live.put(ringing);

        assertRefused(() -> calls.hold(admin(acme), ringing.uuid(), true), ErrorKind.BAD_REQUEST, null);
    }

    @Test
    void conferencesLiveInRoomsPrefixedWithTheTenant() {
        LiveChannel leg = channel(acme, "1001");

        String name = calls.moveToConference(admin(acme), leg.uuid(), "sales-standup");

        assertThat(name).isEqualTo("sales-standup");
        assertThat(media.commands.get(0)).startsWith("join " + leg.uuid() + " t")
                .endsWith("-sales-standup").contains(acme.id().value().toString().replace("-", ""));
        assertRefused(() -> calls.moveToConference(admin(acme), leg.uuid(), "bad name!"), ErrorKind.BAD_REQUEST,
                "conferenceName");
    }

    @Test
    void anExtensionUserMovesItsCallIntoANewRoom() {
        media.listJoinedMembers();
        LiveChannel own = channel(acme, "1001");

        String name = calls.moveToConference(user(acme, alice), own.uuid(), "alice-room");

        assertThat(name).isEqualTo("alice-room");
        assertThat(media.commands).containsExactly("join " + own.uuid() + " " + room(acme, "alice-room"));
    }

    @Test
    void anExtensionUserMovesItsCallIntoARoomOneOfItsCallsIsIn() {
        media.listJoinedMembers();
        LiveChannel first = channel(acme, "1001");
        LiveChannel second = channel(acme, "1001");
        calls.moveToConference(user(acme, alice), first.uuid(), "alice-room");

        calls.moveToConference(user(acme, alice), second.uuid(), "alice-room");

        assertThat(media.commands).last().isEqualTo("join " + second.uuid() + " " + room(acme, "alice-room"));
    }

    @Test
    void anExtensionUserCannotMoveItsCallIntoARoomNoneOfItsCallsIsIn() {
        media.listJoinedMembers();
        calls.moveToConference(admin(acme), channel(acme, "1002").uuid(), "bobs-room");
        LiveChannel own = channel(acme, "1001");

        assertRefused(() -> calls.moveToConference(user(acme, alice), own.uuid(), "bobs-room"), ErrorKind.FORBIDDEN,
                null);
        assertThat(media.commands).hasSize(1);
    }

    @Test
    void anAdminMovesAnyCallOfTheTenantIntoAnyRoomOfIt() {
        media.listJoinedMembers();
        calls.moveToConference(admin(acme), channel(acme, "1002").uuid(), "bobs-room");
        LiveChannel alices = channel(acme, "1001");

        calls.moveToConference(admin(acme), alices.uuid(), "bobs-room");

        assertThat(media.commands).last().isEqualTo("join " + alices.uuid() + " " + room(acme, "bobs-room"));
    }

    private static String room(Tenant tenant, String name) {
        return new ConferenceRooms(new SecureRandom()).room(tenant.id(), name);
    }

    /** Extension 1001's answered leg, bridged to an outside caller's leg. */
    private LiveChannel agentTalkingToCustomer() {
        LiveChannel agent = channel(acme, "1001");
        LiveChannel customer = new LiveChannel(UUID.randomUUID(), agent.callUuid(), acme.id(), null, "+15550001111",
                "Customer", "1001", CallDirection.INBOUND, true, false, Instant.now(), Instant.now(), agent.uuid(),
                null, null);
        live.put(customer);
        LiveChannel bridged = agent.bridgedTo(customer.uuid());
        live.put(bridged);
        return bridged;
    }

    private LiveChannel channel(Tenant tenant, String extension) {
        UUID uuid = UUID.randomUUID();
        LiveChannel channel = new LiveChannel(uuid, uuid, tenant.id(), extension, extension, "Someone",
                "+15551234567", CallDirection.OUTBOUND, true, false, Instant.now(), Instant.now(), null, null, null);
        live.put(channel);
        return channel;
    }

    private static void assertRefused(ThrowingCallable call, ErrorKind kind, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            if (field != null) {
                assertThat(e.details()).extracting(d -> d.field()).contains(field);
            }
        });
    }

    private static Actor admin(Tenant tenant) {
        return Actor.resolve(new Principal(UUID.randomUUID(), PrincipalKind.ADMIN, Role.ADMIN, tenant.id(), null,
                Set.of()), Optional.empty(), "127.0.0.1");
    }

    private static Actor user(Tenant tenant, Extension extension) {
        return Actor.resolve(new Principal(extension.id(), PrincipalKind.EXTENSION, Role.USER, tenant.id(),
                extension.id(), Set.of()), Optional.empty(), "127.0.0.1");
    }
}

package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.answeredLeg;
import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static com.cloudpbx.core.calls.CallFixtures.assertRefused;
import static com.cloudpbx.core.calls.CallFixtures.assertRefusedWithCode;
import static com.cloudpbx.core.calls.CallFixtures.readonly;
import static com.cloudpbx.core.calls.CallFixtures.ringingLeg;
import static com.cloudpbx.core.calls.CallFixtures.superadmin;
import static com.cloudpbx.core.calls.CallFixtures.superadminIn;
import static com.cloudpbx.core.calls.CallFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.CallSimulator;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.StoreSamples;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SandboxTest {

    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final Tenant globex = StoreSamples.tenant("Globex");
    private final Extension alice = StoreSamples.extension(acme.id(), "1001");
    private final Extension disabled = StoreSamples.withStatus(StoreSamples.extension(acme.id(), "1003"),
            ExtensionStatus.DISABLED);
    private final Extension globexOnly = StoreSamples.extension(globex.id(), "2001");

    private final MapLiveChannels live = new MapLiveChannels();
    private final RecordingMediaServer media = new RecordingMediaServer();
    private final RecordingSimulator simulator = new RecordingSimulator();
    private final Sandbox sandbox = new Sandbox(simulator, media, new CallAccess(live,
            new ListExtensions(List.of(alice, disabled, globexOnly)), new ListTenants(List.of(acme, globex))));

    @Test
    void inboundRingsTheExtensionOnTheTenantsDomainFromTheCallerInE164() {
        UUID callUuid = sandbox.inbound(admin(acme), "+1 (650) 253-0000", "1001");

        assertThat(callUuid).isEqualTo(simulator.callerLeg);
        assertThat(simulator.placed).containsExactly(
                new Placed(acme.id(), "+16502530000", Destination.extension("1001", acme.sipDomain())));
    }

    @Test
    void aSuperadminPlacesACallInTheTenantItActsIn() {
        sandbox.inbound(superadminIn(acme), "+16502530000", "1001");

        assertThat(simulator.placed).singleElement().satisfies(p -> assertThat(p.tenant()).isEqualTo(acme.id()));
    }

    @Test
    void aSuperadminMustNameATenantToPlaceACall() {
        assertRefusedWithCode(() -> sandbox.inbound(superadmin(), "+16502530000", "1001"), "TENANT_REQUIRED");
        assertThat(simulator.placed).isEmpty();
    }

    @Test
    void aCallerThatIsNotAnE164NumberIsAValidationFailureNamingFrom() {
        assertInvalid(() -> sandbox.inbound(admin(acme), "6502530000", "1001"), "from");
        assertInvalid(() -> sandbox.inbound(admin(acme), "+1 650", "1001"), "from");
        assertInvalid(() -> sandbox.inbound(admin(acme), "anonymous", "1001"), "from");
        assertInvalid(() -> sandbox.inbound(admin(acme), null, "1001"), "from");
        assertThat(simulator.placed).isEmpty();
    }

    @Test
    void aDestinationThatIsNotAnActiveExtensionOfTheTenantIsAValidationFailureNamingTo() {
        assertInvalid(() -> sandbox.inbound(admin(acme), "+16502530000", "1099"), "to");
        assertInvalid(() -> sandbox.inbound(admin(acme), "+16502530000", "1003"), "to");
        assertInvalid(() -> sandbox.inbound(admin(acme), "+16502530000", "2001"), "to");
        assertInvalid(() -> sandbox.inbound(admin(acme), "+16502530000", "sales"), "to");
        assertThat(simulator.placed).isEmpty();
    }

    @Test
    void anExtensionUserMayNotUseTheSandbox() {
        Actor user = user(acme, alice);
        LiveChannel ringing = put(ringingLeg(acme, "1001", T0));

        assertRefused(() -> sandbox.inbound(user, "+16502530000", "1001"), ErrorKind.FORBIDDEN);
        assertRefused(() -> sandbox.answer(user, ringing.uuid()), ErrorKind.FORBIDDEN);
        assertRefused(() -> sandbox.hangup(user, ringing.uuid()), ErrorKind.FORBIDDEN);
        assertRefused(() -> sandbox.dtmf(user, ringing.uuid(), "1"), ErrorKind.FORBIDDEN);
        assertThat(simulator.placed).isEmpty();
        assertThat(simulator.answered).isEmpty();
        assertThat(simulator.pressed).isEmpty();
        assertThat(media.commands).isEmpty();
    }

    @Test
    void aReadonlyPrincipalMayNotUseTheSandbox() {
        assertRefused(() -> sandbox.inbound(readonly(acme), "+16502530000", "1001"), ErrorKind.FORBIDDEN);
        assertThat(simulator.placed).isEmpty();
    }

    @Test
    void answerAnswersARingingLeg() {
        LiveChannel ringing = put(ringingLeg(acme, "1001", T0));

        sandbox.answer(admin(acme), ringing.uuid());

        assertThat(simulator.answered).containsExactly(ringing.uuid());
    }

    @Test
    void answeringAnAnsweredLegIsAlreadyAnsweredAndDoesNothing() {
        LiveChannel answered = put(answeredLeg(acme, UUID.randomUUID(), "1001", T0));

        assertRefusedWithCode(() -> sandbox.answer(admin(acme), answered.uuid()), "ALREADY_ANSWERED");
        assertThat(simulator.answered).isEmpty();
    }

    @Test
    void answeringAnotherTenantsLegIsNotFound() {
        LiveChannel theirs = put(ringingLeg(globex, "2001", T0));

        assertRefused(() -> sandbox.answer(admin(acme), theirs.uuid()), ErrorKind.NOT_FOUND);
        assertThat(simulator.answered).isEmpty();
    }

    @Test
    void hangupHangsTheLegUpOnTheSwitch() {
        LiveChannel ringing = put(ringingLeg(acme, "1001", T0));

        sandbox.hangup(admin(acme), ringing.uuid());

        assertThat(media.commands).containsExactly("hangup " + ringing.uuid());
    }

    @Test
    void dtmfPressesTheKeysOnTheLeg() {
        LiveChannel leg = put(answeredLeg(acme, UUID.randomUUID(), "1001", T0));

        sandbox.dtmf(admin(acme), leg.uuid(), "0123456789*#ABCD");

        assertThat(simulator.pressed).containsExactly(leg.uuid() + " 0123456789*#ABCD");
    }

    @Test
    void dtmfDigitsAre1To32KeypadKeys() {
        LiveChannel leg = put(answeredLeg(acme, UUID.randomUUID(), "1001", T0));

        assertInvalid(() -> sandbox.dtmf(admin(acme), leg.uuid(), null), "digits");
        assertInvalid(() -> sandbox.dtmf(admin(acme), leg.uuid(), ""), "digits");
        assertInvalid(() -> sandbox.dtmf(admin(acme), leg.uuid(), "12E"), "digits");
        assertInvalid(() -> sandbox.dtmf(admin(acme), leg.uuid(), "1 2"), "digits");
        assertInvalid(() -> sandbox.dtmf(admin(acme), leg.uuid(), "1".repeat(33)), "digits");
        assertThat(simulator.pressed).isEmpty();
    }

    @Test
    void dtmfAccepts32Keys() {
        LiveChannel leg = put(answeredLeg(acme, UUID.randomUUID(), "1001", T0));

        sandbox.dtmf(admin(acme), leg.uuid(), "1".repeat(32));

        assertThat(simulator.pressed).hasSize(1);
    }

    private LiveChannel put(LiveChannel channel) {
        live.put(channel);
        return channel;
    }

    private record Placed(TenantId tenant, String from, Destination to) {
    }

    /** Remembers what it was asked to do; an inbound call's caller leg is always {@link #callerLeg}. */
    private static final class RecordingSimulator implements CallSimulator {

        final UUID callerLeg = UUID.randomUUID();
        final List<Placed> placed = new ArrayList<>();
        final List<UUID> answered = new ArrayList<>();
        final List<String> pressed = new ArrayList<>();

        @Override
        public UUID inbound(TenantId tenant, String from, Destination to) {
            placed.add(new Placed(tenant, from, to));
            return callerLeg;
        }

        @Override
        public void answer(UUID uuid) {
            answered.add(uuid);
        }

        @Override
        public void dtmf(UUID uuid, String digits) {
            pressed.add(uuid + " " + digits);
        }
    }
}

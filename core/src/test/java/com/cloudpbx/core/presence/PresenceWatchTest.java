package com.cloudpbx.core.presence;

import com.cloudpbx.core.webhooks.WebhookFixtures;
import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.presence.port.PresenceSubjects;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.TenantEvent;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.StoreSamples;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceWatchTest {

    private final Tenant acme = tenant("Acme");
    private final Tenant other = tenant("Other");
    private final List<Extension> extensions = new ArrayList<>(List.of(extension(acme.id(), "1001"),
            extension(acme.id(), "1002"), extension(other.id(), "1001")));
    private final Set<String> registered = new HashSet<>(Set.of("1001", "1002"));
    private final List<TenantEvent> raised = new ArrayList<>();
    private final ConfigurationChanges changes = new ConfigurationChanges();
    private final PresenceSubjects subjects = tenant -> new ListExtensions(extensions).list(Optional.of(tenant))
            .stream().map(PresenceSubject::of).toList();
    private final PresenceWatch watch = new PresenceWatch(subjects,
            new ListTenants(List.of(acme, other)),
            (domain, users) -> users.stream().filter(registered::contains).collect(java.util.stream.Collectors.toSet()),
            raised::add, WebhookFixtures.noneSubscribed(), changes, Clock.fixed(T0, ZoneOffset.UTC), Runnable::run, 10,
            100);

    @Test
    void aLegRingingAnExtensionRaisesRingingOnce() {
        MediaEvent.ChannelCreated leg = leg("1001");

        watch.accept(leg);
        watch.accept(leg);

        assertThat(changes()).containsExactly("1001 available->ringing");
    }

    @Test
    void aCallRaisesRingingThenOnCallThenAvailable() {
        MediaEvent.ChannelCreated leg = leg("1001");

        watch.accept(leg);
        watch.accept(new MediaEvent.ChannelAnswered(leg.uuid(), T0.plusSeconds(3)));
        watch.accept(new MediaEvent.ChannelAnswered(leg.uuid(), T0.plusSeconds(4)));
        watch.accept(hangup(leg));

        assertThat(changes()).containsExactly("1001 available->ringing", "1001 ringing->on_call",
                "1001 on_call->available");
    }

    @Test
    void aSecondLegWhileOnACallRaisesNothing() {
        MediaEvent.ChannelCreated first = leg("1001");
        watch.accept(first);
        watch.accept(new MediaEvent.ChannelAnswered(first.uuid(), T0.plusSeconds(3)));
        raised.clear();

        MediaEvent.ChannelCreated second = leg("1001");
        watch.accept(second);
        watch.accept(hangup(second));

        assertThat(raised).isEmpty();
    }

    @Test
    void watchingATenantRaisesNothingByItself() {
        watch.watch(acme.id());
        watch.pollRegistrations();

        assertThat(raised).isEmpty();
        assertThat(watch.watchedTenants()).isEqualTo(1);
    }

    @Test
    void doNotDisturbTurnedOnAndOffRaisesBothChanges() {
        watch.watch(acme.id());

        replace(withDoNotDisturb(find("1001"), true));
        changes.changed(acme.id());
        replace(withDoNotDisturb(find("1001"), false));
        changes.changed(acme.id());

        assertThat(changes()).containsExactly("1001 available->do_not_disturb", "1001 do_not_disturb->available");
    }

    @Test
    void aCallUnderDoNotDisturbRaisesNothing() {
        replace(withDoNotDisturb(find("1001"), true));
        MediaEvent.ChannelCreated leg = leg("1001");

        watch.accept(leg);
        watch.accept(new MediaEvent.ChannelAnswered(leg.uuid(), T0.plusSeconds(3)));
        watch.accept(hangup(leg));

        assertThat(raised).isEmpty();
    }

    @Test
    void anUnchangedExtensionRaisesNothingWhenItsTenantChanges() {
        watch.watch(acme.id());

        changes.changed(acme.id());

        assertThat(raised).isEmpty();
    }

    @Test
    void busySetByHandIsRaised() {
        watch.watch(acme.id());

        replace(find("1002").withPresence(ManualPresence.BUSY, T0));
        changes.changed(acme.id());

        assertThat(changes()).containsExactly("1002 available->busy");
    }

    @Test
    void aRegistrationThatExpiredTurnsTheExtensionOfflineOnce() {
        watch.watch(acme.id());

        registered.remove("1002");
        watch.pollRegistrations();
        watch.pollRegistrations();

        assertThat(changes()).containsExactly("1002 available->offline");
    }

    @Test
    void aPhoneThatRegistersMakesItsExtensionAvailable() {
        registered.remove("1002");
        watch.watch(acme.id());

        registered.add("1002");
        watch.pollRegistrations();

        assertThat(changes()).containsExactly("1002 offline->available");
    }

    @Test
    void aDisabledExtensionGoesOffline() {
        watch.watch(acme.id());

        replace(StoreSamples.withStatus(find("1001"), ExtensionStatus.DISABLED));
        changes.changed(acme.id());

        assertThat(changes()).containsExactly("1001 available->offline");
    }

    @Test
    void eachChangeNamesItsTenantAndExtensionSoAUserSeesOnlyItsOwn() {
        watch.accept(leg("1002"));

        TenantEvent event = raised.getFirst();
        assertThat(event.type()).isEqualTo("presence_change");
        assertThat(event.tenant()).isEqualTo(acme.id());
        assertThat(event.extension()).isEqualTo("1002");
        assertThat(event.data()).isEqualTo(Map.of("extension", "1002", "status", "ringing",
                "previous_status", "available"));
    }

    @Test
    void aLegOfAnotherTenantsSameNumberChangesOnlyThatTenant() {
        watch.watch(acme.id());
        registered.remove("1001");

        watch.accept(leg(other, "1001"));

        assertThat(raised).singleElement().satisfies(event -> {
            assertThat(event.tenant()).isEqualTo(other.id());
            assertThat(event.data()).containsEntry("previous_status", "offline");
        });
    }

    @Test
    void aHangupThatOvertookItsLegRaisesNothing() {
        MediaEvent.ChannelCreated leg = leg("1001");

        watch.accept(hangup(leg));
        watch.accept(leg);

        assertThat(raised).isEmpty();
    }

    @Test
    void aChangeInATenantNotWatchedRaisesNothing() {
        replace(withDoNotDisturb(find("1001"), true));
        changes.changed(acme.id());

        assertThat(raised).isEmpty();
    }

    @Test
    void theLeastRecentlyActiveTenantIsForgottenPastTheLimit() {
        PresenceWatch small = new PresenceWatch(subjects, new ListTenants(List.of(acme, other)),
                (domain, users) -> Set.copyOf(users), raised::add, WebhookFixtures.noneSubscribed(), changes,
                Clock.fixed(T0, ZoneOffset.UTC),
                Runnable::run, 1, 100);

        small.watch(acme.id());
        small.watch(other.id());

        assertThat(small.watchedTenants()).isEqualTo(1);
    }

    private List<String> changes() {
        return raised.stream().map(e -> e.extension() + " " + e.data().get("previous_status") + "->"
                + e.data().get("status")).toList();
    }

    private MediaEvent.ChannelCreated leg(String extension) {
        return leg(acme, extension);
    }

    private static MediaEvent.ChannelCreated leg(Tenant tenant, String extension) {
        return new MediaEvent.ChannelCreated(UUID.randomUUID(), UUID.randomUUID(), tenant.id(), CallDirection.INBOUND,
                extension, "+15557654321", "Caller", extension, T0);
    }

    private static MediaEvent.ChannelHungUp hangup(MediaEvent.ChannelCreated leg) {
        return new MediaEvent.ChannelHungUp(leg.uuid(), "NORMAL_CLEARING", 10, 7, T0.plusSeconds(10));
    }

    private Extension find(String number) {
        return extensions.stream().filter(e -> e.tenant().equals(acme.id()) && e.number().value().equals(number))
                .findFirst().orElseThrow();
    }

    private void replace(Extension changed) {
        extensions.replaceAll(e -> e.id().equals(changed.id()) ? changed : e);
    }

    private static Extension withDoNotDisturb(Extension e, boolean on) {
        return new Extension(e.id(), e.tenant(), e.number(), e.displayName(), e.sipPasswordEncrypted(),
                e.voicemailEnabled(), e.voicemailPinEncrypted(), on, e.recordingEnabled(),
                e.noiseCancellationEnabled(), e.outboundCallerId(), e.status(), e.crmUserId(), e.crmMetadataJson(),
                e.presence(), e.createdAt(), e.updatedAt());
    }
}

package com.cloudpbx.core.presence;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PresenceRulesTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private final Extension alice = extension(TENANT, "1001");

    @Test
    void aRegisteredIdleExtensionIsAvailable() {
        assertThat(PresenceRules.of(alice, List.of(), true).status()).isEqualTo(PresenceStatus.AVAILABLE);
    }

    @Test
    void anExtensionWithoutARegisteredPhoneIsOffline() {
        assertThat(PresenceRules.of(alice, List.of(), false).status()).isEqualTo(PresenceStatus.OFFLINE);
    }

    @Test
    void anAnsweredLegPutsTheExtensionOnACallWithItsCaller() {
        LiveChannel leg = leg(true);

        ExtensionPresence presence = PresenceRules.of(alice, List.of(leg), true);

        assertThat(presence).isEqualTo(new ExtensionPresence("1001", PresenceStatus.ON_CALL, leg.callUuid(),
                "+15557654321", CallDirection.INBOUND, leg.answeredAt()));
    }

    @Test
    void aLegNotYetAnsweredIsRinging() {
        LiveChannel leg = leg(false);

        ExtensionPresence presence = PresenceRules.of(alice, List.of(leg), true);

        assertThat(presence.status()).isEqualTo(PresenceStatus.RINGING);
        assertThat(presence.since()).isEqualTo(leg.startedAt());
    }

    @Test
    void doNotDisturbWinsOverACall() {
        Extension dnd = new Extension(alice.id(), alice.tenant(), alice.number(), alice.displayName(),
                alice.sipPasswordEncrypted(), false, null, true, false, false, null, ExtensionStatus.ACTIVE, null,
                null, ManualPresence.AVAILABLE, T0, T0);

        assertThat(PresenceRules.of(dnd, List.of(leg(true)), true).status())
                .isEqualTo(PresenceStatus.DO_NOT_DISTURB);
    }

    @Test
    void busySetByHandShowsWhileNoCallIsUp() {
        Extension busy = alice.withPresence(ManualPresence.BUSY, T0);

        assertThat(PresenceRules.of(busy, List.of(), true).status()).isEqualTo(PresenceStatus.BUSY);
        assertThat(PresenceRules.of(busy, List.of(leg(true)), true).status()).isEqualTo(PresenceStatus.ON_CALL);
    }

    @Test
    void offlineSetByHandHidesARegisteredPhone() {
        assertThat(PresenceRules.of(alice.withPresence(ManualPresence.OFFLINE, T0), List.of(), true).status())
                .isEqualTo(PresenceStatus.OFFLINE);
    }

    @Test
    void aDisabledExtensionIsOffline() {
        assertThat(PresenceRules.of(withStatus(alice, ExtensionStatus.DISABLED), List.of(leg(true)), true).status())
                .isEqualTo(PresenceStatus.OFFLINE);
    }

    private static LiveChannel leg(boolean answered) {
        Instant started = Instant.parse("2026-06-01T09:00:00Z");
        return new LiveChannel(UUID.randomUUID(), UUID.randomUUID(), TENANT, "1001", "+15557654321", null, "1001",
                CallDirection.INBOUND, answered, false, started, answered ? started.plusSeconds(3) : null, null, null,
                null);
    }
}

package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.calls.HangupCauses;
import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelBridged;
import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.ChannelUnbridged;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a resynchronisation reports for legs that ended while their switch was out of reach. */
class ChannelRegistryTest {

    private static final String HOST = "fs1.internal:8021";
    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");
    private static final Instant LOST = T0.plusSeconds(95);
    private static final Instant BACK = T0.plusSeconds(400);

    private final TenantId tenant = TenantId.of(UUID.randomUUID());
    private final ChannelRegistry registry = new ChannelRegistry();
    private final UUID caller = UUID.randomUUID();
    private final UUID callee = UUID.randomUUID();

    @Test
    void anAnsweredLegThatVanishedIsHungUpWhenTheSwitchWasLostWithItsFiguresUpToThen() {
        connectedCall();

        ChannelHungUp hungUp = hangupOf(callee, registry.differences(HOST, List.of(), LOST, BACK));

        assertThat(hungUp.hangupCause()).isEqualTo(HangupCauses.MEDIA_SERVER_RESTART);
        assertThat(hungUp.at()).isEqualTo(LOST);
        assertThat(hungUp.durationSeconds()).isEqualTo(85);
        assertThat(hungUp.billsec()).isEqualTo(75);
    }

    @Test
    void aLegThatVanishedBeforeItWasAnsweredHasNoBilledSeconds() {
        apply(new ChannelCreated(caller, caller, tenant, CallDirection.INTERNAL, "1001", "1001", "Alice", "1002", T0));

        ChannelHungUp hungUp = hangupOf(caller, registry.differences(HOST, List.of(), LOST, BACK));

        assertThat(hungUp.durationSeconds()).isEqualTo(95);
        assertThat(hungUp.billsec()).isZero();
    }

    @Test
    void thePartnerOfAVanishedLegIsUnbridgedAsOfTheMomentTheSwitchWasLost() {
        connectedCall();
        var stillThere = registry.channel(caller).orElseThrow();

        List<MediaEvent> events = registry.differences(HOST, List.of(stillThere), LOST, BACK);

        assertThat(events).filteredOn(ChannelUnbridged.class::isInstance).singleElement()
                .isEqualTo(new ChannelUnbridged(caller, callee, LOST));
    }

    private void connectedCall() {
        apply(new ChannelCreated(caller, caller, tenant, CallDirection.INTERNAL, "1001", "1001", "Alice", "1002", T0));
        apply(new ChannelAnswered(caller, T0.plusSeconds(5)));
        apply(new ChannelCreated(callee, caller, tenant, CallDirection.INTERNAL, "1002", "1001", "Alice", "1002",
                T0.plusSeconds(10)));
        apply(new ChannelAnswered(callee, T0.plusSeconds(20)));
        apply(new ChannelBridged(caller, callee, T0.plusSeconds(20)));
        apply(new ChannelBridged(callee, caller, T0.plusSeconds(20)));
    }

    private void apply(MediaEvent event) {
        registry.apply(HOST, event);
    }

    private static ChannelHungUp hangupOf(UUID leg, List<MediaEvent> events) {
        return events.stream().filter(ChannelHungUp.class::isInstance).map(ChannelHungUp.class::cast)
                .filter(hungUp -> hungUp.uuid().equals(leg)).findFirst().orElseThrow();
    }
}

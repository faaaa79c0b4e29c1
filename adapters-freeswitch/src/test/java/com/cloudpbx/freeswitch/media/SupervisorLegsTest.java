package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelAnswered;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.DtmfReceived;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SupervisorLegsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T14:00:00Z");

    private final SupervisorLegs supervisors = new SupervisorLegs();
    private final UUID spy = UUID.randomUUID();

    @Test
    void keysPressedOnASupervisorLegAreNotReported() {
        supervisors.ringing(spy);

        assertThat(supervisors.reports(new DtmfReceived(spy, "2", NOW))).isFalse();
        assertThat(supervisors.reports(new ChannelAnswered(spy, NOW))).isTrue();
    }

    @Test
    void keysPressedOnAnyOtherLegAreReported() {
        supervisors.ringing(spy);

        assertThat(supervisors.reports(new DtmfReceived(UUID.randomUUID(), "2", NOW))).isTrue();
    }

    @Test
    void aSupervisorLegThatHungUpIsForgotten() {
        supervisors.ringing(spy);

        assertThat(supervisors.reports(new ChannelHungUp(spy, "NORMAL_CLEARING", 5, 3, NOW))).isTrue();

        assertThat(supervisors.contains(spy)).isFalse();
    }
}

package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EslSubscriptionTest {

    @Test
    void theDomainSubscriptionIsOnePlainEventCommandWithCustomSubclassesLast() {
        assertThat(EslSubscription.DOMAIN.command()).isEqualTo("event plain"
                + " CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER CHANNEL_BRIDGE"
                + " CHANNEL_UNBRIDGE CHANNEL_HOLD CHANNEL_UNHOLD CHANNEL_PARK CHANNEL_UNPARK CHANNEL_HANGUP"
                + " CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB RECORD_START RECORD_STOP DTMF HEARTBEAT"
                + " CUSTOM conference::maintenance valet_parking::info vm::maintenance\n\n");
    }

    @Test
    void withoutSubclassesCustomIsNotSubscribed() {
        assertThat(new EslSubscription(List.of("HEARTBEAT"), List.of()).command()).isEqualTo("event plain HEARTBEAT\n\n");
    }

    @Test
    void customCannotBeListedAsAnEventBecauseEveryWordAfterItIsASubclass() {
        assertThatThrownBy(() -> new EslSubscription(List.of("CUSTOM", "DTMF"), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}

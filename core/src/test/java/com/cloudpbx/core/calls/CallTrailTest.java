package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.MediaEvent.ChannelCreated;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How a finished call's trail becomes its history record. */
class CallTrailTest {

    private static final TenantId TENANT = TenantId.of(UUID.randomUUID());
    private static final Instant T0 = Instant.parse("2026-06-01T14:00:00Z");

    private final UUID caller = UUID.randomUUID();
    private final UUID callee = UUID.randomUUID();

    @Test
    void anAnsweredCallIsCompleted() {
        CallRecord record = answered().legEnded(hangup(callee, "NORMAL_CLEARING", 60, 60))
                .legEnded(hangup(caller, "NORMAL_CLEARING", 70, 65)).toRecord(UUID.randomUUID());

        assertThat(record.status()).isEqualTo(CallStatus.COMPLETED);
    }

    @Test
    void anAnsweredCallBillsTheSecondsTheReachedPartyWasConnected() {
        CallRecord record = answered().legEnded(hangup(callee, "NORMAL_CLEARING", 62, 60))
                .legEnded(hangup(caller, "NORMAL_CLEARING", 70, 65)).toRecord(UUID.randomUUID());

        assertThat(record.billsec()).isEqualTo(60);
        assertThat(record.durationSeconds()).isEqualTo(70);
    }

    @Test
    void anAnsweredCallThatReachedVoicemailIsVoicemail() {
        CallRecord record = answered().reachedVoicemail().legEnded(hangup(callee, "NORMAL_CLEARING", 30, 25))
                .legEnded(hangup(caller, "NORMAL_CLEARING", 35, 30)).toRecord(UUID.randomUUID());

        assertThat(record.status()).isEqualTo(CallStatus.VOICEMAIL);
        assertThat(record.wasVoicemail()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"USER_BUSY", "NO_ANSWER", "ORIGINATOR_CANCEL"})
    void anUnansweredCallIsMissedWhenBusyNotAnsweredOrCancelled(String cause) {
        CallRecord record = ringing().legEnded(hangup(callee, cause, 20, 0))
                .legEnded(hangup(caller, "NORMAL_CLEARING", 21, 0)).toRecord(UUID.randomUUID());

        assertThat(record.status()).isEqualTo(CallStatus.MISSED);
        assertThat(record.hangupCause()).isEqualTo(cause);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NORMAL_TEMPORARY_FAILURE", "UNALLOCATED_NUMBER"})
    void anUnansweredCallTheNetworkRefusedIsFailed(String cause) {
        CallRecord record = ringing().legEnded(hangup(callee, cause, 1, 0))
                .legEnded(hangup(caller, "NORMAL_CLEARING", 2, 0)).toRecord(UUID.randomUUID());

        assertThat(record.status()).isEqualTo(CallStatus.FAILED);
        assertThat(record.hangupCause()).isEqualTo(cause);
    }

    @Test
    void aCallerHangingUpBeforeAnyOtherLegExistedLeavesAMissedCall() {
        CallRecord record = CallTrail.begin(created(caller)).legEnded(hangup(caller, "ORIGINATOR_CANCEL", 4, 0))
                .toRecord(UUID.randomUUID());

        assertThat(record.status()).isEqualTo(CallStatus.MISSED);
    }

    @Test
    void anUnansweredCallBillsNothingEvenWhenTheCallersOwnLegWasUp() {
        CallRecord record = ringing().legAnswered(caller, T0.plusSeconds(2))
                .legEnded(hangup(callee, "NO_ANSWER", 30, 0))
                .legEnded(hangup(caller, "NORMAL_CLEARING", 32, 30)).toRecord(UUID.randomUUID());

        assertThat(record.billsec()).isZero();
        assertThat(record.answeredAt()).isNull();
    }

    @Test
    void anUnansweredCallThatReachedVoicemailIsVoicemail() {
        CallRecord record = ringing().reachedVoicemail().legEnded(hangup(callee, "NO_ANSWER", 30, 0))
                .legEnded(hangup(caller, "NORMAL_CLEARING", 40, 0)).toRecord(UUID.randomUUID());

        assertThat(record.status()).isEqualTo(CallStatus.VOICEMAIL);
    }

    /** The caller's leg and the leg ringing the callee, neither answered. */
    private CallTrail ringing() {
        return CallTrail.begin(created(caller)).withLeg(callee);
    }

    /** The callee answered ten seconds in. */
    private CallTrail answered() {
        return ringing().legAnswered(callee, T0.plusSeconds(10));
    }

    private ChannelCreated created(UUID uuid) {
        return new ChannelCreated(uuid, caller, TENANT, CallDirection.INBOUND, "1001", "+15550001111", "Caller",
                "1001", T0);
    }

    private static ChannelHungUp hangup(UUID leg, String cause, long durationSeconds, long billsec) {
        return new ChannelHungUp(leg, cause, durationSeconds, billsec, T0.plusSeconds(durationSeconds));
    }
}

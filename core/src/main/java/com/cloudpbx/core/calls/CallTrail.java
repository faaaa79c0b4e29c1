package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What an unfinished call has done so far, accumulated from its legs' events until the last leg
 * hangs up. The first leg ({@code callUuid}) is the primary; the call counts as answered when
 * another leg (the party it reached) answered, or the primary itself when it is the party
 * reached ({@code firstLegReached}: a consult leg rings the transfer target directly).
 */
public record CallTrail(UUID callUuid, TenantId tenant, CallDirection direction, String callerIdNumber,
                        String callerIdName, String destination, String extension, Instant startedAt,
                        Instant answeredAt, Set<UUID> liveLegs, Set<UUID> endedLegs, String hangupCause,
                        String farHangupCause, long durationSeconds, long billsec, String forwardedTo,
                        boolean wasVoicemail, Instant endedAt, boolean firstLegReached) {

    public CallTrail {
        Objects.requireNonNull(callUuid, "callUuid");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(startedAt, "startedAt");
        liveLegs = Set.copyOf(liveLegs);
        endedLegs = Set.copyOf(endedLegs);
    }

    public static CallTrail begin(MediaEvent.ChannelCreated created) {
        return new CallTrail(created.callUuid(), created.tenant(), created.direction(), created.callerIdNumber(),
                created.callerIdName(), created.destination(), created.extension(), created.at(), null,
                Set.of(created.uuid()), Set.of(), null, null, 0, 0, null, false, null, false);
    }

    public boolean knows(UUID leg) {
        return liveLegs.contains(leg) || endedLegs.contains(leg);
    }

    public CallTrail withLeg(UUID leg) {
        Set<UUID> live = new HashSet<>(liveLegs);
        live.add(leg);
        return new CallTrail(callUuid, tenant, direction, callerIdNumber, callerIdName, destination, extension,
                startedAt, answeredAt, live, endedLegs, hangupCause, farHangupCause, durationSeconds, billsec,
                forwardedTo, wasVoicemail, endedAt, firstLegReached);
    }

    /** The call's first leg is the party it reached, so that leg's answer and billed seconds are the call's. */
    public CallTrail reachedOnFirstLeg() {
        return new CallTrail(callUuid, tenant, direction, callerIdNumber, callerIdName, destination, extension,
                startedAt, answeredAt, liveLegs, endedLegs, hangupCause, farHangupCause, durationSeconds, billsec,
                forwardedTo, wasVoicemail, endedAt, true);
    }

    /**
     * The call's extension is its first leg's; a call that came from outside takes the extension
     * of the first leg that has one (the phone it rang).
     */
    public CallTrail withExtensionIfNone(String legExtension) {
        if (extension != null || legExtension == null) {
            return this;
        }
        return new CallTrail(callUuid, tenant, direction, callerIdNumber, callerIdName, destination, legExtension,
                startedAt, answeredAt, liveLegs, endedLegs, hangupCause, farHangupCause, durationSeconds, billsec,
                forwardedTo, wasVoicemail, endedAt, firstLegReached);
    }

    /** Only the party the call reached answering makes the call answered. */
    public CallTrail legAnswered(UUID leg, Instant at) {
        if (!reached(leg) || answeredAt != null) {
            return this;
        }
        return new CallTrail(callUuid, tenant, direction, callerIdNumber, callerIdName, destination, extension,
                startedAt, at, liveLegs, endedLegs, hangupCause, farHangupCause, durationSeconds, billsec,
                forwardedTo, wasVoicemail, endedAt, firstLegReached);
    }

    public CallTrail forwardedTo(String target) {
        return new CallTrail(callUuid, tenant, direction, callerIdNumber, callerIdName, destination, extension,
                startedAt, answeredAt, liveLegs, endedLegs, hangupCause, farHangupCause, durationSeconds, billsec,
                target, wasVoicemail, endedAt, firstLegReached);
    }

    public CallTrail reachedVoicemail() {
        return new CallTrail(callUuid, tenant, direction, callerIdNumber, callerIdName, destination, extension,
                startedAt, answeredAt, liveLegs, endedLegs, hangupCause, farHangupCause, durationSeconds, billsec,
                forwardedTo, true, endedAt, firstLegReached);
    }

    /**
     * The leg hung up. The primary leg's figures give the call's duration and cause; the reached
     * party's give the billed seconds and, for an unanswered call, why it was not answered.
     */
    public CallTrail legEnded(MediaEvent.ChannelHungUp hangup) {
        Set<UUID> live = new HashSet<>(liveLegs);
        live.remove(hangup.uuid());
        Set<UUID> ended = new HashSet<>(endedLegs);
        ended.add(hangup.uuid());
        boolean primary = hangup.uuid().equals(callUuid);
        boolean reached = reached(hangup.uuid());
        Instant end = endedAt == null || hangup.at().isAfter(endedAt) ? hangup.at() : endedAt;
        // Billed seconds prove the reached party answered, even if its answer event was lost.
        Instant answered = answeredAt == null && reached && hangup.billsec() > 0
                ? hangup.at().minusSeconds(hangup.billsec()) : answeredAt;
        return new CallTrail(callUuid, tenant, direction, callerIdNumber, callerIdName, destination, extension,
                startedAt, answered, live, ended, primary ? hangup.hangupCause() : hangupCause,
                primary ? farHangupCause : firstNonNull(farHangupCause, hangup.hangupCause()),
                primary ? hangup.durationSeconds() : durationSeconds,
                reached ? Math.max(billsec, hangup.billsec()) : billsec, forwardedTo, wasVoicemail, end,
                firstLegReached);
    }

    private boolean reached(UUID leg) {
        return !leg.equals(callUuid) || firstLegReached;
    }

    public boolean finished() {
        return liveLegs.isEmpty() && endedLegs.contains(callUuid);
    }

    /**
     * The history entry of the finished call: answered calls are completed (or voicemail), an
     * unanswered call failed when the network refused it and was missed otherwise (busy, no
     * answer, cancelled).
     */
    public CallRecord toRecord(UUID id) {
        String cause = answeredAt == null ? firstNonNull(farHangupCause, hangupCause) : hangupCause;
        CallStatus status;
        if (answeredAt != null) {
            status = wasVoicemail ? CallStatus.VOICEMAIL : CallStatus.COMPLETED;
        } else if (wasVoicemail) {
            status = CallStatus.VOICEMAIL;
        } else {
            status = HangupCauses.isFailure(cause) ? CallStatus.FAILED : CallStatus.MISSED;
        }
        Instant end = endedAt == null ? startedAt : endedAt;
        return new CallRecord(id, tenant, callUuid, direction, callerIdNumber, callerIdName, destination, extension,
                status, durationSeconds, answeredAt == null ? 0 : billsec, forwardedTo, wasVoicemail, cause,
                startedAt, answeredAt, end);
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}

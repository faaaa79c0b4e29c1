package com.cloudpbx.http.calls;

import com.cloudpbx.core.threeway.MergedCall;
import com.cloudpbx.core.threeway.ThreeWayParticipant;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Request and response bodies of the three-way routes, with the SDK's field names. */
public final class ThreeWayJson {

    private ThreeWayJson() {
    }

    @Serdeable
    public record AddParticipantRequest(@Nullable String toNumber, @Nullable String toExtension) {
    }

    @Serdeable
    public record AddParticipantBody(String message, String newCallUuid, String originalBridgedLeg) {
    }

    @Serdeable
    public record MergeRequest(@Nullable String callUuidA, @Nullable String callUuidB, @Nullable String bridgedLegA,
                               @Nullable String conferenceName) {
    }

    @Serdeable
    public record MergeDirectRequest(@Nullable String callUuidA, @Nullable String callUuidB,
                                     @Nullable String conferenceName) {
    }

    @Serdeable
    public record SwapRequest(@Nullable String conferenceName, @Nullable String keepUuid, @Nullable String holdUuid) {
    }

    @Serdeable
    public record SwapBody(String message, String conferenceName, String activeUuid, String heldUuid) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ParticipantView(String uuid, @Nullable String memberId, @Nullable String callerIdNumber,
                                  @Nullable String callerIdName, boolean muted, String status) {

        static ParticipantView of(ThreeWayParticipant participant) {
            return new ParticipantView(participant.uuid().toString(), participant.memberId(),
                    participant.callerIdNumber(), participant.callerIdName(), participant.muted(),
                    participant.status());
        }
    }

    @Serdeable
    public record MergeBody(String message, String conferenceName, List<ParticipantView> participants) {

        static MergeBody of(String message, MergedCall merged) {
            return new MergeBody(message, merged.conferenceName(),
                    merged.participants().stream().map(ParticipantView::of).toList());
        }
    }
}

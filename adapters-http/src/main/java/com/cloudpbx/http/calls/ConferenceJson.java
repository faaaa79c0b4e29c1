package com.cloudpbx.http.calls;

import com.cloudpbx.core.calls.Conference;
import com.cloudpbx.core.calls.ConferenceSnapshot;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Conference bodies, camelCase as the SDK shows them. */
public final class ConferenceJson {

    private ConferenceJson() {
    }

    /** {@code runTime} is how long the room has been open, as HH:MM:SS. */
    @Serdeable
    public record ConferenceView(String name, int memberCount, boolean locked, String runTime,
                                 List<MemberView> members) {

        static ConferenceView of(Conference conference, Instant now) {
            return new ConferenceView(conference.name(), conference.members().size(), conference.locked(),
                    ConferenceJson.runTime(conference.startedAt(), now), conference.members().stream().map(MemberView::of).toList());
        }
    }

    @Serdeable
    public record MemberView(String memberId, @Nullable String uuid, @Nullable String callerIdNumber,
                             @Nullable String callerIdName, boolean muted) {

        static MemberView of(ConferenceSnapshot.Member member) {
            return new MemberView(member.memberId(), member.uuid() == null ? null : member.uuid().toString(),
                    member.callerIdNumber(), member.callerIdName(), member.muted());
        }
    }

    @Serdeable
    public record ConferenceList(List<ConferenceView> conferences) {
    }

    @Serdeable
    public record ConferenceBody(ConferenceView conference) {
    }

    @Serdeable
    public record JoinRequest(@Nullable String callUuid) {
    }

    /** Documents the kick body; {@code memberId} may be a JSON string or number. */
    @Serdeable
    public record KickRequest(@Nullable String memberId) {
    }

    /** Documents the mute body; {@code memberId} may be a JSON string or number, {@code mute} defaults to true. */
    @Serdeable
    public record MuteRequest(@Nullable String memberId, @Nullable Boolean mute) {
    }

    @Serdeable
    public record LockRequest(@Nullable Boolean locked) {
    }

    /** Hours keep counting past 99 rather than wrapping: a room open for days still reads right. */
    static String runTime(Instant startedAt, Instant now) {
        if (startedAt == null) {
            return "00:00:00";
        }
        long seconds = Math.max(0, Duration.between(startedAt, now).toSeconds());
        return String.format("%02d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }
}

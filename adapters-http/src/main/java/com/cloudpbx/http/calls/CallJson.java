package com.cloudpbx.http.calls;

import com.cloudpbx.core.calls.CallRecord;
import com.cloudpbx.core.calls.CallStats;
import com.cloudpbx.core.calls.HistoricCall;
import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.ParkedCall;
import com.cloudpbx.http.shared.Pagination;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Call bodies: requests in camelCase, live legs and history rows in snake_case as the SDK shows them. */
public final class CallJson {

    private CallJson() {
    }

    @Serdeable
    public record OriginateRequest(@Nullable String fromExtension, @Nullable String toNumber) {
    }

    @Serdeable
    public record OriginateBody(String message, String callUuid) {
    }

    @Serdeable
    public record TransferRequest(@Nullable String targetExtension, @Nullable String type) {
    }

    @Serdeable
    public record AttendedTransferBody(String message, String consultUuid) {
    }

    @Serdeable
    public record HoldRequest(@Nullable Boolean hold) {
    }

    /** Documents the park body; the controller reads {@code slot} as a JSON number or string. */
    @Serdeable
    public record ParkRequest(@Nullable String slot) {
    }

    @Serdeable
    public record ParkBody(String message, String slot) {
    }

    @Serdeable
    public record EavesdropRequest(@Nullable String extension, @Nullable String mode) {
    }

    @Serdeable
    public record EavesdropBody(String message, String spyUuid) {
    }

    @Serdeable
    public record EavesdropModeRequest(@Nullable String mode) {
    }

    @Serdeable
    public record ConferenceMoveRequest(@Nullable String conferenceName) {
    }

    @Serdeable
    public record ConferenceMoveBody(String message, String conferenceName) {
    }

    /**
     * A live leg as {@code GET /api/calls/active} lists it; {@code bridged_to} is the leg it is
     * connected to, null while it rings, waits alone or sits in a conference.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ActiveCallView(
            String uuid,
            @JsonProperty("call_uuid") String callUuid,
            @JsonProperty("caller_id_number") @Nullable String callerIdNumber,
            @JsonProperty("caller_id_name") @Nullable String callerIdName,
            @Nullable String destination,
            String direction,
            String status,
            boolean answered,
            @JsonProperty("on_hold") boolean onHold,
            @JsonProperty("started_at") String startedAt,
            @Nullable String extension,
            @JsonProperty("bridged_to") @Nullable String bridgedTo) {

        static ActiveCallView of(LiveChannel channel) {
            return new ActiveCallView(channel.uuid().toString(), channel.callUuid().toString(),
                    channel.callerIdNumber(), channel.callerIdName(), channel.destination(),
                    channel.direction().wireName(), channel.status(), channel.answered(), channel.onHold(),
                    Times.iso(channel.startedAt()), channel.extension(),
                    channel.bridgedTo() == null ? null : channel.bridgedTo().toString());
        }
    }

    @Serdeable
    public record ActiveCalls(List<ActiveCallView> activeCalls) {
    }

    /** A parked leg: {@code uuid} is what a pick-up or hang-up acts on, {@code slot} what a phone dials. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ParkedCallView(
            String slot,
            String uuid,
            @JsonProperty("call_uuid") String callUuid,
            @JsonProperty("caller_id_number") @Nullable String callerIdNumber,
            @JsonProperty("caller_id_name") @Nullable String callerIdName,
            @Nullable String destination,
            String direction,
            @Nullable String extension,
            @JsonProperty("started_at") String startedAt) {

        static ParkedCallView of(ParkedCall parked) {
            LiveChannel channel = parked.channel();
            return new ParkedCallView(parked.slot(), channel.uuid().toString(), channel.callUuid().toString(),
                    channel.callerIdNumber(), channel.callerIdName(), channel.destination(),
                    channel.direction().wireName(), channel.extension(), Times.iso(channel.startedAt()));
        }
    }

    @Serdeable
    public record ParkedCalls(List<ParkedCallView> parkedCalls) {
    }

    /**
     * A history row (CDR). {@code cdn_url} and {@code audio_url} stay null until recordings exist;
     * {@code company_name} and {@code subdomain} appear only in listings that span tenants.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CallView(
            String id,
            @JsonProperty("call_uuid") String callUuid,
            @JsonProperty("tenant_id") String tenantId,
            String direction,
            @JsonProperty("caller_id_number") @Nullable String callerIdNumber,
            @JsonProperty("caller_id_name") @Nullable String callerIdName,
            @Nullable String destination,
            @Nullable String extension,
            String status,
            @JsonProperty("duration_seconds") long durationSeconds,
            long billsec,
            @JsonProperty("forwarded_to") @Nullable String forwardedTo,
            @JsonProperty("was_voicemail") boolean wasVoicemail,
            @JsonProperty("hangup_cause") @Nullable String hangupCause,
            @JsonProperty("cdn_url") @Nullable String cdnUrl,
            @JsonProperty("audio_url") @Nullable String audioUrl,
            @JsonProperty("started_at") String startedAt,
            @JsonProperty("answered_at") @Nullable String answeredAt,
            @JsonProperty("ended_at") String endedAt,
            @JsonProperty("company_name") @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String companyName,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String subdomain) {

        static CallView of(CallRecord call) {
            return of(new HistoricCall(call, null));
        }

        static CallView of(HistoricCall historic) {
            CallRecord call = historic.record();
            var tenant = historic.tenant();
            return new CallView(call.id().toString(), call.callUuid().toString(), call.tenant().toString(),
                    call.direction().wireName(), call.callerIdNumber(), call.callerIdName(), call.destination(),
                    call.extension(), call.status().wireName(), call.durationSeconds(), call.billsec(),
                    call.forwardedTo(), call.wasVoicemail(), call.hangupCause(), null, null,
                    Times.iso(call.startedAt()), Times.iso(call.answeredAt()), Times.iso(call.endedAt()),
                    tenant == null ? null : tenant.companyName(),
                    tenant == null ? null : tenant.subdomain().value());
        }
    }

    @Serdeable
    public record CallList(List<CallView> calls, Pagination pagination) {
    }

    @Serdeable
    public record CallBody(CallView call) {
    }

    @Serdeable
    public record StatsView(long total, long inbound, long outbound, long internal, String period) {

        static StatsView of(CallStats stats, String period) {
            return new StatsView(stats.total(), stats.inbound(), stats.outbound(), stats.internal(), period);
        }
    }

    @Serdeable
    public record StatsBody(StatsView stats) {
    }

    @Serdeable
    public record SandboxCallRequest(@Nullable String from, @Nullable String to) {
    }

    @Serdeable
    public record SandboxRouteBody(String callUuid, List<SandboxRouteStep> route) {
    }

    /** One routing step of a sandbox call: {@code ring}, {@code answered}, {@code voicemail}, {@code key}… */
    @Serdeable
    public record SandboxRouteStep(String action, String detail, String at) {
    }

    @Serdeable
    public record SandboxCallBody(String message, String callUuid) {
    }

    @Serdeable
    public record DtmfRequest(@Nullable String digits) {
    }
}

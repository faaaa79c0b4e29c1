package com.cloudpbx.http.routing;

import com.cloudpbx.core.routing.BusinessSchedule;
import com.cloudpbx.core.routing.ScheduleStatus;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.extensions.ExtensionJson.TenantRef;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

/**
 * Schedule bodies: requests in camelCase, the schedule row in snake_case as the SDK shows it,
 * except its opening-hours items, which keep the SDK's {@code startTime}/{@code endTime}.
 */
public final class ScheduleJson {

    /** Seconds always, and the offset as {@code +00:00} rather than {@code Z}, so every zone reads alike. */
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx",
            Locale.ROOT);

    private ScheduleJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ScheduleView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String name,
            String timezone,
            List<HoursJson> schedules,
            List<HolidayJson> holidays,
            @JsonProperty("after_hours_action") String afterHoursAction,
            @JsonProperty("after_hours_target") @Nullable String afterHoursTarget,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {

        static ScheduleView of(BusinessSchedule schedule, Tenant spanningTenant) {
            return new ScheduleView(schedule.id().toString(), schedule.tenant().toString(), schedule.name(),
                    schedule.zone().getId(),
                    schedule.weekly().stream().map(h -> new HoursJson(h.day().name().toLowerCase(Locale.ROOT),
                            h.enabled(), h.start().toString(), h.end().toString())).toList(),
                    schedule.holidays().stream().map(h -> new HolidayJson(h.date().toString(), h.name())).toList(),
                    schedule.afterHours().action().wireName(), schedule.afterHours().target(),
                    Times.iso(schedule.createdAt()), Times.iso(schedule.updatedAt()),
                    spanningTenant == null ? null : new TenantRef(spanningTenant.id().toString(),
                            spanningTenant.companyName(), spanningTenant.subdomain().value()));
        }
    }

    /** One range of opening hours, in requests and responses alike. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HoursJson(@Nullable String day, @Nullable Boolean enabled, @Nullable String startTime,
                            @Nullable String endTime) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record HolidayJson(@Nullable String date, @Nullable String name) {
    }

    @Serdeable
    public record CreateScheduleRequest(@Nullable String name, @Nullable String timezone,
                                        @Nullable List<HoursJson> schedules, @Nullable List<HolidayJson> holidays,
                                        @Nullable String afterHoursAction, @Nullable String afterHoursTarget) {
    }

    /** Documents the partial update; the controller reads the body field by field. */
    @Serdeable
    public record UpdateScheduleRequest(@Nullable String name, @Nullable String timezone,
                                        @Nullable List<HoursJson> schedules, @Nullable List<HolidayJson> holidays,
                                        @Nullable String afterHoursAction, @Nullable String afterHoursTarget) {
    }

    @Serdeable
    public record ScheduleList(List<ScheduleView> schedules) {
    }

    @Serdeable
    public record ScheduleBody(ScheduleView schedule) {
    }

    @Serdeable
    public record MessageWithSchedule(String message, ScheduleView schedule) {
    }

    /** {@code schedule} is the schedule's name, as the SDK shows it. */
    @Serdeable
    public record StatusBody(boolean isOpen, String schedule, String timezone, String currentTime) {

        static StatusBody of(ScheduleStatus status) {
            return new StatusBody(status.open(), status.schedule().name(), status.schedule().zone().getId(),
                    status.currentTime().truncatedTo(ChronoUnit.SECONDS).format(WALL_CLOCK));
        }
    }
}

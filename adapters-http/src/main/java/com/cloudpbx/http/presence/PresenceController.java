package com.cloudpbx.http.presence;

import com.cloudpbx.core.presence.ExtensionPresence;
import com.cloudpbx.core.presence.ReadPresence;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.shared.Times;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;

/** The presence of the tenant's extensions (a user: its own), by extension number. */
@Controller("/api/presence")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Presence")
public class PresenceController {

    private final ReadPresence presence;

    public PresenceController(ReadPresence presence) {
        this.presence = presence;
    }

    /** {@code {presence: {"1001": "available"}}}. */
    @Get
    public PresenceBody statuses(@Parameter(hidden = true) Actor actor) {
        Map<String, String> statuses = new LinkedHashMap<>();
        presence.of(actor).forEach((number, found) -> statuses.put(number, found.status().wireName()));
        return new PresenceBody(statuses);
    }

    /** {@code {presence: {"1002": {status, callUuid, caller, direction, since}}}}. */
    @Get("/detailed")
    public DetailedPresenceBody detailed(@Parameter(hidden = true) Actor actor) {
        Map<String, Detail> details = new LinkedHashMap<>();
        presence.of(actor).forEach((number, found) -> details.put(number, Detail.of(found)));
        return new DetailedPresenceBody(details);
    }

    @Serdeable
    public record PresenceBody(Map<String, String> presence) {
    }

    @Serdeable
    public record DetailedPresenceBody(Map<String, Detail> presence) {
    }

    /** One extension's presence; the call fields are null unless it is on a call or ringing. */
    @Serdeable
    public record Detail(String status, @Nullable String callUuid, @Nullable String caller,
                         @Nullable String direction, @Nullable String since) {

        static Detail of(ExtensionPresence presence) {
            return new Detail(presence.status().wireName(),
                    presence.callUuid() == null ? null : presence.callUuid().toString(), presence.caller(),
                    presence.direction() == null ? null : presence.direction().wireName(),
                    presence.since() == null ? null : Times.iso(presence.since()));
        }
    }
}

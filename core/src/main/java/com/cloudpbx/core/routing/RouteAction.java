package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.DomainException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a routing resource does with a call: the DID's inbound route, an IVR option, a group's
 * no-answer action, a queue's timeout action, a schedule's after-hours action.
 */
public enum RouteAction {
    EXTENSION("extension"),
    IVR("ivr"),
    QUEUE("queue"),
    RING_GROUP("ring_group"),
    VOICEMAIL("voicemail"),
    CONFERENCE("conference"),
    EXTERNAL("external"),
    HANGUP("hangup"),
    AI_AGENT("ai_agent"),
    WHATSAPP("whatsapp");

    private final String wireName;

    RouteAction(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Every action but hanging up names where the call goes. */
    public boolean hasTarget() {
        return this != HANGUP;
    }

    /** The target is one of the tenant's routing resources, stored by its id. */
    public boolean namesResource() {
        return this == IVR || this == QUEUE || this == RING_GROUP;
    }

    /** Accepted and stored, but answered "not available" at call time until an integration exists. */
    public boolean awaitsIntegration() {
        return this == AI_AGENT || this == WHATSAPP;
    }

    /** Reads a wire name among the actions a field allows; anything else is a 400 naming the choices. */
    public static RouteAction parse(String input, String field, Set<RouteAction> allowed) {
        if (input == null || input.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String wanted = input.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(action -> allowed.contains(action) && action.wireName.equals(wanted))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(field, "must be one of " + names(allowed)));
    }

    static String names(Set<RouteAction> allowed) {
        return Arrays.stream(values()).filter(allowed::contains).map(RouteAction::wireName)
                .collect(Collectors.joining(", "));
    }
}

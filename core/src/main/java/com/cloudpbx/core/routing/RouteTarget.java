package com.cloudpbx.core.routing;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An action and where it sends the call, as stored: an extension number (extension, voicemail),
 * an E.164 number (external), a conference name, the id of an IVR menu, queue or ring group, free
 * text for integrations, nothing for hangup. {@code RouteTargets} turns what a client sent (a
 * resource's name or id, a number in any notation) into this form against the tenant's resources.
 */
public record RouteTarget(RouteAction action, String target) {

    public RouteTarget {
        Objects.requireNonNull(action, "action");
        if (action.hasTarget() == (target == null)) {
            throw new IllegalArgumentException(action.hasTarget()
                    ? action.wireName() + " needs a target" : "hangup takes no target");
        }
        if (action.namesResource()) {
            UUID.fromString(target);
        }
    }

    public static RouteTarget hangup() {
        return new RouteTarget(RouteAction.HANGUP, null);
    }

    public static RouteTarget resource(RouteAction action, UUID id) {
        return new RouteTarget(action, id.toString());
    }

    /** The resource this target names, for IVR menus, queues and ring groups. */
    public Optional<UUID> resourceId() {
        return action.namesResource() ? Optional.of(UUID.fromString(target)) : Optional.empty();
    }

    /** Whether this target sends calls to the given resource. */
    public boolean pointsAt(RouteAction kind, String value) {
        return action == kind && Objects.equals(target, value);
    }
}

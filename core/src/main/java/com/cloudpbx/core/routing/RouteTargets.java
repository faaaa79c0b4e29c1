package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Turns the target a client sent with an action into the stored {@link RouteTarget}, against the
 * tenant's own resources: the one place every routing resource resolves its routes. An extension
 * must be active (for voicemail, with its box enabled); an IVR menu, queue or ring group is named
 * by its id or its name and stored by id, so renaming it breaks no route; an outside number is
 * normalised to E.164. Another tenant's resource is refused exactly as one that does not exist.
 */
public final class RouteTargets {

    private static final String CONFERENCE_NAME = "^[A-Za-z0-9_-]{1,64}$";
    private static final int MAX_TARGET = 255;

    private final ExtensionRepository extensions;
    private final IvrMenuRepository menus;
    private final CallQueueRepository queues;
    private final RingGroupRepository ringGroups;

    public RouteTargets(ExtensionRepository extensions, IvrMenuRepository menus, CallQueueRepository queues,
                        RingGroupRepository ringGroups) {
        this.extensions = extensions;
        this.menus = menus;
        this.queues = queues;
        this.ringGroups = ringGroups;
    }

    /** Reads the action among those the field allows, then its target. */
    public RouteTarget resolve(TenantId tenant, String action, String target, Set<RouteAction> allowed,
                               String actionField, String targetField) {
        return resolve(tenant, RouteAction.parse(action, actionField, allowed), target, targetField);
    }

    /** Hangup goes nowhere: a target sent with it (often "") means nothing. */
    public RouteTarget resolve(TenantId tenant, RouteAction action, String target, String targetField) {
        if (!action.hasTarget()) {
            return RouteTarget.hangup();
        }
        String text = Checks.requireText(target, targetField, MAX_TARGET);
        return switch (action) {
            case EXTENSION, VOICEMAIL -> new RouteTarget(action, extension(tenant, action, text, targetField));
            case EXTERNAL -> new RouteTarget(action, PhoneNumber.parse(text, targetField).e164());
            case CONFERENCE -> {
                if (!text.matches(CONFERENCE_NAME)) {
                    throw DomainException.invalid(targetField,
                            "must be a conference name of 1-64 letters, digits, '_' or '-'");
                }
                yield new RouteTarget(action, text);
            }
            case IVR -> RouteTarget.resource(action, resource(text, targetField, "IVR menu",
                    id -> menus.findById(tenant, id).map(IvrMenu::id),
                    () -> menus.findByName(tenant, text).map(IvrMenu::id)));
            case QUEUE -> RouteTarget.resource(action, resource(text, targetField, "queue",
                    id -> queues.findById(tenant, id).map(CallQueue::id),
                    () -> queues.findByName(tenant, text).map(CallQueue::id)));
            case RING_GROUP -> RouteTarget.resource(action, resource(text, targetField, "ring group",
                    id -> ringGroups.findById(tenant, id).map(RingGroup::id),
                    () -> ringGroups.findByName(tenant, text).map(RingGroup::id)));
            case AI_AGENT, WHATSAPP -> new RouteTarget(action, text);
            case HANGUP -> RouteTarget.hangup();
        };
    }

    private String extension(TenantId tenant, RouteAction action, String text, String field) {
        Optional<Extension> found = ExtensionNumber.isValid(text)
                ? extensions.findByNumber(tenant, new ExtensionNumber(text)) : Optional.empty();
        Extension extension = found.filter(Extension::isActive)
                .orElseThrow(() -> DomainException.invalid(field, "no active extension " + text));
        if (action == RouteAction.VOICEMAIL && !extension.voicemailEnabled()) {
            throw DomainException.invalid(field, "extension " + text + " has no voicemail");
        }
        return extension.number().value();
    }

    /** By id first, then by name: a name that happens to look like an id still finds its resource. */
    private static UUID resource(String text, String field, String kind, Function<UUID, Optional<UUID>> byId,
                                 Supplier<Optional<UUID>> byName) {
        return uuid(text).flatMap(byId).or(byName)
                .orElseThrow(() -> DomainException.invalid(field, "no " + kind + " '" + text + "'"));
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }
}

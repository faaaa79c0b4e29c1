package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns what a client sent as an action and a target into the stored {@link RouteTarget}, against
 * the tenant's extensions, IVR menus and queues, for the menus' and queues' routes.
 */
final class LocalRouteTargets {

    private static final String CONFERENCE_NAME = "^[A-Za-z0-9_-]{1,64}$";

    private final ExtensionRepository extensions;
    private final IvrMenuRepository menus;
    private final CallQueueRepository queues;

    LocalRouteTargets(ExtensionRepository extensions, IvrMenuRepository menus, CallQueueRepository queues) {
        this.extensions = extensions;
        this.menus = menus;
        this.queues = queues;
    }

    // resolved by RouteTargets once every routing resource exists
    RouteTarget resolve(TenantId tenant, String action, String target, Set<RouteAction> allowed,
                        String actionField, String targetField) {
        RouteAction kind = RouteAction.parse(action, actionField, allowed);
        if (kind == RouteAction.HANGUP) {
            if (target != null && !target.isBlank()) {
                throw DomainException.invalid(targetField, "must be empty when the action is hangup");
            }
            return RouteTarget.hangup();
        }
        if (target == null || target.isBlank()) {
            throw DomainException.invalid(targetField, "is required for " + kind.wireName());
        }
        String wanted = target.strip();
        return switch (kind) {
            case EXTENSION -> new RouteTarget(kind, activeExtension(tenant, wanted, targetField).number().value());
            case VOICEMAIL -> {
                Extension extension = activeExtension(tenant, wanted, targetField);
                if (!extension.voicemailEnabled()) {
                    throw DomainException.invalid(targetField, "extension " + wanted + " has no voicemail");
                }
                yield new RouteTarget(kind, extension.number().value());
            }
            case EXTERNAL -> new RouteTarget(kind, PhoneNumber.parse(wanted, targetField).e164());
            case CONFERENCE -> {
                if (!wanted.matches(CONFERENCE_NAME)) {
                    throw DomainException.invalid(targetField, "must be a conference name of 1-64 letters, digits, _ or -");
                }
                yield new RouteTarget(kind, wanted);
            }
            case IVR -> RouteTarget.resource(kind, byIdOrName(wanted,
                    id -> menus.findById(tenant, id).map(IvrMenu::id),
                    () -> menus.findByName(tenant, wanted).map(IvrMenu::id))
                    .orElseThrow(() -> DomainException.invalid(targetField, "no IVR menu '" + wanted + "'")));
            case QUEUE -> RouteTarget.resource(kind, byIdOrName(wanted,
                    id -> queues.findById(tenant, id).map(CallQueue::id),
                    () -> queues.findByName(tenant, wanted).map(CallQueue::id))
                    .orElseThrow(() -> DomainException.invalid(targetField, "no queue '" + wanted + "'")));
            case RING_GROUP -> RouteTarget.resource(kind, uuid(wanted)
                    .orElseThrow(() -> DomainException.invalid(targetField, "must be the id of a ring group")));
            case AI_AGENT, WHATSAPP -> {
                if (wanted.length() > 255) {
                    throw DomainException.invalid(targetField, "must be at most 255 characters");
                }
                yield new RouteTarget(kind, wanted);
            }
            case HANGUP -> throw new IllegalStateException("handled above");
        };
    }

    private Extension activeExtension(TenantId tenant, String number, String field) {
        if (!ExtensionNumber.isValid(number)) {
            throw DomainException.invalid(field, "no extension " + number);
        }
        return extensions.findByNumber(tenant, new ExtensionNumber(number)).filter(Extension::isActive)
                .orElseThrow(() -> DomainException.invalid(field, "no active extension " + number));
    }

    private static Optional<UUID> byIdOrName(String wanted, java.util.function.Function<UUID, Optional<UUID>> byId,
                                             java.util.function.Supplier<Optional<UUID>> byName) {
        Optional<UUID> id = uuid(wanted);
        if (id.isPresent()) {
            Optional<UUID> found = byId.apply(id.get());
            if (found.isPresent()) {
                return found;
            }
        }
        return byName.get();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

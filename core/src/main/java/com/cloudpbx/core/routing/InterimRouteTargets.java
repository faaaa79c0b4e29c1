package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns the target a client sent for an action into the stored form, against the tenant's
 * resources: the one place DIDs and schedules resolve their routes.
 */
final class InterimRouteTargets {

    private static final String CONFERENCE_NAME = "^[A-Za-z0-9_-]{1,64}$";

    private final ExtensionRepository extensions;

    InterimRouteTargets(ExtensionRepository extensions) {
        this.extensions = extensions;
    }

    // resolved by RouteTargets once every routing resource exists
    RouteTarget resolve(TenantId tenant, RouteAction action, String target, String targetField) {
        if (!action.hasTarget()) {
            // Hangup goes nowhere: a target sent with it (often "") means nothing.
            return RouteTarget.hangup();
        }
        String text = Checks.requireText(target, targetField, 255);
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
            case IVR, QUEUE, RING_GROUP -> RouteTarget.resource(action, uuid(text, targetField));
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

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "must be the id of the resource");
        }
    }
}

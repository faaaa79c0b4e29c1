package com.cloudpbx.freeswitch.media;

import io.micronaut.context.annotation.Factory;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import jakarta.inject.Singleton;

/**
 * Checks {@link FreeSwitchSettings} with the parsers that read it, so that both accept the same
 * values; a refusal names the variable and echoes the value (no secret: the host list's passwords
 * are never part of its parser's messages).
 */
@Factory
class FreeSwitchSettingsValidators {

    @Singleton
    ConstraintValidator<EventSocketHosts, String> eventSocketHosts() {
        return (value, annotation, context) -> {
            if (value == null) {
                return true;
            }
            try {
                FreeSwitchHosts.parse(value);
                return true;
            } catch (IllegalArgumentException e) {
                context.messageTemplate(e.getMessage());
                return false;
            }
        };
    }

    @Singleton
    ConstraintValidator<SipProxyAddress, String> sipProxyAddress() {
        return (value, annotation, context) -> {
            if (value == null || value.isBlank()) {
                return true;
            }
            try {
                new ExtensionDialing.ViaProxy("internal", value.strip());
                return true;
            } catch (IllegalArgumentException e) {
                context.messageTemplate(annotation.stringValue("message").orElse(SipProxyAddress.MESSAGE) + ", got "
                        + shown(value));
                return false;
            }
        };
    }

    // The refused value is echoed for diagnosis, kept short and printable.
    private static String shown(String value) {
        String shortened = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return '"' + shortened.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}

package com.cloudpbx.freeswitch.media;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A SIP proxy as {@link ExtensionDialing.ViaProxy} takes it; unset is valid (user directory). */
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER})
@Constraint(validatedBy = {})
public @interface SipProxyAddress {

    /** The message, to which the refused value is added. */
    String MESSAGE = "VOIP_FREESWITCH_SIP_PROXY must be the SIP proxy's host or host:port (e.g. kamailio:5060)";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

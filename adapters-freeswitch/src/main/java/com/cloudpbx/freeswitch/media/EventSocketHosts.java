package com.cloudpbx.freeswitch.media;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** A {@link FreeSwitchHosts} list; unset is valid (no FreeSWITCH). The violation says what is wrong. */
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER})
@Constraint(validatedBy = {})
public @interface EventSocketHosts {

    String message() default "VOIP_FREESWITCH_HOSTS cannot be used";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

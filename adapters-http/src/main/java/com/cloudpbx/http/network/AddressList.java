package com.cloudpbx.http.network;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A setting that holds comma-separated IP addresses or CIDR blocks ({@link AddressRange#parseAll});
 * unset or blank is valid. The message is followed by the refused list.
 */
@Retention(RUNTIME)
@Target({FIELD, METHOD, PARAMETER})
@Constraint(validatedBy = {})
public @interface AddressList {

    /** The message when none is given, to which the refused list is added. */
    String MESSAGE = "must be comma-separated IP addresses or CIDR blocks, got ";

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}

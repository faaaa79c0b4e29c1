package com.cloudpbx.http.network;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;

/** Checks an {@link AddressList} with the parser that reads it, so both accept the same lists. */
@Singleton
public class AddressListValidator implements ConstraintValidator<AddressList, String> {

    @Override
    public boolean isValid(@Nullable String value, @NonNull AnnotationValue<AddressList> annotation,
                           @NonNull ConstraintValidatorContext context) {
        try {
            AddressRange.parseAll(value);
            return true;
        } catch (IllegalArgumentException e) {
            // The refused list is named so the operator sees which entry is wrong; it is no secret.
            context.messageTemplate(annotation.stringValue("message").orElse(AddressList.MESSAGE) + value);
            return false;
        }
    }
}

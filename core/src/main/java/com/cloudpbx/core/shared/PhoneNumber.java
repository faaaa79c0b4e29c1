package com.cloudpbx.core.shared;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;

/** A phone number in E.164 form ({@code +15551234567}). */
public record PhoneNumber(String e164) {

    public PhoneNumber {
        if (e164 == null || !e164.matches("^\\+[1-9]\\d{6,14}$")) {
            throw new IllegalArgumentException("not an E.164 number");
        }
    }

    /**
     * Normalises user input ("+1 (555) 123-4567") to E.164; refuses what cannot be a number of its
     * country. Whether the number is assigned is the carrier's business: numbering plans change
     * faster than any bundled metadata, so only the shape (country code, length) is checked.
     */
    public static PhoneNumber parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        var util = PhoneNumberUtil.getInstance();
        try {
            var parsed = util.parse(input, "ZZ");
            if (!util.isPossibleNumber(parsed)) {
                throw DomainException.invalid(field, "'" + input + "' is not a valid phone number");
            }
            return new PhoneNumber(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw DomainException.invalid(field, "must be an E.164 number such as +15551234567");
        }
    }

    @Override
    public String toString() {
        return e164;
    }
}

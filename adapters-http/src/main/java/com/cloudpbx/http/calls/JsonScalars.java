package com.cloudpbx.http.calls;

import com.cloudpbx.core.shared.DomainException;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;

/**
 * Reads identifiers that clients send either as a JSON string or as a number: park slots
 * ({@code 701} or {@code "701"}) and conference member ids ({@code 2} or {@code "2"}). The SDK's
 * own examples use both forms.
 */
final class JsonScalars {

    private JsonScalars() {
    }

    /** The field as text; null when the body or the field is absent or null. */
    static String stringOrInteger(JsonNode body, String field) {
        if (body == null || body.isNull()) {
            return null;
        }
        if (!body.isObject()) {
            throw DomainException.badRequest("INVALID_BODY", "The request body must be a JSON object");
        }
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.getStringValue().strip();
        }
        if (value.isNumber()) {
            try {
                return new BigDecimal(value.getNumberValue().toString()).toBigIntegerExact().toString();
            } catch (ArithmeticException | NumberFormatException notWhole) {
                throw DomainException.invalid(field, "must be a whole number or a string");
            }
        }
        throw DomainException.invalid(field, "must be a number or a string");
    }

    /** The boolean field, or {@code fallback} when absent or null; anything but true/false is refused. */
    static boolean bool(JsonNode body, String field, boolean fallback) {
        if (body == null || body.isNull()) {
            return fallback;
        }
        if (!body.isObject()) {
            throw DomainException.badRequest("INVALID_BODY", "The request body must be a JSON object");
        }
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw DomainException.invalid(field, "must be true or false");
        }
        return value.getBooleanValue();
    }
}

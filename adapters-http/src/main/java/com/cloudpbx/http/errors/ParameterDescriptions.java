package com.cloudpbx.http.errors;

import io.micronaut.core.annotation.AnnotationMetadata;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.type.Argument;
import io.micronaut.http.annotation.Body;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Names a bound controller argument the way the client sent it and says, in words, what type it
 * must have. Used to turn binding failures into sentences like
 * "Parameter 'id' is invalid: it must be a UUID".
 */
final class ParameterDescriptions {

    static final String BODY = "body";

    private ParameterDescriptions() {
    }

    /** The query/path/header name from the binding annotation, else the Java parameter name. */
    static String clientName(Argument<?> argument) {
        AnnotationMetadata metadata = argument.getAnnotationMetadata();
        if (metadata.hasAnnotation(Body.class) && metadata.stringValue(Body.class).isEmpty()) {
            return BODY;
        }
        return metadata.stringValue(Bindable.class)
            .filter(name -> !name.isBlank())
            .orElse(argument.getName());
    }

    static String expectedType(Argument<?> argument) {
        return expectedType(argument.getType());
    }

    static String expectedType(Class<?> type) {
        if (type == UUID.class) {
            return "a UUID";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class
            || type == short.class || type == Short.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class
            || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "an ISO-8601 UTC time such as 2026-06-01T14:03:22Z";
        }
        if (type == LocalDate.class) {
            return "a date such as 2026-06-01";
        }
        if (type == LocalTime.class) {
            return "a time such as 09:30";
        }
        if (type == String.class || CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                .map(Object::toString)
                .collect(Collectors.joining(", "));
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "a JSON object";
    }
}

package com.cloudpbx.http.errors;

import io.micronaut.serde.annotation.Serdeable;

/**
 * One invalid field of a request.
 *
 * @param field   the name the client sent it under: a body property path ({@code members[0].extension}),
 *                a query/path parameter or header name, or {@code body} for a missing body
 * @param message what is wrong with it, e.g. {@code must not be blank}
 */
@Serdeable
public record InvalidField(String field, String message) {
}

package com.cloudpbx.http.shared;

import io.micronaut.serde.annotation.Serdeable;

/** The {@code {"message": "..."}} answer of writes that return nothing else. */
@Serdeable
public record Message(String message) {
}

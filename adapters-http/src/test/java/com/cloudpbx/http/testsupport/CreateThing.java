package com.cloudpbx.http.testsupport;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.util.List;

@Serdeable
@Introspected
public record CreateThing(
    @NotBlank String name,
    @NotNull @Min(1) Integer ringTimeout,
    @Nullable List<@Valid Member> members) {

    @Serdeable
    @Introspected
    public record Member(@NotBlank String extension, @Min(0) int priority) {
    }
}

package com.cloudpbx.http.testsupport;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;

import java.util.Map;
import java.util.UUID;

/** A JSON resource shaped like the real controllers, to provoke every framework error path. */
@Controller("/test/things")
@Secured(SecurityRule.IS_ANONYMOUS)
public class ThingsController {

    @Post(consumes = MediaType.APPLICATION_JSON)
    public Map<String, Object> create(@Body @Valid CreateThing body) {
        return Map.of("thing", body);
    }

    @Get("/{id}")
    public Map<String, Object> show(UUID id) {
        return Map.of("thing", Map.of("id", id.toString()));
    }

    @Get("/search")
    public Map<String, Object> search(@QueryValue @Max(500) int limit) {
        return Map.of("limit", limit);
    }

    @Get("/absent")
    public Map<String, Object> absent() {
        return null;
    }

    @Get("/bare-status")
    public HttpResponse<Map<String, Object>> bareStatus() {
        return HttpResponse.status(HttpStatus.GONE);
    }

    @Get("/boom")
    public Map<String, Object> boom() {
        throw new IllegalStateException("jdbc:postgresql://db.internal/voip password=hunter2");
    }

    @Get("/conflict")
    public Map<String, Object> conflict() {
        throw new HttpStatusException(HttpStatus.CONFLICT, "Extension 1001 already exists in this tenant");
    }
}

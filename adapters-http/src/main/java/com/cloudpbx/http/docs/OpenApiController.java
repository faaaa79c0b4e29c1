package com.cloudpbx.http.docs;

import com.cloudpbx.http.errors.ApiErrorResponses;
import com.cloudpbx.http.errors.ErrorCodes;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Serves the OpenAPI document generated at build time. It is read once: it cannot change while
 * the server runs.
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public final class OpenApiController {

    /** Where micronaut-openapi writes the document; the file name is set in adapters-http's pom. */
    static final String DOCUMENT = "classpath:META-INF/swagger/cloud-pbx-api.yml";
    static final String APPLICATION_YAML = "application/yaml";

    private final Optional<byte[]> document;

    OpenApiController(ResourceResolver resources) {
        this.document = resources.getResourceAsStream(DOCUMENT).map(OpenApiController::readAll);
    }

    @Get(value = "/openapi.yml", produces = APPLICATION_YAML)
    HttpResponse<?> openApi() {
        return document.<HttpResponse<?>>map(bytes -> HttpResponse.ok(bytes).contentType(APPLICATION_YAML))
            .orElseGet(() -> ApiErrorResponses.of(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                "This build carries no OpenAPI document: build adapters-http with annotation processing enabled"));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + DOCUMENT, e);
        }
    }
}

package com.cloudpbx.http.docs;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

/**
 * Root of the OpenAPI document that micronaut-openapi writes at compile time to
 * {@code META-INF/swagger/cloud-pbx-api.yml} (name fixed in this module's pom).
 * <p>
 * {@code ${api.version}} is expanded by the annotation processor from the Maven project version.
 * The two security requirements are alternatives: either scheme authenticates a request.
 */
@OpenAPIDefinition(
    info = @Info(
        title = "Cloud PBX API",
        version = "${api.version}",
        description = "Multi-tenant cloud PBX: tenants, extensions, routing, live call control, "
            + "history, presence and events. Errors are {\"error\", \"code\", \"details\"?} objects."
    ),
    security = {
        @SecurityRequirement(name = ApiDocumentation.API_KEY_SCHEME),
        @SecurityRequirement(name = ApiDocumentation.BEARER_SCHEME)
    }
)
@SecurityScheme(
    name = ApiDocumentation.API_KEY_SCHEME,
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.HEADER,
    paramName = "X-API-Key",
    description = "An API key (csk_live_...); also accepted as Authorization: Bearer csk_live_..."
)
@SecurityScheme(
    name = ApiDocumentation.BEARER_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description = "A token from one of the /api/auth/*login routes"
)
public final class ApiDocumentation {

    /** Scheme names, for operations that narrow the global requirement with {@code @SecurityRequirement}. */
    public static final String API_KEY_SCHEME = "apiKey";
    public static final String BEARER_SCHEME = "bearerAuth";

    private ApiDocumentation() {
    }
}

package com.cloudpbx.http.docs;

import com.cloudpbx.http.errors.ApiErrorResponses;
import com.cloudpbx.http.errors.ErrorCodes;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Swagger UI at /docs, pointed at /openapi.yml, with every asset served by this server.
 * <p>
 * The page carries a Content-Security-Policy that only allows this origin, so a future edit that
 * slips in a CDN link fails visibly instead of silently breaking offline installs.
 */
@Controller("/docs")
@Secured(SecurityRule.IS_ANONYMOUS)
@Hidden
public final class SwaggerUiController {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; "
        + "style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'";

    private static final String ASSET_CACHE = "public, max-age=86400";

    private final SwaggerUiAssets assets;

    SwaggerUiController(SwaggerUiAssets assets) {
        this.assets = assets;
    }

    @Get(produces = MediaType.TEXT_HTML)
    HttpResponse<String> page() {
        return HttpResponse.ok(SwaggerUiPage.HTML)
            .contentType(MediaType.TEXT_HTML_TYPE)
            .header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    }

    @Get(value = "/swagger-initializer.js", produces = "application/javascript")
    HttpResponse<String> initializer() {
        return HttpResponse.ok(SwaggerUiPage.INITIALIZER).contentType("application/javascript");
    }

    @Get("/assets/{name}")
    HttpResponse<?> asset(String name) {
        return assets.find(name)
            .<HttpResponse<?>>map(url -> HttpResponse.ok(new StreamedFile(url)).header(HttpHeaders.CACHE_CONTROL, ASSET_CACHE))
            .orElseGet(() -> ApiErrorResponses.of(HttpStatus.NOT_FOUND, ErrorCodes.NOT_FOUND,
                "No documentation asset named '" + name + "'"));
    }
}

package com.cloudpbx.http.testsupport;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/** A route that needs credentials, to see security rejections in the error shape. */
@Controller("/test/private")
public class PrivateController {

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    public Map<String, Object> mine() {
        return Map.of("message", "hello");
    }

    @Get("/admin")
    @Secured("admin")
    public Map<String, Object> adminOnly() {
        return Map.of("message", "hello admin");
    }
}

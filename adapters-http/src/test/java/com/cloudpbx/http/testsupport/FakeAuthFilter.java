package com.cloudpbx.http.testsupport;

import com.cloudpbx.http.observability.RequestAttributes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Stands in for the real authentication: any X-API-Key "identifies" a fixed tenant and principal,
 * set the way the real code is expected to set them, from a filter inside the access-log filter.
 */
@ServerFilter("/test/**")
public class FakeAuthFilter implements Ordered {

    public static final String TENANT = "0d9c3f4e-2b1a-4c5d-8e7f-a1b2c3d4e5f6";
    public static final String PRINCIPAL = "key-42";

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    public void identify(HttpRequest<?> request) {
        if (request.getHeaders().contains("X-API-Key")) {
            request.setAttribute(RequestAttributes.TENANT, TENANT);
            request.setAttribute(RequestAttributes.PRINCIPAL_ID, PRINCIPAL);
        }
    }
}

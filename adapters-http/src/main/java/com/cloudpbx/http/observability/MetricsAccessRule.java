package com.cloudpbx.http.observability;

import com.cloudpbx.http.network.ClientAddresses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteInfo;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * Applies {@link MetricsAccessPolicy} to requests routed to {@link MetricsController}; has no
 * opinion on any other request.
 * <p>
 * Matching on the routed controller rather than on a path string means a trailing slash or a
 * changed context path cannot route around it. It runs after the IP-pattern rule (so a configured
 * allow-list still applies) and before the {@code @Secured} rule.
 */
@Singleton
final class MetricsAccessRule implements SecurityRule<HttpRequest<?>> {

    static final int ORDER = SecuredAnnotationRule.ORDER - 50;

    private final ClientAddresses addresses;

    MetricsAccessRule(ClientAddresses addresses) {
        this.addresses = addresses;
    }

    @Override
    public Publisher<SecurityRuleResult> check(HttpRequest<?> request, @Nullable Authentication authentication) {
        boolean metricsRoute = RouteAttributes.getRouteInfo(request)
            .map(RouteInfo::getDeclaringType)
            .filter(MetricsController.class::equals)
            .isPresent();
        if (!metricsRoute) {
            return Publishers.just(SecurityRuleResult.UNKNOWN);
        }
        return Publishers.just(MetricsAccessPolicy.decide(addresses.of(request).orElse(null), authentication));
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}

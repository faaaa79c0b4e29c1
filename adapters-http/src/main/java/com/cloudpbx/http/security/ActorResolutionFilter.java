package com.cloudpbx.http.security;

import com.cloudpbx.core.identity.ResolveActor;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.http.network.ClientAddresses;
import com.cloudpbx.http.observability.RequestAttributes;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.authentication.Authentication;
import java.util.Optional;
import java.util.UUID;

/**
 * Resolves the acting {@link Actor} of every authenticated request, right after authentication.
 * Resolving may read the tenant's state from the database, so it runs on the blocking executor;
 * {@link ActorArgumentBinder} then only hands the result to the controller.
 */
@ServerFilter("/api/**")
public class ActorResolutionFilter implements Ordered {

    static final String ACTOR = "voip.actor";
    static final String ACTOR_FAILURE = "voip.actor.failure";

    public static final String TENANT_HEADER = "X-Tenant-ID";
    public static final String TENANT_PARAMETER = "tenantId";

    private final ClientAddresses addresses;
    private final ResolveActor resolveActor;

    public ActorResolutionFilter(ClientAddresses addresses, ResolveActor resolveActor) {
        this.addresses = addresses;
        this.resolveActor = resolveActor;
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void resolve(HttpRequest<?> request) {
        Optional<Authentication> authentication = request.getUserPrincipal(Authentication.class);
        if (authentication.isEmpty()) {
            return;
        }
        try {
            Principal principal = PrincipalClaims.toPrincipal(authentication.get());
            request.setAttribute(RequestAttributes.PRINCIPAL_ID, principal.id().toString());
            Actor actor = resolveActor.resolve(principal, requestedTenant(request), addresses.text(request));
            actor.tenantScope().ifPresent(t -> request.setAttribute(RequestAttributes.TENANT, t.toString()));
            request.setAttribute(ACTOR, actor);
        } catch (DomainException refused) {
            // Answered when a route asks for the actor, in the API's error shape.
            request.setAttribute(ACTOR_FAILURE, refused);
        }
    }

    private static Optional<TenantId> requestedTenant(HttpRequest<?> request) {
        String value = Optional.ofNullable(request.getHeaders().get(TENANT_HEADER))
                .orElseGet(() -> request.getParameters().get(TENANT_PARAMETER));
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TenantId.of(UUID.fromString(value.strip())));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("INVALID_PARAMETER",
                    "X-Tenant-ID / tenantId must be a tenant's UUID, got '" + abbreviate(value) + "'");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}

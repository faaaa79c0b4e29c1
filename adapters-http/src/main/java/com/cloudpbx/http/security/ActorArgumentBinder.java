package com.cloudpbx.http.security;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.http.observability.RequestAttributes;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.UUID;

/**
 * Lets a controller method take the acting {@link Actor}: the authenticated principal, the tenant
 * it acts in ({@code X-Tenant-ID} header or {@code tenantId} parameter) and the client address.
 * Whether that tenant may be acted in is core's rule ({@link Actor#resolve}).
 */
@Singleton
public class ActorArgumentBinder implements TypedRequestArgumentBinder<Actor> {

    public static final String TENANT_HEADER = "X-Tenant-ID";
    public static final String TENANT_PARAMETER = "tenantId";

    private final HttpClientAddressResolver addresses;

    public ActorArgumentBinder(HttpClientAddressResolver addresses) {
        this.addresses = addresses;
    }

    @Override
    public Argument<Actor> argumentType() {
        return Argument.of(Actor.class);
    }

    @Override
    public BindingResult<Actor> bind(ArgumentConversionContext<Actor> context, HttpRequest<?> request) {
        Authentication authentication = request.getUserPrincipal(Authentication.class)
                .orElseThrow(() -> DomainException.unauthorized(
                        "Authentication required: send X-API-Key or Authorization: Bearer <token>"));
        Principal principal = PrincipalClaims.toPrincipal(authentication);
        Actor actor = Actor.resolve(principal, requestedTenant(request), addresses.resolve(request));
        request.setAttribute(RequestAttributes.PRINCIPAL_ID, principal.id().toString());
        actor.tenantScope().ifPresent(t -> request.setAttribute(RequestAttributes.TENANT, t.toString()));
        return () -> Optional.of(actor);
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

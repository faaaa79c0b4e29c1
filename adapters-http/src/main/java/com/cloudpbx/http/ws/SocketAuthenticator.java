package com.cloudpbx.http.ws;

import com.cloudpbx.core.identity.ApiKeySecret;
import com.cloudpbx.core.identity.AuthenticateApiKey;
import com.cloudpbx.core.identity.DescribeMe;
import com.cloudpbx.core.identity.ResolveActor;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.http.security.PrincipalClaims;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Authenticates an events-socket client with the same credentials and checks as the REST API:
 * an API key (csk_live_...) or a login JWT, then the actor's standing, then the right to read
 * calls. Blocking: a key or standing lookup may read the database.
 */
@Singleton
public class SocketAuthenticator implements CredentialCheck {

    private static final long TOKEN_CHECK_SECONDS = 5;

    private final AuthenticateApiKey apiKeys;
    private final Collection<TokenValidator<HttpRequest<?>>> tokenValidators;
    private final ResolveActor resolveActor;
    private final DescribeMe describeMe;

    public SocketAuthenticator(AuthenticateApiKey apiKeys, Collection<TokenValidator<HttpRequest<?>>> tokenValidators,
                               ResolveActor resolveActor, DescribeMe describeMe) {
        this.apiKeys = apiKeys;
        this.tokenValidators = tokenValidators;
        this.resolveActor = resolveActor;
        this.describeMe = describeMe;
    }

    /** Who the client is and which events it sees; a refusal is a {@link DomainException}. */
    public Identity authenticate(String credential, HttpRequest<?> handshake, String clientAddress) {
        if (credential == null || credential.isBlank()) {
            throw DomainException.unauthorized("Authentication required: send a token or an API key");
        }
        String presented = credential.strip();
        boolean apiKey = ApiKeySecret.looksLikeKey(presented);
        Authentication token = apiKey ? null : validateToken(presented, handshake);
        Principal principal = apiKey ? apiKeys.authenticate(presented, clientAddress)
                : PrincipalClaims.toPrincipal(token);
        Actor actor = resolveActor.resolve(principal, requestedTenant(handshake), clientAddress);
        actor.require(Resource.CALLS, Access.READ);
        String ownExtension = null;
        if (actor.isUser()) {
            ownExtension = describeMe.describe(actor).extension();
            if (ownExtension == null) {
                throw DomainException.unauthorized("The extension of this credential no longer exists");
            }
        }
        return new Identity(actor, new EventAudience(actor.tenantScope().orElse(null), ownExtension),
                new Credential(apiKey ? presented : null, principal), apiKey ? null : expiryOf(token));
    }

    /**
     * Checks an admitted client's credential again, as a new request with it would be: a key
     * revoked or regenerated since, a token issued before its credentials changed, a principal
     * disabled, deleted or suspended since, are refused with a {@link DomainException}.
     */
    @Override
    public void recheck(Identity identity) {
        Credential credential = identity.credential();
        Principal principal = credential.apiKey() != null ? apiKeys.recheck(credential.apiKey())
                : credential.principal();
        resolveActor.resolve(principal, identity.actor().tenantScope(), identity.actor().clientAddress());
    }

    /** The token's {@code exp} claim, however the JWT library typed it; null when it has none. */
    private static Instant expiryOf(Authentication token) {
        Object exp = token.getAttributes().get("exp");
        if (exp instanceof Date date) {
            return date.toInstant();
        }
        if (exp instanceof Instant instant) {
            return instant;
        }
        if (exp instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return null;
    }

    private Authentication validateToken(String token, HttpRequest<?> handshake) {
        for (TokenValidator<HttpRequest<?>> validator : tokenValidators) {
            try {
                Optional<Authentication> valid = FirstValue.of(validator.validateToken(token, handshake))
                        .get(TOKEN_CHECK_SECONDS, TimeUnit.SECONDS);
                if (valid.isPresent()) {
                    return valid.get();
                }
            } catch (ExecutionException | TimeoutException rejected) {
                // An unreadable token is simply not valid for this validator.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw DomainException.unauthorized("Invalid or expired token");
    }

    private static Optional<TenantId> requestedTenant(HttpRequest<?> handshake) {
        String value = handshake.getParameters().get("tenantId");
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TenantId.of(UUID.fromString(value.strip())));
        } catch (IllegalArgumentException e) {
            throw DomainException.badRequest("INVALID_PARAMETER", "tenantId must be a tenant's UUID");
        }
    }

    /**
     * An authenticated client: the actor it acts as, the events it may see, the credential it
     * presented and, for a token, when it expires.
     */
    public record Identity(Actor actor, EventAudience audience, Credential credential, Instant expiresAt) {

        public Optional<Instant> expiry() {
            return Optional.ofNullable(expiresAt);
        }
    }

    /**
     * What a client presented, as needed to check it again: an API key's text (its secret must
     * still be the key's), or a token's principal (its credential version must still be current).
     */
    public record Credential(String apiKey, Principal principal) {

        @Override
        public String toString() {
            return "Credential[" + principal.kind().wireName() + " " + principal.id() + "]";
        }
    }
}

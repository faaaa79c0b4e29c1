package com.cloudpbx.http.security;

import com.cloudpbx.core.identity.AuthenticateApiKey;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.reactivestreams.Publisher;

/**
 * Authenticates requests that carry an API key. The lookup is cached, but a cache miss reads the
 * database, so it runs on the blocking executor and never on the event loop.
 */
@Singleton
public class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final AuthenticateApiKey authenticate;
    private final ExecutorService blocking;

    public ApiKeyAuthenticationFetcher(AuthenticateApiKey authenticate,
                                       @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.blocking = blocking;
    }

    @Override
    public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
        Optional<String> key = CredentialReader.apiKey(request);
        if (key.isEmpty()) {
            return Publishers.empty();
        }
        CompletableFuture<Authentication> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return PrincipalClaims.toAuthentication(authenticate.authenticate(key.get()));
            } catch (DomainException refused) {
                request.setAttribute(RequestAttributeNames.AUTH_FAILURE, refused.getMessage());
                return null;
            }
        }, blocking);
        return Publishers.fromCompletableFuture(lookup);
    }
}

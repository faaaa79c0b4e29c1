package com.cloudpbx.http.security;

import com.cloudpbx.core.identity.AuthenticateApiKey;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.http.network.ClientAddresses;
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
 * database, so it runs on the blocking executor and never on the event loop. A refusal is kept on
 * the request for {@code ApiAuthorizationExceptionHandler}: 401 saying why, or 429 when the client's
 * address presented too many unknown keys.
 */
@Singleton
public class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

    private final AuthenticateApiKey authenticate;
    private final ClientAddresses addresses;
    private final ExecutorService blocking;

    public ApiKeyAuthenticationFetcher(AuthenticateApiKey authenticate, ClientAddresses addresses,
                                       @Named(TaskExecutors.BLOCKING) ExecutorService blocking) {
        this.authenticate = authenticate;
        this.addresses = addresses;
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
                return PrincipalClaims.toAuthentication(authenticate.authenticate(key.get(), addresses.text(request)));
            } catch (DomainException refused) {
                request.setAttribute(RequestAttributeNames.AUTH_FAILURE, refused.getMessage());
                if (refused.kind() == ErrorKind.RATE_LIMITED) {
                    request.setAttribute(RequestAttributeNames.AUTH_RATE_LIMITED, refused);
                }
                return null;
            }
        }, blocking);
        return Publishers.fromCompletableFuture(lookup);
    }
}

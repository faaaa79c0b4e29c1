package com.cloudpbx.http.security;

import com.cloudpbx.core.identity.ApiKeySecret;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.util.Optional;

/** Finds an API key in a request: {@code X-API-Key}, or {@code Authorization: Bearer csk_live_...}. */
final class CredentialReader {

    static final String API_KEY_HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private CredentialReader() {
    }

    static Optional<String> apiKey(HttpRequest<?> request) {
        String header = request.getHeaders().get(API_KEY_HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).strip();
            if (ApiKeySecret.looksLikeKey(token)) {
                return Optional.of(token);
            }
        }
        return Optional.empty();
    }
}

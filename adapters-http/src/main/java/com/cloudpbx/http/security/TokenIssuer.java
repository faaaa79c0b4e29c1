package com.cloudpbx.http.security;

import com.cloudpbx.core.shared.Principal;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;

/** Signs login tokens: a JWT holding the principal, valid for {@link TokenSettings#expirationSeconds()}. */
@Singleton
public class TokenIssuer {

    private final TokenGenerator generator;
    private final int expirationSeconds;

    public TokenIssuer(TokenGenerator generator, TokenSettings settings) {
        this.generator = generator;
        this.expirationSeconds = settings.expirationSeconds();
    }

    public String issue(Principal principal) {
        return generator.generateToken(PrincipalClaims.toAuthentication(principal), expirationSeconds)
                .orElseThrow(() -> new IllegalStateException("the JWT signer produced no token"));
    }
}

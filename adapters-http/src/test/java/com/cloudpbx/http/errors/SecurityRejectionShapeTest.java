package com.cloudpbx.http.errors;

import com.cloudpbx.http.testsupport.TestServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityRejectionShapeTest {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void noCredentialsIs401TellingWhatToSend() {
        HttpResponse<String> response = server.get("/test/private");

        assertThat(response.statusCode()).isEqualTo(401);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("UNAUTHORIZED");
        assertThat(error.error())
            .isEqualTo("Authentication required: send X-API-Key or Authorization: Bearer <token>");
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void invalidTokenIs401() {
        HttpResponse<String> response = server.send(server.request("/test/private")
            .header("Authorization", "Bearer not.a.jwt")
            .GET()
            .build());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.error(response).code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void authenticatedButNotAllowedIs403() {
        String token = token("readonly");
        HttpResponse<String> response = server.send(server.request("/test/private/admin")
            .header("Authorization", "Bearer " + token)
            .GET()
            .build());

        assertThat(response.statusCode()).isEqualTo(403);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("FORBIDDEN");
        assertThat(error.details()).isNull();
    }

    @Test
    void validTokenPasses() {
        HttpResponse<String> response = server.send(server.request("/test/private")
            .header("Authorization", "Bearer " + token("admin"))
            .GET()
            .build());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    private String token(String role) {
        return server.context().getBean(TokenGenerator.class)
            .generateToken(Authentication.build("someone", List.of(role)), 600)
            .orElseThrow();
    }
}

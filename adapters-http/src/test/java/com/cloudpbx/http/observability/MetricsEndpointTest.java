package com.cloudpbx.http.observability;

import com.cloudpbx.http.errors.ApiError;
import com.cloudpbx.http.testsupport.TestServer;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsEndpointTest {

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
    void loopbackScrapeNeedsNoCredentialsAndHasRequestMetricsPerRoute() {
        server.get("/test/things/" + UUID.randomUUID());
        server.get("/test/things/not-a-uuid");

        HttpResponse<String> response = server.get("/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
            type -> assertThat(type).startsWith("text/plain"));
        assertThat(response.body())
            .contains("http_server_requests_seconds_count")
            .contains("http_server_requests_seconds_bucket")
            .contains("uri=\"/test/things/{id}\"")
            .contains("status=\"200\"")
            .contains("status=\"400\"")
            .contains("jvm_memory_used_bytes");
    }

    @Test
    void remoteScrapeWithoutCredentialsIs401() {
        HttpResponse<String> response = sendFromNonLoopback(Optional.empty());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(server.error(response).code()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void remoteScrapeByNonSuperadminIs403() {
        HttpResponse<String> response = sendFromNonLoopback(Optional.of(token("admin")));

        assertThat(response.statusCode()).isEqualTo(403);
        ApiError error = server.error(response);
        assertThat(error.code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void remoteScrapeBySuperadminIsAllowed() {
        server.get("/test/things/" + UUID.randomUUID());

        HttpResponse<String> response = sendFromNonLoopback(Optional.of(token("superadmin")));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("http_server_requests");
    }

    /** Connecting to one of this host's own non-loopback addresses makes the server see that address as the peer. */
    private HttpResponse<String> sendFromNonLoopback(Optional<String> bearer) {
        InetAddress address = nonLoopbackAddress();
        assumeTrue(address != null, "this host has no non-loopback IPv4 address");
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://" + address.getHostAddress() + ":" + server.port() + "/metrics"))
            .timeout(Duration.ofSeconds(10))
            .GET();
        bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
        return server.send(request.build());
    }

    private static InetAddress nonLoopbackAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address;
                    }
                }
            }
        } catch (SocketException e) {
            return null;
        }
        return null;
    }

    private String token(String role) {
        return server.context().getBean(TokenGenerator.class)
            .generateToken(Authentication.build("ops", List.of(role)), 600)
            .orElseThrow();
    }
}

package com.cloudpbx.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.http.testsupport.TestServer;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access log behind a proxy on loopback that the server trusts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyAccessLogTest {

    private TestServer server;
    @RegisterExtension
    final CapturedAccessLog log = new CapturedAccessLog();

    @BeforeAll
    void start() {
        server = TestServer.start(Map.of("voip.http.trusted-proxies", "127.0.0.1,::1"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void theRightMostHopTheProxyDidNotWriteForItselfIsLogged() throws IOException {
        server.send(server.request("/test/things/" + UUID.randomUUID())
            .header("X-Forwarded-For", "198.51.100.1, 203.0.113.77, 127.0.0.1")
            .GET()
            .build());

        assertThat(clientIp()).isEqualTo("203.0.113.77");
    }

    @Test
    void withoutAForwardingHeaderTheProxyItselfIsLogged() throws IOException {
        server.send(server.request("/test/things/" + UUID.randomUUID()).GET().build());

        assertThat(clientIp()).isEqualTo("127.0.0.1");
    }

    private Object clientIp() throws IOException {
        return server.context().getBean(JsonMapper.class).readValue(log.onlyLine(), Map.class).get("client_ip");
    }
}

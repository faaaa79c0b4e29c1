package com.cloudpbx.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cloudpbx.http.testsupport.TestServer;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/** The access log behind a proxy on loopback that the server trusts. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrustedProxyAccessLogTest {

    private TestServer server;
    private final Logger accessLogger = (Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @BeforeAll
    void start() {
        server = TestServer.start(Map.of("voip.log.format", "json", "voip.http.trusted-proxies", "127.0.0.1,::1"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @BeforeEach
    void capture() {
        captured.start();
        accessLogger.addAppender(captured);
    }

    @AfterEach
    void release() {
        accessLogger.detachAppender(captured);
        captured.stop();
        captured.list.clear();
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
        List<String> lines = captured.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(1);
        return server.context().getBean(JsonMapper.class).readValue(lines.get(0), Map.class).get("client_ip");
    }
}

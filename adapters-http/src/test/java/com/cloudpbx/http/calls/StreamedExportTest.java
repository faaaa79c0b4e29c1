package com.cloudpbx.http.calls;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.http.testsupport.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The framework sends the body of a {@link ChunkedText} as a chunked text/csv body, also to JSON clients. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedExportTest {

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
    void aLargeExportArrivesCompleteAndChunkedEvenWhenJsonWasAskedFor() {
        HttpResponse<String> response = server.send(server.request("/test/csv?rows=200000")
                .header("Accept", "application/json").GET().build());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .isEqualTo("attachment; filename=\"calls.csv\"");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        String[] lines = response.body().split("\r\n");
        assertThat(lines).hasSize(200_001);
        assertThat(lines[0]).isEqualTo("n");
        assertThat(lines[200_000]).isEqualTo("199999");
    }

    @Test
    void aFailureBeforeTheFirstRowIsAnOrdinaryJsonError() {
        HttpResponse<String> response = server.send(server.request("/test/csv?rows=5&fail=true")
                .header("Accept", "application/json").GET().build());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(server.error(response).code()).isEqualTo("VALIDATION_FAILED");
    }
}

package com.cloudpbx.http.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.webhooks.AttemptResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Deliveries posted to real receivers on the loopback, which is why these tests allow private
 * targets; {@link TargetCheckingTest} covers the addresses refused when they are not allowed.
 */
class MicronautWebhookSenderTest {

    private static final String BODY = "{\"id\":\"e1\",\"event\":\"call.start\",\"data\":{\"name\":\"Zoë ✓\"}}";

    private static Outbound outbound(int... ports) {
        return Outbound.builder().allowPrivateTargets(true).allowPorts(ports).readTimeoutSeconds(2).start();
    }

    private static Map<String, String> deliveryHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Receiver-Token", "token-123");
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", "CloudPBX-Webhooks/1");
        headers.put("X-Webhook-Event", "call.start");
        headers.put("X-Webhook-Id", "6f1c9a52-2d7e-4f0a-9a51-0c9a3b1e2f10");
        headers.put("X-Webhook-Timestamp", "1765151234");
        headers.put("X-Webhook-Signature", "sha256=abc,sha256=def");
        headers.put("webhook-id", "6f1c9a52-2d7e-4f0a-9a51-0c9a3b1e2f10");
        headers.put("webhook-timestamp", "1765151234");
        headers.put("webhook-signature", "v1,AAAA v1,BBBB");
        return headers;
    }

    @Test
    void aDeliveryReachesTheReceiverWithEveryHeaderAndTheExactBodyBytes() {
        try (HttpReceiver receiver = HttpReceiver.start().answer("/hook", 200, "ok");
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook"), deliveryHeaders(), BODY));

            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.error()).isNull();
            assertThat(result.responseExcerpt()).isEqualTo("ok");
            assertThat(receiver.received()).hasSize(1);
            HttpReceiver.Received request = receiver.received().get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.body()).isEqualTo(BODY.getBytes(StandardCharsets.UTF_8));
            deliveryHeaders().forEach((name, value) -> assertThat(request.headers().get(name))
                    .as(name).containsExactly(value));
        }
    }

    @Test
    void theHeadersGoOutInTheDeliverysOrder() throws IOException {
        try (TcpReceiver receiver = TcpReceiver.answering("127.0.0.1");
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(
                    Outbound.post("http://127.0.0.1:" + receiver.port() + "/hook", deliveryHeaders(), BODY));

            assertThat(result.statusCode()).isEqualTo(204);
            String head = receiver.heads().get(0).toLowerCase();
            List<Integer> positions = deliveryHeaders().keySet().stream()
                    .map(name -> head.indexOf("\r\n" + name.toLowerCase() + ":")).toList();
            assertThat(positions).doesNotContain(-1).isSorted();
        }
    }

    @Test
    void aServerErrorIsReportedWithItsStatusAndBody() {
        try (HttpReceiver receiver = HttpReceiver.start().answer("/hook", 500, "database down");
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            assertThat(result.statusCode()).isEqualTo(500);
            assertThat(result.responseExcerpt()).isEqualTo("database down");
            assertThat(result.error()).isNull();
        }
    }

    @Test
    void aNotFoundIsReportedWithItsStatusAndBody() {
        try (HttpReceiver receiver = HttpReceiver.start().answer("/hook", 404, "no such hook");
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            assertThat(result.statusCode()).isEqualTo(404);
            assertThat(result.responseExcerpt()).isEqualTo("no such hook");
        }
    }

    @Test
    void theExcerptIsTheFirst1024CharactersOfALongBody() {
        String longBody = "é".repeat(700) + "x".repeat(3000);
        try (HttpReceiver receiver = HttpReceiver.start().answer("/hook", 500, longBody);
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            assertThat(result.responseExcerpt()).isEqualTo(longBody.substring(0, 1024));
        }
    }

    @Test
    void aGoneReceiverIsReportedWith410() {
        try (HttpReceiver receiver = HttpReceiver.start().answer("/hook", 410, "");
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            assertThat(result.statusCode()).isEqualTo(410);
            assertThat(result.responseExcerpt()).isNull();
        }
    }

    @Test
    void aRedirectIsNotFollowedAndIsReportedWithItsStatus() {
        try (HttpReceiver receiver = HttpReceiver.start();
             Outbound outbound = outbound(receiver.port())) {
            receiver.answer("/hook", new HttpReceiver.Answer(302, Map.of("Location", receiver.url("/elsewhere")), ""))
                    .answer("/elsewhere", 200, "reached");

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            assertThat(result.statusCode()).isEqualTo(302);
            assertThat(receiver.receivedAt("/hook")).hasSize(1);
            assertThat(receiver.receivedAt("/elsewhere")).isEmpty();
        }
    }

    @Test
    void aRetryAfterInSecondsIsRead() {
        try (HttpReceiver receiver = HttpReceiver.start()
                .answer("/hook", new HttpReceiver.Answer(503, Map.of("Retry-After", "120"), "busy"));
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            assertThat(result.statusCode()).isEqualTo(503);
            assertThat(result.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        }
    }

    @Test
    void aRetryAfterAsAnHttpDateIsReadAsTheWaitUntilThen() {
        ZonedDateTime then = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(600).truncatedTo(ChronoUnit.SECONDS);
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(then);
        try (HttpReceiver receiver = HttpReceiver.start()
                .answer("/hook", new HttpReceiver.Answer(429, Map.of("Retry-After", date), ""));
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            // the wait is counted from when the response came, a moment after the date was written
            assertThat(result.retryAfter()).isBetween(Duration.ofSeconds(590), Duration.ofSeconds(600));
        }
    }

    @Test
    void aReceiverThatNeverAnswersTimesOutWithoutAResponse() throws IOException {
        try (TcpReceiver receiver = TcpReceiver.stalling("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPrivateTargets(true).allowPorts(receiver.port())
                     .readTimeoutSeconds(1).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://127.0.0.1:" + receiver.port() + "/"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).isEqualTo("no response from 127.0.0.1:" + receiver.port() + " within 1 s");
            assertThat(result.duration()).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(5));
            assertThat(receiver.accepted()).isEqualTo(1);
        }
    }

    @Test
    void aRefusedConnectionIsAnAttemptWithoutAResponse() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        try (Outbound outbound = outbound(closedPort)) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://127.0.0.1:" + closedPort + "/"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).startsWith("connection to 127.0.0.1:" + closedPort + " refused");
        }
    }

    @Test
    void anUnknownHostIsAnAttemptWithoutAResponse() {
        try (Outbound outbound = outbound()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://no-such-host.invalid:8080/hook"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).isEqualTo("unknown host no-such-host.invalid");
        }
    }

    @Test
    void aTargetOfAnotherSchemeIsNotPosted() {
        try (Outbound outbound = outbound()) {

            AttemptResult result = outbound.sender().send(Outbound.post("ftp://files.example.com:8080/hook"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).isEqualTo("only http and https targets are posted to, not 'ftp'");
        }
    }

    @Test
    void aSuccessWithALargeBodyIsDeliveredWithTheStartOfTheBody() {
        String large = "y".repeat(2 * 1024 * 1024);
        try (HttpReceiver receiver = HttpReceiver.start().answer("/hook", 200, large);
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post(receiver.url("/hook")));

            assertThat(result.statusCode()).isEqualTo(200);
            assertThat(result.responseExcerpt()).isEqualTo("y".repeat(1024));
        }
    }

    @Test
    void aBodyThatStopsComingDoesNotHoldTheAttemptOrHideItsStatus() throws IOException {
        try (TcpReceiver receiver = TcpReceiver.answeringThenStalling("127.0.0.1",
                "HTTP/1.1 202 Accepted\r\nContent-Length: 100000\r\n\r\nqueued");
             Outbound outbound = Outbound.builder().allowPrivateTargets(true).allowPorts(receiver.port())
                     .readTimeoutSeconds(1).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("http://127.0.0.1:" + receiver.port() + "/"));

            assertThat(result.statusCode()).isEqualTo(202);
            assertThat(result.responseExcerpt()).isEqualTo("queued");
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void aFailedTlsHandshakeIsAnAttemptWithoutAResponse() throws IOException {
        try (TcpReceiver receiver = TcpReceiver.speakingFirst("127.0.0.1",
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
             Outbound outbound = outbound(receiver.port())) {

            AttemptResult result = outbound.sender().send(Outbound.post("https://127.0.0.1:" + receiver.port() + "/hook"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).startsWith("TLS with 127.0.0.1:" + receiver.port() + " failed");
        }
    }

    @Test
    void aStalledTlsHandshakeGivesUpAfterTheConnectTimeout() throws IOException {
        try (TcpReceiver receiver = TcpReceiver.stalling("127.0.0.1");
             Outbound outbound = Outbound.builder().allowPrivateTargets(true).allowPorts(receiver.port())
                     .connectTimeoutSeconds(1).readTimeoutSeconds(30).start()) {

            AttemptResult result = outbound.sender().send(Outbound.post("https://127.0.0.1:" + receiver.port() + "/hook"));

            assertThat(result.statusCode()).isNull();
            assertThat(result.error()).startsWith("TLS with 127.0.0.1:" + receiver.port() + " failed");
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(5));
        }
    }
}

package com.cloudpbx.http.outbound;

import com.cloudpbx.core.webhooks.AttemptResult;
import com.cloudpbx.core.webhooks.OutgoingDelivery;
import com.cloudpbx.core.webhooks.WebhookTarget;
import com.cloudpbx.core.webhooks.port.WebhookSender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.netty.channel.ConnectTimeoutException;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * Posts a delivery with Micronaut's HTTP client as {@link WebhookClientConfiguration} sets it up:
 * each connection's target checked by {@link TargetCheckingResolverGroup}, redirects not followed.
 * Any status is an attempt with that status (a redirect too: it is not followed, and not a
 * success); no response at all is an attempt with the reason. Blocks its caller, which is never an
 * event loop.
 */
@Singleton
public final class MicronautWebhookSender implements WebhookSender {

    /** How much of the receiver's body the delivery log keeps. */
    public static final int EXCERPT_CHARS = 1024;

    private final HttpClient client;
    private final WebhookTargetSettings settings;
    private final Clock clock;

    public MicronautWebhookSender(@Client(configuration = WebhookClientConfiguration.class) HttpClient client,
                                  WebhookTargetSettings settings) {
        this(client, settings, Clock.systemUTC());
    }

    MicronautWebhookSender(HttpClient client, WebhookTargetSettings settings, Clock clock) {
        this.client = client;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public AttemptResult send(OutgoingDelivery delivery) {
        long start = System.nanoTime();
        WebhookTarget target = delivery.target();
        String scheme = target.uri().getScheme() == null ? "" : target.uri().getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return AttemptResult.noResponse("only http and https targets are posted to, not '" + scheme + "'",
                    since(start));
        }
        if (!settings.allowedPorts().contains(target.port())) {
            return AttemptResult.noResponse("port " + target.port() + " is not open to webhooks; allowed: "
                    + settings.allowedPorts().stream().sorted().toList(), since(start));
        }
        MutableHttpRequest<byte[]> request = HttpRequest.POST(target.uri().toString(), delivery.body());
        for (Map.Entry<String, String> header : delivery.headers().entrySet()) {
            request.header(header.getKey(), header.getValue());
        }
        try {
            HttpResponse<byte[]> response = client.toBlocking().exchange(request, byte[].class);
            return answered(response, since(start));
        } catch (HttpClientResponseException e) {
            return answered(e.getResponse(), since(start));
        } catch (HttpClientException e) {
            return AttemptResult.noResponse(reason(e, target), since(start));
        }
    }

    private AttemptResult answered(HttpResponse<?> response, Duration duration) {
        String excerpt = response.getBody(byte[].class)
                .filter(bytes -> bytes.length > 0)
                .map(MicronautWebhookSender::excerpt)
                .orElse(null);
        Duration retryAfter = retryAfter(response.getHeaders().get("Retry-After"));
        return new AttemptResult(response.code(), duration, null, excerpt, retryAfter);
    }

    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8);
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS);
    }

    /** {@code Retry-After} as delta-seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.chars().allMatch(Character::isDigit)) {
            try {
                return Duration.ofSeconds(Long.parseLong(trimmed));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private String reason(HttpClientException failure, WebhookTarget target) {
        String where = target.host() + ":" + target.port();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            switch (cause) {
                case TargetRefusedException refused -> {
                    return refused.getMessage();
                }
                case ReadTimeoutException timeout -> {
                    return "no response from " + where + " within " + settings.readTimeoutSeconds() + " s";
                }
                case ConnectTimeoutException timeout -> {
                    return "could not connect to " + where + " within " + settings.connectTimeoutSeconds() + " s";
                }
                case ConnectException refused -> {
                    return "connection to " + where + " refused or unreachable (" + refused.getMessage() + ")";
                }
                case NoRouteToHostException unreachable -> {
                    return "no route to " + where;
                }
                case UnknownHostException unknown -> {
                    return "unknown host " + target.host();
                }
                case SSLException tls -> {
                    return "TLS with " + where + " failed: " + tls.getMessage();
                }
                case ContentLengthExceededException tooLong -> {
                    return "the response of " + where + " was longer than "
                            + WebhookClientConfiguration.MAX_RESPONSE_BYTES + " bytes";
                }
                default -> {
                }
            }
        }
        return "no response from " + where + ": " + failure.getMessage();
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }
}

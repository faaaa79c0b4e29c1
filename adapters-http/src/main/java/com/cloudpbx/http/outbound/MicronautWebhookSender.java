package com.cloudpbx.http.outbound;

import com.cloudpbx.core.webhooks.AttemptResult;
import com.cloudpbx.core.webhooks.OutgoingDelivery;
import com.cloudpbx.core.webhooks.WebhookTarget;
import com.cloudpbx.core.webhooks.port.WebhookSender;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.ProxyHttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.ContentLengthExceededException;
import io.micronaut.http.client.exceptions.HttpClientException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import io.micronaut.http.netty.NettyHttpResponseBuilder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ConnectTimeoutException;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
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
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Posts a delivery with Micronaut's HTTP client as {@link WebhookClientConfiguration} sets it up:
 * each connection's target checked by {@link TargetCheckingResolverGroup}, redirects not followed.
 * The client is used as a proxy client, which hands the response over as it arrives whatever its
 * status, so that only the start of the body is read. Any status is an attempt with that status (a
 * redirect too: it is not followed, and not a success); no response at all is an attempt with the
 * reason. Blocks its caller, which is never an event loop.
 */
@Singleton
public final class MicronautWebhookSender implements WebhookSender {

    /** How much of the receiver's body the delivery log keeps. */
    public static final int EXCERPT_CHARS = 1024;
    /** Enough bytes for {@link #EXCERPT_CHARS} characters of UTF-8, however many bytes each takes. */
    private static final int EXCERPT_BYTES = EXCERPT_CHARS * 4;

    private final ProxyHttpClient client;
    private final WebhookTargetSettings settings;
    private final Clock clock;

    public MicronautWebhookSender(@Client(configuration = WebhookClientConfiguration.class) ProxyHttpClient client,
                                  WebhookTargetSettings settings) {
        this(client, settings, Clock.systemUTC());
    }

    MicronautWebhookSender(ProxyHttpClient client, WebhookTargetSettings settings, Clock clock) {
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
        HttpResponse<?> response;
        try {
            response = Mono.from(client.proxy(request)).block();
        } catch (HttpClientResponseException e) {
            response = e.getResponse();
        } catch (HttpClientException e) {
            return AttemptResult.noResponse(reason(e, target), since(start));
        }
        if (response == null) {
            return AttemptResult.noResponse("no response from " + target.host() + ":" + target.port(), since(start));
        }
        Duration retryAfter = retryAfter(response.getHeaders().get("Retry-After"));
        String excerpt = excerpt(response);
        return new AttemptResult(response.code(), since(start), null, excerpt, retryAfter);
    }

    /**
     * The start of the receiver's body, read no further than the excerpt needs and for no longer
     * than the read timeout: the status is what counts, and a body that is huge or never ends
     * cannot hold the attempt. Leaving the stream early closes the connection with the rest unread.
     */
    private String excerpt(HttpResponse<?> response) {
        if (!(response instanceof NettyHttpResponseBuilder netty) || !netty.isStream()) {
            return response.getBody(byte[].class).map(MicronautWebhookSender::excerpt).orElse(null);
        }
        ByteArrayOutputStream start = new ByteArrayOutputStream();
        Flux.from(netty.toStreamHttpResponse())
                .takeUntil(content -> {
                    try {
                        ByteBuf chunk = content.content();
                        int wanted = Math.min(chunk.readableBytes(), EXCERPT_BYTES - start.size());
                        byte[] bytes = new byte[wanted];
                        chunk.getBytes(chunk.readerIndex(), bytes);
                        start.writeBytes(bytes);
                    } finally {
                        content.release();
                    }
                    return start.size() >= EXCERPT_BYTES;
                })
                .timeout(Duration.ofSeconds(settings.readTimeoutSeconds()))
                .onErrorResume(e -> Mono.empty())
                .blockLast();
        return excerpt(start.toByteArray());
    }

    private static String excerpt(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, EXCERPT_BYTES), StandardCharsets.UTF_8);
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

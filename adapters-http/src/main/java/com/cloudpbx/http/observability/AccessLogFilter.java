package com.cloudpbx.http.observability;

import com.cloudpbx.http.network.ClientAddresses;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.BasicHttpAttributes;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * Writes one line per request to the {@value #LOGGER_NAME} logger: JSON when
 * {@code voip.log.format=json} (env {@code VOIP_LOG_FORMAT=json}), logfmt-style text otherwise.
 * <p>
 * It runs first and so finishes last: the status it logs is the one the client got, including
 * security rejections and error responses. The route is the matched URI template, never the raw
 * URI, because query strings may carry {@code ?apiKey=} / {@code ?token=} on streaming routes and
 * templates keep the log aggregatable. No header is read except through {@link ClientAddresses},
 * which reads forwarding headers only from a trusted proxy.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class AccessLogFilter implements Ordered {

    public static final String LOGGER_NAME = "voip.access";

    private static final Logger ACCESS = LoggerFactory.getLogger(LOGGER_NAME);
    private static final double NANOS_PER_MILLI = 1_000_000d;

    private final ClientAddresses clientAddresses;
    private final boolean json;

    AccessLogFilter(ClientAddresses clientAddresses, LogSettings settings) {
        this.clientAddresses = clientAddresses;
        this.json = settings.json();
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.before();
    }

    @RequestFilter
    void start(HttpRequest<?> request) {
        request.setAttribute(RequestAttributes.STARTED_AT_NANOS, System.nanoTime());
    }

    @ResponseFilter
    void log(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!ACCESS.isInfoEnabled()) {
            return;
        }
        AccessLogEntry entry = new AccessLogEntry(
            Instant.now(),
            "INFO",
            BasicHttpAttributes.getUriTemplate(request).orElse(null),
            request.getMethodName(),
            response.code(),
            elapsedMillis(request),
            attribute(request, RequestAttributes.TENANT),
            attribute(request, RequestAttributes.PRINCIPAL_ID),
            clientAddresses.text(request));
        ACCESS.info(json ? entry.toJson() : entry.toPlain());
    }

    private static double elapsedMillis(HttpRequest<?> request) {
        return request.getAttribute(RequestAttributes.STARTED_AT_NANOS, Long.class)
            .map(started -> (System.nanoTime() - started) / NANOS_PER_MILLI)
            .orElse(0d);
    }

    private static String attribute(HttpRequest<?> request, String name) {
        return request.getAttribute(name).map(Object::toString).orElse(null);
    }
}

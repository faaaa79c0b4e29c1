package com.cloudpbx.http.observability;

import static net.logstash.logback.argument.StructuredArguments.kv;

import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One access-log line. It holds only what the line may show: credentials, headers and bodies
 * never reach it, so no formatting change can leak them.
 */
record AccessLogEntry(
    @Nullable String route,
    String method,
    int status,
    double durationMs,
    @Nullable String tenant,
    @Nullable String principalId,
    @Nullable String clientIp) {

    /**
     * What the access logger is called with: the message {@code "{}"} fills its one placeholder
     * with {@link #text()}, the structured arguments after it fill none and become the fields of
     * a JSON line, typed (status and duration are numbers, what is unknown is null).
     */
    Object[] arguments() {
        return new Object[] {
            text(),
            kv("route", route),
            kv("method", method),
            kv("status", status),
            kv("duration_ms", roundedMillis().doubleValue()),
            kv("tenant", tenant),
            kv("principal_id", principalId),
            kv("client_ip", clientIp)};
    }

    /** logfmt-style, readable on a terminal and still greppable by key; the text log adds ts and level. */
    String text() {
        return "method=" + method
            + " route=" + orDash(route)
            + " status=" + status
            + " duration_ms=" + roundedMillis().toPlainString()
            + " tenant=" + orDash(tenant)
            + " principal_id=" + orDash(principalId)
            + " client_ip=" + orDash(clientIp);
    }

    private BigDecimal roundedMillis() {
        return BigDecimal.valueOf(durationMs).setScale(3, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    // a value with spaces or quotes could otherwise forge extra key=value pairs
    private static String orDash(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return value.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '=') ? quote(value) : value;
    }

    private static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        value.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append((char) c);
        });
        return quoted.append('"').toString();
    }
}

package com.cloudpbx.http.observability;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * One access-log line. It holds only what the line may show: credentials, headers and bodies
 * never reach it, so no formatting change can leak them.
 */
record AccessLogEntry(
    Instant ts,
    String level,
    @Nullable String route,
    String method,
    int status,
    double durationMs,
    @Nullable String tenant,
    @Nullable String principalId,
    @Nullable String clientIp) {

    String toJson() {
        return new JsonLine()
            .field("ts", ts.toString())
            .field("level", level)
            .field("route", route)
            .field("method", method)
            .field("status", status)
            .field("duration_ms", durationMs)
            .field("tenant", tenant)
            .field("principal_id", principalId)
            .field("client_ip", clientIp)
            .end();
    }

    /** logfmt-style, readable on a terminal and still greppable by key. */
    String toPlain() {
        return "ts=" + ts
            + " level=" + level
            + " method=" + method
            + " route=" + orDash(route)
            + " status=" + status
            + " duration_ms=" + JsonLine.formatMillis(durationMs)
            + " tenant=" + orDash(tenant)
            + " principal_id=" + orDash(principalId)
            + " client_ip=" + orDash(clientIp);
    }

    // a value with spaces or quotes could otherwise forge extra key=value pairs
    private static String orDash(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        return value.chars().anyMatch(c -> c <= ' ' || c == '"' || c == '=')
            ? JsonLine.quote(value)
            : value;
    }
}

package com.cloudpbx.http.observability;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogEntryTest {

    private static final Instant TS = Instant.parse("2026-06-01T14:03:22.123Z");

    @Test
    void jsonHasFixedFieldOrderAndNullsForUnknowns() {
        AccessLogEntry entry = new AccessLogEntry(TS, "INFO", null, "GET", 404, 1.23456, null, null, "10.0.0.1");

        assertThat(entry.toJson()).isEqualTo("{\"ts\":\"2026-06-01T14:03:22.123Z\",\"level\":\"INFO\","
            + "\"route\":null,\"method\":\"GET\",\"status\":404,\"duration_ms\":1.235,\"tenant\":null,"
            + "\"principal_id\":null,\"client_ip\":\"10.0.0.1\"}");
    }

    @Test
    void jsonEscapesValuesSoALineCannotBeForged() {
        AccessLogEntry entry = new AccessLogEntry(TS, "INFO", "/a", "GET", 200, 0, "t\"x\n{\"level\":\"ERROR\"}",
            null, "1.2.3.4");

        String json = entry.toJson();
        assertThat(json).doesNotContain("\n").contains("t\\\"x\\n{\\\"level\\\"");
    }

    @Test
    void plainTextIsKeyValue() {
        AccessLogEntry entry = new AccessLogEntry(TS, "INFO", "/api/extensions/{id}", "PUT", 200, 12.5,
            "tenant-1", "user 7", null);

        assertThat(entry.toPlain()).isEqualTo("ts=2026-06-01T14:03:22.123Z level=INFO method=PUT "
            + "route=/api/extensions/{id} status=200 duration_ms=12.5 tenant=tenant-1 "
            + "principal_id=\"user 7\" client_ip=-");
    }
}

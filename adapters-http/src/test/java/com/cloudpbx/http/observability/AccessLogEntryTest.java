package com.cloudpbx.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccessLogEntryTest {

    @Test
    void jsonFieldsHaveAFixedOrderTheirTypesAndNullsForUnknowns() {
        AccessLogEntry entry = new AccessLogEntry(null, "GET", 404, 1.23456, null, null, "10.0.0.1");

        assertThat(AccessLogJson.fields(entry.arguments())).isEqualTo("{\"route\":null,\"method\":\"GET\","
            + "\"status\":404,\"duration_ms\":1.235,\"tenant\":null,\"principal_id\":null,\"client_ip\":\"10.0.0.1\"}");
    }

    @Test
    void jsonEscapesValuesSoALineCannotBeForged() {
        AccessLogEntry entry = new AccessLogEntry("/a", "GET", 200, 0, "t\"x\n{\"level\":\"ERROR\"}", null, "1.2.3.4");

        String json = AccessLogJson.fields(entry.arguments());
        assertThat(json).doesNotContain("\n").contains("t\\\"x\\n{\\\"level\\\"");
    }

    @Test
    void plainTextIsKeyValue() {
        AccessLogEntry entry = new AccessLogEntry("/api/extensions/{id}", "PUT", 200, 12.5, "tenant-1", "user 7",
            null);

        assertThat(entry.text()).isEqualTo("method=PUT route=/api/extensions/{id} status=200 duration_ms=12.5 "
            + "tenant=tenant-1 principal_id=\"user 7\" client_ip=-");
    }

    @Test
    void aQuoteInAPlainTextValueCannotCloseItsQuotes() {
        AccessLogEntry entry = new AccessLogEntry("/a", "GET", 200, 0, "x\" status=500 y=\"", null, null);

        assertThat(entry.text()).contains(" tenant=\"x\\\" status=500 y=\\\"\" ");
    }
}

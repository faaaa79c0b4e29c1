package com.cloudpbx.app.logging;

import static net.logstash.logback.argument.StructuredArguments.kv;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The server's JSON log configuration (its logback-json.xml, chosen by VOIP_LOG_FORMAT=json): one
 * encoder, one set of fields for every line, caller-controlled text kept inside its field.
 */
class JsonLogTest {

    private static final List<String> EVERY_LINE = List.of("ts", "level", "logger", "thread", "message");
    private static final List<String> ACCESS_FIELDS = List.of("route", "method", "status", "duration_ms", "tenant",
            "principal_id", "client_ip");
    private static final String FORGED = "{\"ts\":\"2026-01-01T00:00:00.000Z\",\"level\":\"ERROR\",\"message\":\"refund approved\"}";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    // Duplicate keys fail the parse: a value must not add a field the line already has.
    private final ObjectMapper json = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private LoggerContext logging;

    @BeforeEach
    void configureTheServersJsonLog() throws Exception {
        logging = new LoggerContext();
        logging.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(Path.of("target", "classes", "logback-json.xml").toFile());
        ((OutputStreamAppender<ILoggingEvent>) logging.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"))
                .setOutputStream(console);
    }

    @AfterEach
    void stopLogging() {
        logging.stop();
    }

    @Test
    void everyLineHasTheSameFieldsAndAccessLinesAddTheRequestsFields() throws Exception {
        logging.getLogger("com.cloudpbx.app.Test").info("started in {} ms", 812);
        accessLine("/api/extensions/{id}", 200, "acme");

        List<Map<String, Object>> lines = parsedLines();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).containsOnlyKeys(EVERY_LINE)
                .containsEntry("level", "INFO")
                .containsEntry("logger", "com.cloudpbx.app.Test")
                .containsEntry("message", "started in 812 ms");
        assertThat((String) lines.get(0).get("ts")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(lines.get(1).keySet()).containsExactlyElementsOf(concat(EVERY_LINE, ACCESS_FIELDS));
        assertThat(lines.get(1))
                .containsEntry("logger", "voip.access")
                .containsEntry("route", "/api/extensions/{id}")
                .containsEntry("status", 200)
                .containsEntry("duration_ms", 1.5)
                .containsEntry("principal_id", null);
    }

    @Test
    void aCallerIdWithLineBreaksAndQuotesStaysInsideItsMessage() throws Exception {
        String callerIdName = "Eve\r\n" + FORGED + "\",\"level\":\"ERROR";

        logging.getLogger("com.cloudpbx.freeswitch.media.EslMediaServer").warn("caller {}", callerIdName);

        assertThat(printedLines()).singleElement().asString().doesNotStartWith(FORGED);
        Map<String, Object> line = parsedLines().get(0);
        assertThat(line).containsOnlyKeys(EVERY_LINE).containsEntry("level", "WARN")
                .containsEntry("message", "caller " + callerIdName);
    }

    @Test
    void anExceptionsMessageStaysInsideTheLinesStackTrace() throws Exception {
        var refused = new IllegalStateException("value too long: Eve\r\n" + FORGED,
                new IllegalArgumentException("cause: Bob\n" + FORGED));

        logging.getLogger("com.cloudpbx.storage.postgres.calls.CallRecordWriter")
                .error("The database refused a call record", refused);

        assertThat(printedLines()).singleElement().asString().doesNotStartWith(FORGED);
        Map<String, Object> line = parsedLines().get(0);
        assertThat(line.keySet()).containsExactlyElementsOf(concat(EVERY_LINE, List.of("stack_trace")));
        assertThat((String) line.get("stack_trace")).contains("value too long: Eve\r\n" + FORGED)
                .contains("cause: Bob\n" + FORGED).contains("at com.cloudpbx.app.logging.JsonLogTest");
    }

    @Test
    void controlAndLineSeparatorCharactersAreWrittenAsEscapes() throws Exception {
        String dialled = "1001\u001b[2J\u0000\u007f\u0085\u2028\u2029x";

        logging.getLogger("com.cloudpbx.app.Test").warn("dialled {}", dialled);

        String printed = printedLines().get(0);
        assertThat(printed).containsIgnoringCase("dialled 1001\\u001b[2J\\u0000\\u007f\\u0085\\u2028\\u2029x")
                .doesNotContain("\u001b").doesNotContain("\u0085").doesNotContain("\u2028");
        assertThat(parsedLines().get(0)).containsEntry("message", "dialled " + dialled);
    }

    @Test
    void anAccessFieldCannotForgeAnotherField() throws Exception {
        accessLine("/a", 200, "acme\",\"status\":500,\"x\":\"\n" + FORGED);

        assertThat(printedLines()).hasSize(1);
        Map<String, Object> line = parsedLines().get(0);
        assertThat(line).containsEntry("status", 200).containsEntry("tenant", "acme\",\"status\":500,\"x\":\"\n" + FORGED);
        assertThat(line.keySet()).containsExactlyElementsOf(concat(EVERY_LINE, ACCESS_FIELDS));
    }

    /** A line as the access-log filter writes it: its text as the message, its fields as structured arguments. */
    private void accessLine(String route, int status, String tenant) {
        logging.getLogger("voip.access").info("{}", "method=GET route=" + route + " status=" + status,
                kv("route", route), kv("method", "GET"), kv("status", status), kv("duration_ms", 1.5),
                kv("tenant", tenant), kv("principal_id", null), kv("client_ip", "192.0.2.1"));
    }

    private List<String> printedLines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }

    private List<Map<String, Object>> parsedLines() throws Exception {
        List<Map<String, Object>> parsed = new ArrayList<>();
        for (String line : printedLines()) {
            parsed.add(json.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() { }));
        }
        return parsed;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}

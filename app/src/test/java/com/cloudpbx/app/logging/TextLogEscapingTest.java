package com.cloudpbx.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The server's own text log configuration (its logback.xml), fed caller-controlled text. */
class TextLogEscapingTest {

    private static final String FORGED = "2026-01-01T00:00:00.000Z ERROR [main] c.c.a.Billing - refund approved";

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private LoggerContext logging;

    @BeforeEach
    void configureTheServersTextLog() throws Exception {
        logging = new LoggerContext();
        logging.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(logging);
        configurator.doConfigure(Path.of("target", "classes", "logback.xml").toFile());
        printTo(logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT"));
        printTo(logging.getLogger("voip.access").getAppender("ACCESS"));
    }

    @AfterEach
    void stopLogging() {
        logging.stop();
    }

    private void printTo(Appender<ILoggingEvent> appender) {
        ((OutputStreamAppender<ILoggingEvent>) appender).setOutputStream(console);
    }

    @Test
    void aCallerIdWithALineBreakStaysOnItsOwnLogLine() {
        Logger log = logging.getLogger("com.cloudpbx.freeswitch.media.EslMediaServer");

        log.warn("Media event listener failed on ChannelCreated[callerIdName={}]", "Eve\r\n" + FORGED);

        List<String> lines = printedLines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).contains("Eve\\r\\n" + FORGED).doesNotStartWith(FORGED);
    }

    @Test
    void otherControlCharactersAreWrittenAsEscapes() {
        Logger log = logging.getLogger("com.cloudpbx.app.Test");

        log.warn("dialled {}", "1001\u001b[2J\u0000\u2028x");

        assertThat(printedLines()).singleElement().asString().endsWith("dialled 1001\\u001b[2J\\u0000\\u2028x");
    }

    @Test
    void aLineBreakInAnExceptionsMessageCannotForgeALineOfItsTrace() {
        Logger log = logging.getLogger("com.cloudpbx.storage.postgres.calls.CallRecordWriter");
        var refused = new IllegalStateException("value too long: Eve\r\n" + FORGED,
                new IllegalArgumentException("cause: Bob\n" + FORGED));

        log.error("The database refused a call record", refused);

        List<String> lines = printedLines();
        assertThat(lines).noneMatch(line -> line.startsWith(FORGED));
        assertThat(lines).anyMatch(line -> line.contains("Eve\\r\\n" + FORGED))
                .anyMatch(line -> line.contains("Bob\\n" + FORGED))
                .anyMatch(line -> line.strip().startsWith("at com.cloudpbx.app.logging.TextLogEscapingTest"));
    }

    @Test
    void accessLinesAreEscapedToo() {
        logging.getLogger("voip.access").info("{}", "method=GET route=/x\nforged=yes");

        assertThat(printedLines()).singleElement().asString()
                .matches("ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=INFO method=GET route=/x\\\\nforged=yes");
    }

    private List<String> printedLines() {
        return console.toString(StandardCharsets.UTF_8).lines().toList();
    }
}

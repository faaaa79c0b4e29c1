package com.cloudpbx.http.observability;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/** The access log's lines, captured from the start of each test to its end (register with {@code @RegisterExtension}). */
final class CapturedAccessLog implements BeforeEachCallback, AfterEachCallback {

    private final Logger accessLogger = (Logger) LoggerFactory.getLogger(AccessLogFilter.LOGGER_NAME);
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();

    @Override
    public void beforeEach(ExtensionContext context) {
        captured.start();
        accessLogger.addAppender(captured);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        accessLogger.detachAppender(captured);
        captured.stop();
        captured.list.clear();
    }

    /**
     * The one line the test's request wrote, as the JSON log format writes its level, message and
     * fields; fails the test when there is not exactly one.
     */
    String onlyLine() {
        List<ILoggingEvent> lines = List.copyOf(captured.list);
        assertThat(lines).hasSize(1);
        return AccessLogJson.line(lines.get(0));
    }
}

package com.cloudpbx.http.observability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.nio.charset.StandardCharsets;
import net.logstash.logback.composite.loggingevent.ArgumentsJsonProvider;
import net.logstash.logback.composite.loggingevent.LogLevelJsonProvider;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import net.logstash.logback.encoder.LoggingEventCompositeJsonEncoder;

/**
 * Access-log events as the server's JSON log format writes them: with the same encoder, here
 * limited to the parts the access log decides (level, message, structured arguments); the
 * server's logback-json.xml adds ts, logger and thread, and its own test checks the whole line.
 */
final class AccessLogJson {

    private AccessLogJson() {
    }

    /** The level, message and fields of an event the access logger received. */
    static String line(ILoggingEvent event) {
        LoggingEventCompositeJsonEncoder encoder = encoder();
        LogLevelJsonProvider level = new LogLevelJsonProvider();
        level.setFieldName("level");
        encoder.getProviders().addProvider(level);
        encoder.getProviders().addProvider(new MessageJsonProvider());
        encoder.getProviders().addProvider(new ArgumentsJsonProvider());
        return encode(encoder, event);
    }

    /** Only the fields that {@code arguments}, passed as an access-log entry's are, make of a line. */
    static String fields(Object[] arguments) {
        LoggerContext context = new LoggerContext();
        LoggingEvent event = new LoggingEvent(AccessLogJson.class.getName(),
                context.getLogger(AccessLogFilter.LOGGER_NAME), Level.INFO, "{}", null, arguments);
        LoggingEventCompositeJsonEncoder encoder = encoder();
        encoder.getProviders().addProvider(new ArgumentsJsonProvider());
        return encode(encoder, event);
    }

    private static LoggingEventCompositeJsonEncoder encoder() {
        LoggingEventCompositeJsonEncoder encoder = new LoggingEventCompositeJsonEncoder();
        encoder.setContext(new LoggerContext());
        return encoder;
    }

    private static String encode(LoggingEventCompositeJsonEncoder encoder, ILoggingEvent event) {
        encoder.start();
        try {
            return new String(encoder.encode(event), StandardCharsets.UTF_8).stripTrailing();
        } finally {
            encoder.stop();
        }
    }
}

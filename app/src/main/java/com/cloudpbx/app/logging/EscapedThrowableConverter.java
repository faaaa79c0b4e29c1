package com.cloudpbx.app.logging;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import java.util.Arrays;

/**
 * {@code %escapedEx} in the text log patterns: a stack trace as logback prints it, but with each
 * exception's message escaped like {@link EscapedMessageConverter} escapes log messages. Messages
 * of exceptions carry caller-controlled text too (a value the database refused, a header that
 * could not be parsed); only the line breaks between frames are the trace's own.
 */
public final class EscapedThrowableConverter extends ThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy thrown) {
        return super.throwableProxyToString(new Escaped(thrown));
    }

    /** The thrown exception, its causes and suppressed ones, their messages escaped. */
    private record Escaped(IThrowableProxy thrown) implements IThrowableProxy {

        @Override
        public String getOverridingMessage() {
            return EscapedMessageConverter.escape(thrown.getOverridingMessage());
        }

        @Override
        public String getMessage() {
            return EscapedMessageConverter.escape(thrown.getMessage());
        }

        @Override
        public String getClassName() {
            return thrown.getClassName();
        }

        @Override
        public StackTraceElementProxy[] getStackTraceElementProxyArray() {
            return thrown.getStackTraceElementProxyArray();
        }

        @Override
        public int getCommonFrames() {
            return thrown.getCommonFrames();
        }

        @Override
        public IThrowableProxy getCause() {
            return thrown.getCause() == null ? null : new Escaped(thrown.getCause());
        }

        @Override
        public IThrowableProxy[] getSuppressed() {
            IThrowableProxy[] suppressed = thrown.getSuppressed();
            return suppressed == null ? null
                    : Arrays.stream(suppressed).map(Escaped::new).toArray(IThrowableProxy[]::new);
        }

        @Override
        public boolean isCyclic() {
            return thrown.isCyclic();
        }
    }
}

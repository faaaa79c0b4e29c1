package com.cloudpbx.app.support;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads an HTTP/1.1 response head off a raw socket, byte by byte, so nothing after it is consumed. */
final class ResponseHead {

    private ResponseHead() {
    }

    /** The status line and headers up to and including the blank line; {@code whenClosed} names the moment if the server hangs up first. */
    static String read(InputStream in, String whenClosed) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new EOFException("connection closed " + whenClosed);
            }
            head.write(next);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }
}

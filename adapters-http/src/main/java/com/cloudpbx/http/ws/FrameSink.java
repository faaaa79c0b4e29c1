package com.cloudpbx.http.ws;

import java.util.concurrent.CompletionStage;

/** Where one client's messages go: its WebSocket session, or a recorder in tests. */
public interface FrameSink {

    /** Sends one text frame; completes when it was written, exceptionally when the client is gone. */
    CompletionStage<?> send(String text);

    /** Closes the connection with a WebSocket close code and reason. */
    void close(int code, String reason);
}

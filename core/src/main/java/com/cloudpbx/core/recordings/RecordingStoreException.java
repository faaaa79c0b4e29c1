package com.cloudpbx.core.recordings;

/**
 * The recording store could not do what was asked: unreachable, misconfigured (a bucket that does
 * not exist), or the stored bytes differ from the file given. Nothing usable was stored.
 */
public class RecordingStoreException extends RuntimeException {

    public RecordingStoreException(String message) {
        super(message);
    }

    public RecordingStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.cloudpbx.core.recordings;

/** No recording is kept under the key asked for (a later HTTP route answers 404). */
public class RecordingNotFoundException extends RuntimeException {

    private final RecordingKey key;

    public RecordingNotFoundException(RecordingKey key) {
        super("no recording is stored under " + key);
        this.key = key;
    }

    public RecordingKey key() {
        return key;
    }
}

package com.cloudpbx.core.recordings;

import java.util.Objects;

/**
 * A recording the store holds and has checked: its size and SHA-256 are those of the bytes read
 * back from the store, equal to the file it was given.
 *
 * @param key    where it is kept
 * @param size   its length in bytes
 * @param sha256 its SHA-256, lower-case hex
 */
public record StoredRecording(RecordingKey key, long size, String sha256) {

    public StoredRecording {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(sha256, "sha256");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}

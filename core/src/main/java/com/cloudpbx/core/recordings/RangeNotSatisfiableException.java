package com.cloudpbx.core.recordings;

/**
 * A byte range that does not lie inside the recording; carries the recording's size because an
 * HTTP 416 answer says it ({@code Content-Range: bytes *}{@code /size}).
 */
public class RangeNotSatisfiableException extends RuntimeException {

    private final long size;

    public RangeNotSatisfiableException(RecordingKey key, long from, long to, long size) {
        super("bytes " + from + "-" + to + " are not inside " + key + " (" + size + " bytes)");
        this.size = size;
    }

    public long size() {
        return size;
    }
}

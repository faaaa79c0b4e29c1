package com.cloudpbx.core.recordings.port;

import com.cloudpbx.core.recordings.RangeNotSatisfiableException;
import com.cloudpbx.core.recordings.RecordingKey;
import com.cloudpbx.core.recordings.RecordingNotFoundException;
import com.cloudpbx.core.recordings.RecordingStoreException;
import com.cloudpbx.core.recordings.StoredRecording;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Port: where call recordings are kept (a local directory or an S3 bucket), one object per
 * {@link RecordingKey}. A failure of the store itself is a {@link RecordingStoreException}.
 */
public interface RecordingStore {

    /** What kind of store this is; a public URL can only be handed out for an S3 one. */
    enum Kind { LOCAL, S3 }

    Kind kind();

    /**
     * Copies {@code file} under {@code key}, replacing what was there, and returns once the store
     * holds it and its size and SHA-256 were checked against the file's; a reader never sees a
     * partly written recording.
     *
     * @throws RecordingStoreException when it could not be stored or the stored bytes differ
     */
    StoredRecording store(RecordingKey key, Path file);

    /** The size in bytes of the recording under {@code key}, empty when there is none. */
    OptionalLong size(RecordingKey key);

    /**
     * The bytes {@code from} to {@code to}, both inclusive (as in an HTTP Range), streamed from the
     * store rather than loaded whole; the caller closes the stream.
     *
     * @throws RecordingNotFoundException   when there is no recording under {@code key}
     * @throws RangeNotSatisfiableException when {@code from > to} or {@code to} is past the last byte
     */
    InputStream read(RecordingKey key, long from, long to);

    /** Removes the recording under {@code key}; removing one that is not there does nothing. */
    void delete(RecordingKey key);
}

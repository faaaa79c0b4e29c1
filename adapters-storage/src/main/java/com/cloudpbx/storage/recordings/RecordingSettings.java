package com.cloudpbx.storage.recordings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;

/**
 * Recordings on local disk ({@code voip.recordings.*}), used while {@code voip.s3.bucket} is unset.
 *
 * @param localDir the directory recordings are kept under; unset, {@code recordings} in the data
 *                 directory ({@code VOIP_DATA_DIR}, or {@code ~/.voip-server}), as the embedded
 *                 database and the generated secrets are
 */
@Context
@ConfigurationProperties("voip.recordings")
public record RecordingSettings(
        @Nullable
        @Pattern(regexp = ".*\\S.*", message = "VOIP_RECORDINGS_LOCAL_DIR must name a directory")
        String localDir) {

    /** The directory local recordings are kept under. */
    public Path localDirectory() {
        if (localDir != null) {
            return Path.of(localDir);
        }
        var dataDir = System.getenv("VOIP_DATA_DIR");
        var data = dataDir == null || dataDir.isBlank()
                ? Path.of(System.getProperty("user.home"), ".voip-server")
                : Path.of(dataDir);
        return data.resolve("recordings");
    }
}

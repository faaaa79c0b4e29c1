package com.cloudpbx.storage.recordings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;

/**
 * Recordings on local disk ({@code voip.recordings.*}), used while {@code voip.s3.bucket} is unset.
 *
 * @param localDir the directory recordings are kept under; the server's default is {@code recordings}
 *                 in its data directory ({@code VOIP_DATA_DIR}, or {@code ~/.voip-server}), beside the
 *                 embedded database and the generated secrets
 */
@Context
@ConfigurationProperties("voip.recordings")
public record RecordingSettings(
        @Nullable
        @Pattern(regexp = ".*\\S.*", message = "VOIP_RECORDINGS_LOCAL_DIR must name a directory")
        String localDir) {

    /**
     * The directory local recordings are kept under. The server sets {@code local-dir} from its data
     * directory; a context started without it (a test of this module) uses {@code ~/.voip-server}'s.
     */
    public Path localDirectory() {
        return localDir != null ? Path.of(localDir)
                : Path.of(System.getProperty("user.home"), ".voip-server", "recordings");
    }
}

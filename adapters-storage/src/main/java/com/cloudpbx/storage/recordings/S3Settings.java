package com.cloudpbx.storage.recordings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Pattern;

/**
 * Recordings on S3 ({@code voip.s3.*}): set the bucket and recordings go there instead of the
 * local directory. Credentials come from the AWS SDK's default chain (environment, profile,
 * container or instance role), never from here.
 *
 * @param bucket    the bucket recordings are kept in; its presence selects the S3 store
 * @param region    the bucket's region; unset, the SDK's default region chain ({@code AWS_REGION}...),
 *                  or {@code us-east-1} when an endpoint is set
 * @param endpoint  an S3-compatible store's URL (MinIO, Ceph, R2...) instead of AWS's own
 * @param pathStyle address the bucket as {@code endpoint/bucket/key} rather than {@code bucket.endpoint/key},
 *                  as most S3-compatible stores want
 */
@Context
@ConfigurationProperties("voip.s3")
public record S3Settings(
        @Nullable
        @Pattern(regexp = "[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]",
                message = "VOIP_S3_BUCKET must be an S3 bucket name: 3 to 63 lower-case letters, digits, '.' or '-'")
        String bucket,
        @Nullable
        @Pattern(regexp = "[a-z0-9-]{2,32}", message = "VOIP_S3_REGION must be a region such as eu-west-1")
        String region,
        @Nullable
        @Pattern(regexp = "https?://.+", message = "VOIP_S3_ENDPOINT must be a URL such as https://minio.example.com:9000")
        String endpoint,
        @Bindable(defaultValue = "false")
        boolean pathStyle) {

    /** The property whose presence selects the S3 recording store. */
    public static final String BUCKET = "voip.s3.bucket";
}

package com.cloudpbx.storage.recordings;

import com.cloudpbx.core.recordings.RangeNotSatisfiableException;
import com.cloudpbx.core.recordings.RecordingKey;
import com.cloudpbx.core.recordings.RecordingNotFoundException;
import com.cloudpbx.core.recordings.RecordingStoreException;
import com.cloudpbx.core.recordings.StoredRecording;
import com.cloudpbx.core.recordings.port.RecordingStore;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Recordings in an S3 bucket (or an S3-compatible store), one object per key. Files above
 * {@link #MULTIPART_THRESHOLD} go up in parts, several at once, through the SDK's multipart
 * support; every upload is then read back and its size and SHA-256 compared with the file's, which
 * holds whatever the store's ETag means (encryption with KMS, or an S3-compatible store's own
 * scheme) and catches a store that acknowledged bytes it does not serve.
 */
@Singleton
@Requires(property = S3Settings.BUCKET)
public final class S3RecordingStore implements RecordingStore, AutoCloseable {

    /** Above this size a file goes up in parts of this size. */
    public static final long MULTIPART_THRESHOLD = 8L * 1024 * 1024;

    private final S3AsyncClient s3;
    private final String bucket;

    @Inject
    public S3RecordingStore(S3Settings settings) {
        this(settings, DefaultCredentialsProvider.builder().build());
    }

    public S3RecordingStore(S3Settings settings, AwsCredentialsProvider credentials) {
        if (settings.bucket() == null) {
            throw new IllegalArgumentException("VOIP_S3_BUCKET must be set for recordings on S3");
        }
        this.bucket = settings.bucket();
        var builder = S3AsyncClient.builder()
                .credentialsProvider(credentials)
                .httpClientBuilder(NettyNioAsyncHttpClient.builder())
                .forcePathStyle(settings.pathStyle())
                .multipartEnabled(true)
                .multipartConfiguration(c -> c.thresholdInBytes(MULTIPART_THRESHOLD)
                        .minimumPartSizeInBytes(MULTIPART_THRESHOLD));
        if (settings.region() != null) {
            builder.region(Region.of(settings.region()));
        } else if (settings.endpoint() != null) {
            builder.region(Region.US_EAST_1);
        }
        if (settings.endpoint() != null) {
            // S3-compatible stores seldom read the checksums AWS S3 takes in aws-chunked trailers;
            // the read-back after each upload checks the bytes either way.
            builder.endpointOverride(URI.create(settings.endpoint()))
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        this.s3 = builder.build();
    }

    @Override
    public Kind kind() {
        return Kind.S3;
    }

    @Override
    public StoredRecording store(RecordingKey key, Path file) {
        Digests.Summary source;
        try {
            source = Digests.of(file);
        } catch (IOException e) {
            throw new RecordingStoreException("could not read " + file + " to store it as " + key + ": " + e, e);
        }
        await(s3.putObject(r -> r.bucket(bucket).key(key.value())
                .contentLength(source.size())
                .metadata(Map.of("sha256", source.sha256())), AsyncRequestBody.fromFile(file)), "store", key);
        Digests.Summary stored;
        try (var in = await(s3.getObject(r -> r.bucket(bucket).key(key.value()),
                AsyncResponseTransformer.toBlockingInputStream()), "read back", key)) {
            stored = Digests.of(in);
        } catch (IOException e) {
            throw new RecordingStoreException("could not read back " + key + " from bucket " + bucket + ": " + e, e);
        }
        if (!stored.equals(source)) {
            await(s3.deleteObject(r -> r.bucket(bucket).key(key.value())), "delete", key);
            throw new RecordingStoreException("bucket " + bucket + " returned other bytes for " + key + " ("
                    + stored.size() + " bytes, SHA-256 " + stored.sha256() + ") than " + file + " ("
                    + source.size() + " bytes, " + source.sha256() + "); the object was deleted");
        }
        return new StoredRecording(key, source.size(), source.sha256());
    }

    /**
     * {@inheritDoc} A HEAD answer carries no error code, so a missing bucket reads as a missing
     * recording here; storing is where a missing bucket is named.
     */
    @Override
    public OptionalLong size(RecordingKey key) {
        try {
            var head = s3.headObject(r -> r.bucket(bucket).key(key.value())).get();
            return OptionalLong.of(head.contentLength());
        } catch (ExecutionException e) {
            if (isNotFound(e.getCause())) {
                return OptionalLong.empty();
            }
            throw failure("read the size of", key, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("read the size of", key, e);
        }
    }

    @Override
    public InputStream read(RecordingKey key, long from, long to) {
        long size = size(key).orElseThrow(() -> new RecordingNotFoundException(key));
        if (from < 0 || from > to || to >= size) {
            throw new RangeNotSatisfiableException(key, from, to, size);
        }
        // Streams the range as it arrives; the body is never held in memory whole.
        return await(s3.getObject(r -> r.bucket(bucket).key(key.value()).range("bytes=" + from + "-" + to),
                AsyncResponseTransformer.toBlockingInputStream()), "read", key);
    }

    @Override
    public void delete(RecordingKey key) {
        // S3 answers a delete of a missing key with success: deleting twice is harmless by itself.
        await(s3.deleteObject(r -> r.bucket(bucket).key(key.value())), "delete", key);
    }

    @Override
    @PreDestroy
    public void close() {
        s3.close();
    }

    private <T> T await(CompletableFuture<T> call, String what, RecordingKey key) {
        try {
            return call.join();
        } catch (CompletionException e) {
            var cause = e.getCause() == null ? e : e.getCause();
            if (isNotFound(cause) && "read".equals(what)) {
                throw new RecordingNotFoundException(key);
            }
            throw failure(what, key, cause);
        }
    }

    private RecordingStoreException failure(String what, RecordingKey key, Throwable cause) {
        if (cause instanceof S3Exception s3Error && s3Error.awsErrorDetails() != null
                && "NoSuchBucket".equals(s3Error.awsErrorDetails().errorCode())) {
            return new RecordingStoreException("could not " + what + " " + key + ": bucket " + bucket
                    + " does not exist (VOIP_S3_BUCKET)", cause);
        }
        var message = cause instanceof SdkException ? cause.getMessage() : String.valueOf(cause);
        return new RecordingStoreException("could not " + what + " " + key + " in bucket " + bucket + ": " + message,
                cause);
    }

    private static boolean isNotFound(Throwable e) {
        return e instanceof S3Exception s3Error && s3Error.statusCode() == 404
                && (s3Error.awsErrorDetails() == null
                || !"NoSuchBucket".equals(s3Error.awsErrorDetails().errorCode()));
    }
}

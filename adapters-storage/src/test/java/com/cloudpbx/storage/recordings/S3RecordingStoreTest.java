package com.cloudpbx.storage.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.recordings.RecordingStoreContract;
import com.cloudpbx.core.recordings.RecordingStoreException;
import com.cloudpbx.core.recordings.port.RecordingStore;
import java.net.URI;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** The S3 store against s3proxy: a real S3 API server, in this JVM, keeping objects in memory. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3RecordingStoreTest extends RecordingStoreContract {

    private static final String BUCKET = "recordings-test";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";

    private BlobStoreContext blobs;
    private S3Proxy s3Proxy;
    private S3RecordingStore store;

    @BeforeAll
    void startS3() throws Exception {
        blobs = ContextBuilder.newBuilder("transient").credentials("identity", "credential")
                .build(BlobStoreContext.class);
        s3Proxy = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                // The SDK's multipart upload sends x-amz-mp-object-size, newer than s3proxy 2.6.0;
                // S3 and most compatible stores accept it.
                .ignoreUnknownHeaders(true)
                .build();
        s3Proxy.start();
        while (!"STARTED".equals(s3Proxy.getState())) {
            Thread.sleep(10);
        }
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        store = storeFor(BUCKET);
    }

    @AfterAll
    void stopS3() throws Exception {
        if (store != null) {
            store.close();
        }
        if (s3Proxy != null) {
            s3Proxy.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    private S3RecordingStore storeFor(String bucket) {
        var settings = new S3Settings(bucket, "us-east-1", "http://127.0.0.1:" + s3Proxy.getPort(), true);
        return new S3RecordingStore(settings,
                StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    private BlobStore blobStore() {
        return blobs.getBlobStore();
    }

    @Override
    protected RecordingStore store() {
        return store;
    }

    @Test
    void aRecordingAboveTheThresholdIsUploadedInParts() throws Exception {
        var key = newKey();

        store.store(key, file(bytes((int) (2.5 * S3RecordingStore.MULTIPART_THRESHOLD), 20)));

        // A multipart upload's ETag ends in "-<number of parts>".
        assertThat(blobStore().blobMetadata(BUCKET, key.value()).getETag()).endsWith("-3\"");
    }

    @Test
    void theFilesSha256IsKeptWithTheObject() throws Exception {
        var key = newKey();

        var stored = store.store(key, file(bytes(1_000, 21)));

        assertThat(blobStore().blobMetadata(BUCKET, key.value()).getUserMetadata())
                .containsEntry("sha256", stored.sha256());
    }

    @Test
    void anUploadToABucketThatDoesNotExistFailsNamingItAndStoresNothing() throws Exception {
        var source = file(bytes(1_000, 22));
        try (var missing = storeFor("no-such-bucket")) {
            var key = newKey();

            assertThatThrownBy(() -> missing.store(key, source))
                    .isInstanceOf(RecordingStoreException.class)
                    .hasMessageContaining("bucket no-such-bucket does not exist");
        }
        assertThat(blobStore().containerExists("no-such-bucket")).isFalse();
        assertThat(blobStore().list()).extracting(b -> b.getName()).containsExactly(BUCKET);
    }

    @Test
    void theStoreSaysItIsS3() {
        assertThat(store.kind()).isEqualTo(RecordingStore.Kind.S3);
    }
}

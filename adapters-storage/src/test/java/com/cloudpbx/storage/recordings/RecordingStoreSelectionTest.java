package com.cloudpbx.storage.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.recordings.RecordingKey;
import com.cloudpbx.core.recordings.port.RecordingStore;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.context.ApplicationContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which recording store the application gets is a matter of configuration alone. */
class RecordingStoreSelectionTest {

    @TempDir
    Path dir;

    @Test
    void withoutABucketRecordingsAreKeptInTheLocalDirectory() {
        try (var context = ApplicationContext.run(Map.of("voip.recordings.local-dir", dir.toString()))) {
            assertThat(context.getBean(RecordingStore.class)).isInstanceOf(LocalRecordingStore.class);
        }
    }

    @Test
    void aBucketPutsRecordingsOnS3() {
        try (var context = ApplicationContext.run(Map.of(
                "voip.s3.bucket", "recordings",
                "voip.s3.region", "eu-west-1",
                "voip.s3.endpoint", "http://127.0.0.1:9",
                "voip.s3.path-style", true))) {
            var store = context.getBean(RecordingStore.class);

            assertThat(store).isInstanceOf(S3RecordingStore.class);
            assertThat(store.kind()).isEqualTo(RecordingStore.Kind.S3);
        }
    }

    @Test
    void theLocalDirectoryIsTheOneConfigured() throws Exception {
        try (var context = ApplicationContext.run(Map.of("voip.recordings.local-dir", dir.toString()))) {
            var store = context.getBean(RecordingStore.class);
            var file = Files.writeString(dir.resolve("source.wav"), "RIFF");
            var key = new RecordingKey(TenantId.of(UUID.randomUUID()), LocalDate.of(2026, 3, 7), UUID.randomUUID(), "wav");

            store.store(key, file);

            assertThat(dir.resolve(key.value())).hasContent("RIFF");
        }
    }
}

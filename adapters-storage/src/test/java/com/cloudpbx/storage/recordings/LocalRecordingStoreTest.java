package com.cloudpbx.storage.recordings;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.recordings.RecordingStoreContract;
import com.cloudpbx.core.recordings.port.RecordingStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalRecordingStoreTest extends RecordingStoreContract {

    @TempDir
    Path root;

    private LocalRecordingStore store;

    @BeforeEach
    void openStore() {
        store = new LocalRecordingStore(root);
    }

    @Override
    protected RecordingStore store() {
        return store;
    }

    @Test
    void aRecordingIsKeptUnderItsKeyInTheDirectory() throws Exception {
        var key = newKey();

        store.store(key, file(bytes(10, 1)));

        assertThat(root.resolve(key.value())).isRegularFile().hasSize(10);
    }

    @Test
    void noTemporaryFileIsLeftBesideAStoredRecording() throws Exception {
        var key = newKey();

        store.store(key, file(bytes(10, 2)));

        try (var siblings = Files.list(root.resolve(key.value()).getParent())) {
            assertThat(siblings).containsExactly(root.resolve(key.value()));
        }
    }

    @Test
    void theStoreSaysItIsLocal() {
        assertThat(store.kind()).isEqualTo(RecordingStore.Kind.LOCAL);
    }
}

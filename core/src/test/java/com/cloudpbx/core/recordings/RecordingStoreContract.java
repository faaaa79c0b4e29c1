package com.cloudpbx.core.recordings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.recordings.port.RecordingStore;
import com.cloudpbx.core.shared.TenantId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.OptionalLong;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link RecordingStore} does; each adapter's test extends this with a real store. */
public abstract class RecordingStoreContract {

    private static final int SMALL = 100 * 1024;
    private static final int LARGE = 20 * 1024 * 1024;

    @TempDir
    protected Path files;

    /** The store under test; each test uses keys of its own, so one store may serve them all. */
    protected abstract RecordingStore store();

    protected static RecordingKey newKey() {
        return new RecordingKey(TenantId.of(UUID.randomUUID()), LocalDate.of(2026, 3, 7), UUID.randomUUID(), "wav");
    }

    protected static byte[] bytes(int length, long seed) {
        var bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(files, "recording", ".wav"), content);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void aStoredRecordingExistsWithItsSizeAndChecksum() throws Exception {
        var content = bytes(SMALL, 1);
        var key = newKey();

        var stored = store().store(key, file(content));

        assertThat(stored.key()).isEqualTo(key);
        assertThat(stored.size()).isEqualTo(SMALL);
        assertThat(stored.sha256()).isEqualTo(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(store().size(key)).isEqualTo(OptionalLong.of(SMALL));
    }

    @Test
    void aKeyNeverStoredHasNoSize() {
        assertThat(store().size(newKey())).isEmpty();
    }

    @Test
    void theFirstBytesAreReadAlone() throws Exception {
        var content = bytes(SMALL, 2);
        var key = newKey();
        store().store(key, file(content));

        assertThat(readAll(store().read(key, 0, 99))).isEqualTo(Arrays.copyOfRange(content, 0, 100));
    }

    @Test
    void aRangeInTheMiddleIsReadAlone() throws Exception {
        var content = bytes(SMALL, 3);
        var key = newKey();
        store().store(key, file(content));

        assertThat(readAll(store().read(key, 5_000, 70_000)))
                .isEqualTo(Arrays.copyOfRange(content, 5_000, 70_001));
    }

    @Test
    void theTailIsReadUpToTheLastByte() throws Exception {
        var content = bytes(SMALL, 4);
        var key = newKey();
        store().store(key, file(content));

        assertThat(readAll(store().read(key, SMALL - 10, SMALL - 1)))
                .isEqualTo(Arrays.copyOfRange(content, SMALL - 10, SMALL));
    }

    @Test
    void theRangeFromZeroToTheLastByteIsTheWholeRecording() throws Exception {
        var content = bytes(SMALL, 5);
        var key = newKey();
        store().store(key, file(content));

        assertThat(readAll(store().read(key, 0, SMALL - 1))).isEqualTo(content);
    }

    @Test
    void aRangePastTheEndIsRefusedWithTheRecordingsSize() throws Exception {
        var key = newKey();
        store().store(key, file(bytes(SMALL, 6)));

        assertThatThrownBy(() -> store().read(key, SMALL - 10, SMALL))
                .isInstanceOf(RangeNotSatisfiableException.class)
                .hasMessageContaining(key.value())
                .satisfies(e -> assertThat(((RangeNotSatisfiableException) e).size()).isEqualTo(SMALL));
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefused() throws Exception {
        var key = newKey();
        store().store(key, file(bytes(SMALL, 7)));

        assertThatThrownBy(() -> store().read(key, 10, 9)).isInstanceOf(RangeNotSatisfiableException.class);
    }

    @Test
    void readingAKeyNeverStoredSaysItIsNotFound() {
        var key = newKey();

        assertThatThrownBy(() -> store().read(key, 0, 0))
                .isInstanceOf(RecordingNotFoundException.class)
                .hasMessageContaining(key.value());
    }

    @Test
    void storingUnderTheSameKeyReplacesTheRecording() throws Exception {
        var key = newKey();
        store().store(key, file(bytes(SMALL, 8)));
        var second = bytes(1_000, 9);

        store().store(key, file(second));

        assertThat(readAll(store().read(key, 0, 999))).isEqualTo(second);
    }

    @Test
    void aDeletedRecordingIsGone() throws Exception {
        var key = newKey();
        store().store(key, file(bytes(SMALL, 10)));

        store().delete(key);

        assertThat(store().size(key)).isEmpty();
    }

    @Test
    void deletingTwiceIsHarmless() throws Exception {
        var key = newKey();
        store().store(key, file(bytes(SMALL, 11)));
        store().delete(key);

        store().delete(key);

        assertThat(store().size(key)).isEmpty();
    }

    @Test
    void aKeyClimbingOutOfTheStoreIsRefusedBeforeReachingIt() {
        assertThatThrownBy(() -> RecordingKey.parse("../../etc/2026/03/07/passwd.wav"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a recording key");
    }

    @Test
    void aTwentyMebibyteRecordingIsReadBackByteForByte() throws Exception {
        var content = bytes(LARGE, 12);
        var key = newKey();
        var source = file(content);

        long started = System.nanoTime();
        var stored = store().store(key, source);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%s store: %d bytes stored and verified in %.2f s (%.1f MB/s)%n",
                store().kind(), LARGE, seconds, LARGE / 1e6 / seconds);

        assertThat(stored.size()).isEqualTo(LARGE);
        assertThat(readAll(store().read(key, 0, LARGE - 1))).isEqualTo(content);
    }
}

package com.cloudpbx.storage.recordings;

import com.cloudpbx.core.recordings.RangeNotSatisfiableException;
import com.cloudpbx.core.recordings.RecordingKey;
import com.cloudpbx.core.recordings.RecordingNotFoundException;
import com.cloudpbx.core.recordings.RecordingStoreException;
import com.cloudpbx.core.recordings.StoredRecording;
import com.cloudpbx.core.recordings.port.RecordingStore;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Recordings as files under one directory, {@code <dir>/<tenant>/<yyyy>/<mm>/<dd>/<call>.<ext>}:
 * the store of a single node, or of nodes sharing a mounted volume. A recording is written to a
 * temporary file beside its place, synced, checked and then moved into place in one step, so a
 * reader sees the old recording or the new one, never half of one.
 */
@Singleton
@Requires(missingProperty = S3Settings.BUCKET)
public final class LocalRecordingStore implements RecordingStore {

    private final Path root;

    @Inject
    public LocalRecordingStore(RecordingSettings settings) {
        this(settings.localDirectory());
    }

    public LocalRecordingStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public Kind kind() {
        return Kind.LOCAL;
    }

    @Override
    public StoredRecording store(RecordingKey key, Path file) {
        var target = pathOf(key);
        Path temp = null;
        try {
            var source = Digests.of(file);
            Files.createDirectories(target.getParent());
            temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            try (var channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            var written = Digests.of(temp);
            if (!written.equals(source)) {
                throw new RecordingStoreException("the copy of " + file + " for " + key + " differs from it ("
                        + written.size() + " bytes, SHA-256 " + written.sha256() + " instead of "
                        + source.size() + " bytes, " + source.sha256() + ")");
            }
            move(temp, target);
            temp = null;
            return new StoredRecording(key, source.size(), source.sha256());
        } catch (IOException e) {
            throw new RecordingStoreException("could not store " + key + " under " + root + ": " + e, e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same directory, so only a file system without atomic renames gets here.
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public OptionalLong size(RecordingKey key) {
        var path = pathOf(key);
        try {
            return Files.isRegularFile(path) ? OptionalLong.of(Files.size(path)) : OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        } catch (IOException e) {
            throw new RecordingStoreException("could not read the size of " + key + ": " + e, e);
        }
    }

    @Override
    public InputStream read(RecordingKey key, long from, long to) {
        var path = pathOf(key);
        FileChannel channel;
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RecordingNotFoundException(key);
        } catch (IOException e) {
            throw new RecordingStoreException("could not open " + key + ": " + e, e);
        }
        try {
            long size = channel.size();
            if (from < 0 || from > to || to >= size) {
                throw new RangeNotSatisfiableException(key, from, to, size);
            }
            channel.position(from);
            return new RangeInputStream(Channels.newInputStream(channel), to - from + 1);
        } catch (IOException | RuntimeException e) {
            try {
                channel.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new RecordingStoreException("could not read " + key + ": " + e, e);
        }
    }

    @Override
    public void delete(RecordingKey key) {
        try {
            Files.deleteIfExists(pathOf(key));
        } catch (IOException e) {
            throw new RecordingStoreException("could not delete " + key + ": " + e, e);
        }
    }

    /** The key's file, refused if it would lie outside the root (keys are validated; this is the last word). */
    private Path pathOf(RecordingKey key) {
        var path = root.resolve(key.value()).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("recording key " + key + " lies outside " + root);
        }
        return path;
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // A leftover ".upload-*.tmp" is harmless: never read as a recording.
            }
        }
    }
}

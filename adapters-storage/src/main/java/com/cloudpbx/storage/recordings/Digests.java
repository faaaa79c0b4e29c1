package com.cloudpbx.storage.recordings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of files and streams, read in blocks rather than loaded whole. */
final class Digests {

    /** A stream's length and SHA-256 (lower-case hex). */
    record Summary(long size, String sha256) {
    }

    private Digests() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static Summary of(InputStream in) throws IOException {
        var digest = sha256();
        var buffer = new byte[64 * 1024];
        long size = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            digest.update(buffer, 0, n);
            size += n;
        }
        return new Summary(size, HexFormat.of().formatHex(digest.digest()));
    }

    static Summary of(Path file) throws IOException {
        try (var in = Files.newInputStream(file)) {
            return of(in);
        }
    }
}

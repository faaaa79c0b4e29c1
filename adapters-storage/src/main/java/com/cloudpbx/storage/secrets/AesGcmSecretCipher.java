package com.cloudpbx.storage.secrets;

import com.cloudpbx.core.shared.port.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be handed back in clear (SIP and trunk passwords, voicemail PINs)
 * with AES-GCM under the key configured as {@code VOIP_SECRET_KEY}.
 *
 * <p>Stored form: {@code "v1:" + base64(iv || ciphertext || tag)} with a fresh random 12-byte IV
 * per value and a 128-bit tag, so equal secrets never produce equal rows and any alteration is
 * detected. The "v1" prefix leaves room to rotate the scheme or key later. Random 96-bit IVs are
 * safe for far more values than a PBX will ever store under one key (NIST's bound is 2^32).
 */
public final class AesGcmSecretCipher implements SecretCipher {

    private static final String PREFIX = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int CONFIGURED_KEY_BYTES = 32;
    private static final Pattern HEX_KEY = Pattern.compile("^[0-9a-fA-F]{64}$");
    private static final String HOW_TO_GENERATE = " (generate one with: openssl rand -base64 32)";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param key an AES-128, -192 or -256 key (16, 24 or 32 bytes); copied, not retained */
    public AesGcmSecretCipher(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != 16 && key.length != 24 && key.length != 32) {
            throw new IllegalArgumentException(
                    "VOIP_SECRET_KEY must be an AES key of 16, 24 or 32 bytes, got " + key.length + " bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /**
     * Reads {@code VOIP_SECRET_KEY} as configured: 32 bytes written either as base64 or as 64
     * hexadecimal characters. The message never repeats the value, which is a secret.
     */
    public static byte[] parseKey(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("VOIP_SECRET_KEY is not set" + HOW_TO_GENERATE);
        }
        String value = configured.strip();
        // Checked first: 64 hex characters are also valid base64, but would decode to 48 bytes.
        if (HEX_KEY.matcher(value).matches()) {
            return HexFormat.of().parseHex(value);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "VOIP_SECRET_KEY is neither base64 nor 64 hexadecimal characters" + HOW_TO_GENERATE);
        }
        if (decoded.length != CONFIGURED_KEY_BYTES) {
            throw new IllegalArgumentException("VOIP_SECRET_KEY must decode to " + CONFIGURED_KEY_BYTES
                    + " bytes, got " + decoded.length + HOW_TO_GENERATE);
        }
        return decoded;
    }

    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            // AES-GCM is mandatory in every Java runtime, so this is a broken platform.
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /**
     * @throws IllegalArgumentException if {@code stored} is not in the v1 format
     * @throws IllegalStateException if it does not authenticate: the key differs from the one
     *                               that encrypted it, or the value was altered
     */
    public String decrypt(String stored) {
        Objects.requireNonNull(stored, "stored");
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalArgumentException("stored secret is not in the v1 format");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("stored secret is not in the v1 format: invalid base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("stored secret is not in the v1 format: too short");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            byte[] plain = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "stored secret failed authentication: VOIP_SECRET_KEY differs from the key that encrypted it,"
                            + " or the value was altered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }
}

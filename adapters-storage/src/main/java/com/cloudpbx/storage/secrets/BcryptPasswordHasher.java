package com.cloudpbx.storage.secrets;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.cloudpbx.core.identity.port.PasswordHasher;
import java.util.Objects;

/**
 * Hashes the passwords people choose for admin and superadmin accounts with bcrypt. bcrypt reads
 * at most 72 bytes; a longer password is rejected when hashed (the core's password rules stop it
 * earlier) and simply does not match when verified.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    /** About a quarter of a second per hash on a current server core: slow for guessing, fine for a login. */
    public static final int DEFAULT_COST = 12;

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.withDefaults();
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer();

    public BcryptPasswordHasher() {
        this(DEFAULT_COST);
    }

    /** @param cost the log2 work factor, 4-31; tests use 4 to stay fast */
    public BcryptPasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException(
                    "bcrypt cost must be between " + BCrypt.MIN_COST + " and " + BCrypt.MAX_COST + ", got " + cost);
        }
        this.cost = cost;
    }

    /** @return a modular-crypt string ({@code $2a$<cost>$...}) with its own random salt */
    public String hash(String password) {
        Objects.requireNonNull(password, "password");
        return hasher.hashToString(cost, password.toCharArray());
    }

    /** False for a wrong password, a password bcrypt cannot take, or a malformed hash; never throws for those. */
    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            return verifyer.verify(password.toCharArray(), hash).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

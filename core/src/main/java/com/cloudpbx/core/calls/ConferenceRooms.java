package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conference names as tenants see them, and the switch's room names behind them: every room is
 * prefixed with its tenant, so one tenant can never reach another's room, even by guessing.
 */
public final class ConferenceRooms {

    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final Pattern ROOM_PREFIX = Pattern.compile("t[0-9a-f]{32}-");
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";

    private final SecureRandom random;

    public ConferenceRooms(SecureRandom random) {
        this.random = random;
    }

    public String requireName(String name, String field) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw DomainException.invalid(field, "must be 1-64 letters, digits, '-' or '_'");
        }
        return name;
    }

    public String generateName() {
        StringBuilder name = new StringBuilder("conf-");
        for (int i = 0; i < 8; i++) {
            name.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }

    public String room(TenantId tenant, String name) {
        return prefix(tenant) + name;
    }

    /** The tenant's name of a switch room, or empty when the room is not the tenant's. */
    public Optional<String> nameOf(TenantId tenant, String room) {
        String prefix = prefix(tenant);
        return room.startsWith(prefix) ? Optional.of(room.substring(prefix.length())) : Optional.empty();
    }

    /** The tenant a room belongs to, when it is one of ours. */
    public Optional<TenantId> tenantOf(String room) {
        if (!ROOM_PREFIX.matcher(room).lookingAt()) {
            return Optional.empty();
        }
        String hex = room.substring(1, 33);
        try {
            return Optional.of(TenantId.of(java.util.UUID.fromString(hex.replaceFirst(
                    "(\\p{XDigit}{8})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{4})(\\p{XDigit}{12})",
                    "$1-$2-$3-$4-$5"))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String prefix(TenantId tenant) {
        return "t" + tenant.value().toString().replace("-", "") + "-";
    }
}

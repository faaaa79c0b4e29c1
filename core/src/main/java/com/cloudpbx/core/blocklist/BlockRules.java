package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which of a tenant's entries a number falls under, for a call in one direction: an entry
 * for exactly that number first, then the longest matching prefix, then {@code anonymous} for a
 * caller without a usable caller id. Pure: the rules are handed in, so the routing engine can load
 * them once per call and ask several questions.
 */
public final class BlockRules {

    /** What callers who withhold their number send as caller id (compared ignoring case). */
    private static final Set<String> WITHHELD = Set.of("", "anonymous", "restricted", "unknown", "private");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\s().-]");
    private static final Pattern PLUS_DIGITS = Pattern.compile("^\\+\\d{1,20}$");

    private BlockRules() {
    }

    /**
     * The entry that stops a call going {@code direction} (inbound: {@code number} is the caller;
     * outbound: the number dialled; {@link BlockDirection#BOTH}: either) — empty when none does.
     */
    public static Optional<BlockedNumber> match(List<BlockedNumber> rules, BlockDirection direction, String number) {
        List<BlockedNumber> applicable = rules.stream().filter(rule -> rule.direction().covers(direction)).toList();
        if (withheld(number)) {
            return applicable.stream().filter(rule -> rule.pattern().kind() == BlockPattern.Kind.ANONYMOUS).findFirst();
        }
        Optional<String> e164 = e164(number);
        if (e164.isPresent()) {
            Optional<BlockedNumber> exact = applicable.stream()
                    .filter(rule -> rule.pattern().kind() == BlockPattern.Kind.EXACT)
                    .filter(rule -> rule.pattern().value().equals(e164.get())).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
        }
        // A number too short or too long for its country still starts with what it starts with.
        Optional<String> digits = e164.or(() -> plusDigits(number));
        return digits.flatMap(plus -> applicable.stream()
                .filter(rule -> rule.pattern().kind() == BlockPattern.Kind.PREFIX)
                .filter(rule -> plus.startsWith(rule.pattern().value()))
                .max(Comparator.comparingInt(rule -> rule.pattern().value().length())));
    }

    /** Whether a caller id carries no number at all: absent, blank, or one of the withheld words. */
    public static boolean withheld(String callerId) {
        return callerId == null || WITHHELD.contains(callerId.strip().toLowerCase(Locale.ROOT));
    }

    private static Optional<String> e164(String number) {
        try {
            return Optional.of(PhoneNumber.parse(number, "number").e164());
        } catch (DomainException | IllegalArgumentException notANumber) {
            String digits = PUNCTUATION.matcher(number.strip()).replaceAll("");
            // Carriers often send the caller without its plus: 17865559999.
            if (digits.matches("^[1-9]\\d{6,14}$")) {
                try {
                    return Optional.of(PhoneNumber.parse("+" + digits, "number").e164());
                } catch (DomainException | IllegalArgumentException stillNot) {
                    return Optional.empty();
                }
            }
            return Optional.empty();
        }
    }

    private static Optional<String> plusDigits(String number) {
        String digits = PUNCTUATION.matcher(number.strip()).replaceAll("");
        if (PLUS_DIGITS.matcher(digits).matches()) {
            return Optional.of(digits);
        }
        // Bare digits count as a number only at E.164's length: "1900" is an extension, not +1900.
        if (digits.matches("^[1-9]\\d{6,14}$")) {
            return Optional.of("+" + digits);
        }
        return Optional.empty();
    }
}

package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a blocklist entry matches: one number (E.164), every number starting with a prefix
 * ({@code +1900*}), or callers who send no usable caller id ({@code anonymous}). Its wire form is
 * what the entry's {@code number} field shows and what makes two entries the same.
 */
public record BlockPattern(Kind kind, String value) {

    public static final String ANONYMOUS = "anonymous";

    private static final Pattern PREFIX = Pattern.compile("^\\+[1-9]\\d{0,14}$");
    private static final Pattern PUNCTUATION = Pattern.compile("[\\s().-]");
    private static final String EXPECTED = "must be a phone number such as +17865559999, a prefix such as +1900* or "
            + ANONYMOUS;

    public enum Kind {
        EXACT,
        PREFIX,
        ANONYMOUS
    }

    public BlockPattern {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    public static BlockPattern exact(PhoneNumber number) {
        return new BlockPattern(Kind.EXACT, number.e164());
    }

    public static BlockPattern prefix(String plusDigits) {
        if (!PREFIX.matcher(plusDigits).matches()) {
            throw new IllegalArgumentException("a prefix is + and 1 to 15 digits");
        }
        return new BlockPattern(Kind.PREFIX, plusDigits);
    }

    public static BlockPattern anonymous() {
        return new BlockPattern(Kind.ANONYMOUS, ANONYMOUS);
    }

    /** Reads what a client sent; anything that is none of the three forms is refused on {@code field}. */
    public static BlockPattern parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String text = input.strip();
        if (text.equalsIgnoreCase(ANONYMOUS)) {
            return anonymous();
        }
        if (text.endsWith("*")) {
            String digits = PUNCTUATION.matcher(text.substring(0, text.length() - 1)).replaceAll("");
            if (!PREFIX.matcher(digits).matches()) {
                throw DomainException.invalid(field, EXPECTED);
            }
            return prefix(digits);
        }
        if (text.length() > 32) {
            throw DomainException.invalid(field, EXPECTED);
        }
        try {
            return exact(PhoneNumber.parse(text, field));
        } catch (DomainException notANumber) {
            throw DomainException.invalid(field, EXPECTED);
        }
    }

    /** Reads a stored wire form back; stored forms were produced by {@link #parse}. */
    public static BlockPattern ofWire(String wire) {
        if (ANONYMOUS.equals(wire)) {
            return anonymous();
        }
        if (wire.endsWith("*")) {
            return prefix(wire.substring(0, wire.length() - 1));
        }
        return exact(new PhoneNumber(wire));
    }

    public String wire() {
        return kind == Kind.PREFIX ? value + "*" : value;
    }

    @Override
    public String toString() {
        return wire();
    }
}

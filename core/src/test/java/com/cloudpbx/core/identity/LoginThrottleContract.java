package com.cloudpbx.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.port.LoginThrottle;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import org.junit.jupiter.api.Test;

/** What every {@link LoginThrottle} must do; adapters extend this with their own throttle. */
public abstract class LoginThrottleContract {

    private static final int LIMIT = 3;
    private static final int UNLIMITED = 1_000_000;

    /**
     * A throttle that allows {@code perAccount} attempts per account and {@code perAddress} per
     * client address before it refuses, none of them made yet.
     */
    protected abstract LoginThrottle newThrottle(int perAccount, int perAddress);

    @Test
    void attemptsWithinBothLimitsAreAllowed() {
        LoginThrottle throttle = newThrottle(LIMIT, LIMIT);

        assertThatCode(() -> {
            for (int i = 0; i < LIMIT; i++) {
                throttle.acquire("alice@example.test", "203.0.113.1");
            }
        }).doesNotThrowAnyException();
    }

    @Test
    void anAccountPastItsLimitIsRefusedAsRateLimitedFromAnyAddress() {
        LoginThrottle throttle = newThrottle(LIMIT, UNLIMITED);
        for (int i = 1; i <= LIMIT; i++) {
            throttle.acquire("victim@example.test", "203.0.113." + i);
        }

        assertThatThrownBy(() -> throttle.acquire("victim@example.test", "198.51.100.1"))
                .isInstanceOfSatisfying(DomainException.class, 
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
    }

    @Test
    void anAddressPastItsLimitIsRefusedAsRateLimitedForAnyAccount() {
        LoginThrottle throttle = newThrottle(UNLIMITED, LIMIT);
        for (int i = 1; i <= LIMIT; i++) {
            throttle.acquire("account-" + i + "@example.test", "203.0.113.1");
        }

        assertThatThrownBy(() -> throttle.acquire("someone-else@example.test", "203.0.113.1"))
                .isInstanceOfSatisfying(DomainException.class, 
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED));
    }

    @Test
    void anotherAccountFromAnotherAddressIsNotThrottled() {
        LoginThrottle throttle = newThrottle(LIMIT, LIMIT);
        for (int i = 0; i < LIMIT; i++) {
            throttle.acquire("victim@example.test", "203.0.113.1");
        }

        assertThatCode(() -> throttle.acquire("someone@example.test", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void anotherAccountFromAnotherAddressIsNotThrottledWhileAnAddressIsExhausted() {
        LoginThrottle throttle = newThrottle(UNLIMITED, LIMIT);
        for (int i = 1; i <= LIMIT; i++) {
            throttle.acquire("account-" + i + "@example.test", "203.0.113.1");
        }

        assertThatCode(() -> throttle.acquire("account-1@example.test", "198.51.100.1")).doesNotThrowAnyException();
    }
}

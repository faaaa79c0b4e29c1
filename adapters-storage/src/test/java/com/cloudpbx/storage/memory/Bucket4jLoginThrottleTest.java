package com.cloudpbx.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.identity.LoginThrottleContract;
import com.cloudpbx.core.identity.port.LoginThrottle;
import com.cloudpbx.core.shared.DomainException;
import org.junit.jupiter.api.Test;

class Bucket4jLoginThrottleTest extends LoginThrottleContract {

    private static final int PER_ACCOUNT = 3;

    private final Bucket4jLoginThrottle throttle = new Bucket4jLoginThrottle(PER_ACCOUNT, 1_000_000, 100_000);

    @Override
    protected LoginThrottle newThrottle(int perAccount, int perAddress) {
        return new Bucket4jLoginThrottle(perAccount, perAddress, 100_000);
    }

    @Test
    void aFloodOfNewNamesDoesNotForgiveAnAccountUnderAttack() {
        for (int i = 0; i < PER_ACCOUNT; i++) {
            throttle.acquire("victim@example.test", "203.0.113.1");
        }

        for (int i = 0; i < 120_000; i++) {
            throttle.acquire("noise-" + i + "@example.test", "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255));
            if (i % 1_000 == 0) {
                assertThatThrownBy(() -> throttle.acquire("victim@example.test", "198.51.100.1"))
                        .isInstanceOf(DomainException.class);
            }
        }
    }

    @Test
    void aFloodOfNewNamesHoldsNoMoreBucketsThanTheBound() {
        Bucket4jLoginThrottle bounded = new Bucket4jLoginThrottle(PER_ACCOUNT, 1_000_000, 1_000);

        for (int i = 0; i < 10_000; i++) {
            bounded.acquire("noise-" + i + "@example.test", "10.0." + (i >> 8) + "." + (i & 255));
        }

        assertThat(bounded.trackedBuckets()).isLessThanOrEqualTo(2_000);
    }

    @Test
    void attemptsFromAddressesOfOneIpv6Slash64ShareOneBudget() {
        Bucket4jLoginThrottle byAddress = new Bucket4jLoginThrottle(1_000, 3, 100_000);
        for (int i = 1; i <= 3; i++) {
            byAddress.acquire("account-" + i + "@example.test", "2001:db8:1:2::" + i);
        }

        assertThatThrownBy(() -> byAddress.acquire("account-4@example.test", "2001:db8:1:2:ffff::1"))
                .isInstanceOf(DomainException.class);
        assertThatCode(() -> byAddress.acquire("account-5@example.test", "2001:db8:1:3::1"))
                .doesNotThrowAnyException();
    }
}

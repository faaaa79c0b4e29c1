package com.cloudpbx.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.DomainException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class LocalWhileRedisFailsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final LocalWhileRedisFails fallback = new LocalWhileRedisFails("test guards", "redis:6379", nanos::get);
    private final AtomicInteger asked = new AtomicInteger();

    private final Supplier<String> failing = () -> {
        asked.incrementAndGet();
        throw DomainException.unavailable("BACKEND_UNAVAILABLE", "Redis is unavailable");
    };
    private final Supplier<String> answering = () -> {
        asked.incrementAndGet();
        return "shared";
    };

    @Test
    void redisFailingIsAnsweredLocally() {
        assertThat(fallback.call(failing, () -> "local")).isEqualTo("local");
        assertThat(fallback.failing()).isTrue();
    }

    @Test
    void duringAnOutageRedisIsAskedAgainOnceASecondOnly() {
        fallback.call(failing, () -> "local");
        for (int i = 0; i < 100; i++) {
            fallback.call(failing, () -> "local");
        }
        assertThat(asked).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        fallback.call(failing, () -> "local");
        fallback.call(failing, () -> "local");

        assertThat(asked).hasValue(2);
    }

    @Test
    void theFirstAnswerFromRedisEndsTheOutage() {
        fallback.call(failing, () -> "local");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());

        assertThat(fallback.call(answering, () -> "local")).isEqualTo("shared");
        assertThat(fallback.failing()).isFalse();
        assertThat(fallback.call(answering, () -> "local")).isEqualTo("shared");
    }

    @Test
    void aRefusalFromTheSharedGuardIsNotAnOutage() {
        Supplier<String> refusing = () -> {
            throw DomainException.rateLimited("Too many", Duration.ofSeconds(5));
        };

        assertThatThrownBy(() -> fallback.call(refusing, () -> "local")).isInstanceOf(DomainException.class);
        assertThat(fallback.failing()).isFalse();
    }
}

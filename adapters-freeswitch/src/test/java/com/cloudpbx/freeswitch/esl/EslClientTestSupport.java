package com.cloudpbx.freeswitch.esl;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A fake switch on a random 127.0.0.1 port and a real client against it, torn down after each test. */
abstract class EslClientTestSupport {

    static final Duration WAIT = Duration.ofSeconds(5);
    static final String PASSWORD = "s3cret";

    final FakeFreeSwitch fake = new FakeFreeSwitch(PASSWORD);
    final RecordingListener listener = new RecordingListener();
    EslClient client;

    @BeforeEach
    void startFake() {
        fake.start();
    }

    @AfterEach
    void stopAll() {
        if (client != null) {
            client.close();
        }
        fake.close();
    }

    EslClientSettings settings() {
        return EslClientSettings.defaults()
                .withReconnect(Duration.ofMillis(20), Duration.ofMillis(200))
                .withHeartbeatTimeout(Duration.ofSeconds(30))
                .withQueueCapacity(1_000);
    }

    EslClient connect(EslClientSettings settings, String password) throws InterruptedException {
        client = new EslClient(new EslConnection("127.0.0.1", fake.port(), password), settings, listener);
        client.start();
        return client;
    }

    EslClient connected() throws InterruptedException {
        connect(settings(), PASSWORD);
        listener.awaitConnects(1, WAIT);
        return client;
    }

    static Map<String, String> event(String name, String... headerPairs) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Event-Name", name);
        for (int i = 0; i < headerPairs.length; i += 2) {
            headers.put(headerPairs[i], headerPairs[i + 1]);
        }
        return headers;
    }

    static void eventually(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + WAIT);
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }
}

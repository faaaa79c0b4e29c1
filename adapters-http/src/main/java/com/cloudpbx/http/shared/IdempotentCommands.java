package com.cloudpbx.http.shared;

import com.cloudpbx.core.idempotency.Idempotency;
import com.cloudpbx.core.shared.Actor;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;

/**
 * Runs a call-control command under the request's {@code Idempotency-Key}, when it has one: a
 * repeat from the same principal in the same tenant returns the first response (marked
 * {@code Idempotent-Replayed}) and sends nothing to the switch again.
 */
@Singleton
public class IdempotentCommands {

    public static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final Idempotency idempotency;
    private final JsonMapper json;

    public IdempotentCommands(Idempotency idempotency, JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    public HttpResponse<?> run(Actor actor, HttpRequest<?> request, Object body, int status, Supplier<?> command) {
        String key = request.getHeaders().get(KEY_HEADER);
        if (key == null) {
            return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status)).body(command.get());
        }
        boolean[] ran = {false};
        Idempotency.Outcome outcome = idempotency.once(actor, key.strip(), fingerprint(request, body),
                () -> {
                    ran[0] = true;
                    return new Idempotency.Outcome(status, write(command.get()));
                });
        var response = HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(outcome.status()))
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(outcome.body().getBytes(StandardCharsets.UTF_8));
        return ran[0] ? response : response.header(REPLAYED_HEADER, "true");
    }

    /** The same key must come with the same method, path and body to be a repeat. */
    private String fingerprint(HttpRequest<?> request, Object body) {
        String canonical = request.getMethodName() + " " + request.getPath() + "\n" + (body == null ? "" : write(body));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

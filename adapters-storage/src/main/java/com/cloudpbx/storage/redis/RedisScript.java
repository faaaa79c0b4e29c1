package com.cloudpbx.storage.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * A Lua script run atomically by Redis, sent by its SHA-1 (EVALSHA) so each call carries only the
 * digest; a Redis that does not know it yet (restarted, flushed) gets the whole script once (EVAL,
 * which also caches it).
 */
final class RedisScript {

    private final String source;
    private final String sha;

    RedisScript(String source) {
        this.source = source;
        this.sha = sha1(source);
    }

    /** The script's reply, waited for as {@link RedisConnections#await} does. */
    <T> T run(RedisConnections redis, ScriptOutputType type, String[] keys, String... args) {
        return redis.await(this.<T>send(redis, type, keys, args));
    }

    /** Sends the script without waiting; its reply, or the failure, completes the stage. */
    <T> CompletionStage<T> send(RedisConnections redis, ScriptOutputType type, String[] keys, String... args) {
        RedisAsyncCommands<String, String> commands = redis.async();
        return commands.<T>evalsha(sha, type, keys, args)
                .exceptionallyCompose(failure -> unknownScript(failure)
                        ? commands.<T>eval(source, type, keys, args)
                        : CompletableFuture.failedStage(failure));
    }

    private static boolean unknownScript(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof RedisNoScriptException
                || (cause.getMessage() != null && cause.getMessage().startsWith("NOSCRIPT"));
    }

    private static String sha1(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}

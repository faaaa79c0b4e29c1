package com.cloudpbx.storage.postgres;

import com.cloudpbx.core.operations.port.BackendHealth;
import io.micronaut.data.connection.ConnectionDefinition;
import io.micronaut.data.connection.ConnectionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether PostgreSQL answers, for the health route (as the backend named "database"). The answer
 * comes within {@link #TIMEOUT} whatever the database does: taking a connection from the pool can block for the pool's own,
 * much longer timeout, so the check runs on a thread of its own and is waited for only that
 * long. A check still running is shared by later callers instead of starting another, so a
 * hung database and a busy prober cannot pile up threads.
 */
@Singleton
public class PostgresHealth implements BackendHealth {

    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ConnectionOperations<Connection> connections;
    private final AtomicReference<CompletableFuture<Void>> running = new AtomicReference<>();

    public PostgresHealth(ConnectionOperations<Connection> connections) {
        this.connections = connections;
    }

    @Override
    public String name() {
        return "database";
    }

    /** Empty when {@code SELECT 1} succeeded within the timeout; otherwise why it did not. */
    @Override
    public Optional<String> failure() {
        Future<?> check = currentCheck();
        try {
            check.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of("PostgreSQL did not answer within " + TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            return Optional.of("PostgreSQL: " + rootMessage(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("PostgreSQL check was interrupted");
        }
    }

    private Future<?> currentCheck() {
        while (true) {
            CompletableFuture<Void> current = running.get();
            if (current != null && !current.isDone()) {
                return current;
            }
            // Claim the slot before submitting, so concurrent callers share one check.
            var next = new CompletableFuture<Void>();
            if (running.compareAndSet(current, next)) {
                // A virtual thread: it is a daemon, so one stuck on a dead database never holds up shutdown.
                Thread.ofVirtual().name("postgres-health").start(() -> {
                    try {
                        selectOne();
                        next.complete(null);
                    } catch (Throwable failure) {
                        next.completeExceptionally(failure);
                    }
                });
                return next;
            }
        }
    }

    private void selectOne() {
        connections.execute(ConnectionDefinition.DEFAULT, status -> {
            try (Statement statement = status.getConnection().createStatement()) {
                statement.setQueryTimeout((int) TIMEOUT.toSeconds());
                statement.execute("SELECT 1");
                return null;
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

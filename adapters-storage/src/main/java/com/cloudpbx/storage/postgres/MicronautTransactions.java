package com.cloudpbx.storage.postgres;

import com.cloudpbx.core.shared.port.Transactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.function.Supplier;

/**
 * Core's unit of work on Micronaut's JDBC transaction manager. Repositories join it without being
 * handed anything: the transaction binds its connection to the propagated context, and the
 * {@code DataSource} bean that jOOQ and Micronaut Data draw from hands out that connection.
 * A nested call joins the outer transaction rather than starting its own.
 */
@Singleton
public class MicronautTransactions implements Transactions {

    private final TransactionOperations<Connection> operations;

    public MicronautTransactions(TransactionOperations<Connection> operations) {
        this.operations = operations;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return operations.executeWrite(status -> work.get());
    }
}

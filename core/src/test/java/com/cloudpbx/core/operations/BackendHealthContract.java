package com.cloudpbx.core.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.operations.port.BackendHealth;
import org.junit.jupiter.api.Test;

/**
 * What every {@link BackendHealth} must do; adapters extend this with their check on a backend
 * that answers and on one that cannot be reached.
 */
public abstract class BackendHealthContract {

    /** The check on a backend that answers. */
    protected abstract BackendHealth healthy();

    /** The check on a backend that cannot be reached, configured with {@link #secret()}. */
    protected abstract BackendHealth unreachable();

    /** A credential the unreachable backend is configured with (a password), which no answer may repeat. */
    protected abstract String secret();

    @Test
    void aBackendIsNamed() {
        assertThat(healthy().name()).isNotBlank();
    }

    @Test
    void aBackendKeepsItsNameWhileDown() {
        assertThat(unreachable().name()).isEqualTo(healthy().name());
    }

    @Test
    void aBackendThatAnswersReportsNoFailure() {
        assertThat(healthy().failure()).isEmpty();
    }

    @Test
    void aBackendThatCannotBeReachedSaysWhy() {
        assertThat(unreachable().failure()).hasValueSatisfying(reason -> assertThat(reason).isNotBlank());
    }

    @Test
    void theReasonGivesNoSecretAway() {
        assertThat(unreachable().failure()).hasValueSatisfying(reason -> assertThat(reason).doesNotContain(secret()));
    }
}

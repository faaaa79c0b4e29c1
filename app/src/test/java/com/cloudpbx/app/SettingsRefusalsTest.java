package com.cloudpbx.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.exceptions.BeanInstantiationException;
import org.junit.jupiter.api.Test;

class SettingsRefusalsTest {

    @Test
    void aSettingTheContextRefusedBecomesARefusalWithEachConstraintsMessage() {
        var failure = new IllegalStateException("start failed", new BeanInstantiationException(
                "Validation failed for bean definition [com.cloudpbx.http.calls.ExportSettings]\n"
                        + "List of constraint violations:[\n"
                        + "\tExportSettings.maxPerTenant - VOIP_EXPORT_MAX_PER_TENANT must be a whole number from 1 to 100\n"
                        + "\tExportSettings.stallSeconds - VOIP_EXPORT_STALL_SECONDS must be a whole number from 1 to 30\n"
                        + "]"));

        assertThat(SettingsRefusals.of(failure)).hasValueSatisfying(refusal -> assertThat(refusal.getMessage())
                .isEqualTo("VOIP_EXPORT_MAX_PER_TENANT must be a whole number from 1 to 100; "
                        + "VOIP_EXPORT_STALL_SECONDS must be a whole number from 1 to 30"));
    }

    @Test
    void aRefusalRaisedWhileABeanWasMadeIsFoundInsideTheContextsException() {
        var refusal = new StartupRefusal("VOIP_X is wrong");

        assertThat(SettingsRefusals.of(new IllegalStateException("wrapped", refusal))).containsSame(refusal);
    }

    @Test
    void aFailureThatIsNoSettingsIsNoRefusal() {
        assertThat(SettingsRefusals.of(new IllegalStateException("database down"))).isEmpty();
    }
}

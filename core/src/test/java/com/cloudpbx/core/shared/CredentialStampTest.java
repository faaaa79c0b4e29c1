package com.cloudpbx.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CredentialStampTest {

    @Test
    void aStampPacksIntoOneNumberAndBackUnchanged() {
        CredentialStamp stamp = new CredentialStamp(3, 7);

        assertThat(CredentialStamp.unpack(stamp.packed())).isEqualTo(stamp);
    }

    @Test
    void stampsWhoseVersionsHaveTheSameSumAreDifferentTokens() {
        assertThat(new CredentialStamp(1, 0).packed()).isNotEqualTo(new CredentialStamp(0, 1).packed());
    }

    @Test
    void aStampWithoutTenantVersionPacksToTheExtensionVersionAlone() {
        assertThat(new CredentialStamp(0, 5).packed()).isEqualTo(5);
    }

    @Test
    void aNegativeVersionIsRefused() {
        assertThatThrownBy(() -> new CredentialStamp(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}

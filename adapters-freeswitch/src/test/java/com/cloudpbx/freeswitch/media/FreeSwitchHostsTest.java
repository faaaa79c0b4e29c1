package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.freeswitch.esl.EslConnection;
import org.junit.jupiter.api.Test;

class FreeSwitchHostsTest {

    @Test
    void eachCommaSeparatedEntryIsOneMediaServer() {
        FreeSwitchHosts hosts = FreeSwitchHosts.parse("fs1.internal:8021:s3cret, fs2.internal");

        assertThat(hosts.connections()).extracting(EslConnection::address)
                .containsExactly("fs1.internal:8021", "fs2.internal:8021");
    }

    @Test
    void aValueNamingNoHostIsRefusedRatherThanReadAsNoMediaServer() {
        assertThatThrownBy(() -> FreeSwitchHosts.parse(" , ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_FREESWITCH_HOSTS");
    }

    @Test
    void hostsWithoutAPasswordAreTheOnesOnTheFactoryPassword() {
        FreeSwitchHosts hosts = FreeSwitchHosts.parse("fs1.internal:8021:s3cret,fs2.internal");

        assertThat(hosts.withFactoryPassword()).extracting(EslConnection::address).containsExactly("fs2.internal:8021");
    }
}

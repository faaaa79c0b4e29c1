package com.cloudpbx.storage.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestServerTest {

    @Test
    void replacesTheDatabaseAndKeepsHostsAndProperties() {
        assertThat(TestServer.withDatabase("jdbc:postgresql://db:5432/postgres?sslmode=disable", "t1"))
                .isEqualTo("jdbc:postgresql://db:5432/t1?sslmode=disable");
        assertThat(TestServer.withDatabase("jdbc:postgresql://a:1,b:2/postgres", "t1"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/t1");
        assertThat(TestServer.withDatabase("jdbc:postgresql://localhost", "t1"))
                .isEqualTo("jdbc:postgresql://localhost/t1");
        assertThat(TestServer.withDatabase("jdbc:postgresql://localhost/?user=me", "t1"))
                .isEqualTo("jdbc:postgresql://localhost/t1?user=me");
    }

    @Test
    void rejectsUrlsWithoutAHost() {
        assertThatThrownBy(() -> TestServer.withDatabase("jdbc:postgresql:postgres", "t1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("VOIP_TEST_DB_URL");
    }
}

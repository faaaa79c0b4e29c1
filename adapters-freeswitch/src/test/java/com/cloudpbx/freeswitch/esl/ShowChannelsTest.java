package com.cloudpbx.freeswitch.esl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShowChannelsTest {

    @Test
    void no_channels_answer_a_row_count_of_zero_without_rows_and_read_as_empty() {
        assertThat(ShowChannels.parse("{\"row_count\":0}\n")).isEmpty();
    }

    @Test
    void each_row_becomes_a_map_of_its_columns() {
        String json = """
                {"row_count":2,"rows":[
                  {"uuid":"6f1c2a9e","direction":"inbound","created_epoch":"1741944290","cid_num":"1001","callstate":"ACTIVE"},
                  {"uuid":"a83b0d12","direction":"outbound","created_epoch":"1741944290","cid_num":"+18005550100","callstate":"HELD"}]}
                """;

        var channels = ShowChannels.parse(json);

        assertThat(channels).hasSize(2);
        assertThat(channels.get(0)).containsEntry("uuid", "6f1c2a9e").containsEntry("callstate", "ACTIVE");
        assertThat(channels.get(1)).containsEntry("cid_num", "+18005550100");
    }

    @Test
    void empty_columns_stay_empty_strings() {
        var channels = ShowChannels.parse("{\"row_count\":1,\"rows\":[{\"uuid\":\"x\",\"application\":\"\"}]}");

        assertThat(channels.get(0)).containsEntry("application", "");
    }

    @Test
    void an_answer_that_is_not_a_json_object_is_refused() {
        assertThatThrownBy(() -> ShowChannels.parse("-ERR no reply"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("show channels");
    }
}

package org.vigil.engine.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AttributeCodecTest {

    @Test
    void writes_sorted_lines_readable_by_a_person() {
        assertThat(AttributeCodec.encode(Map.of("state", "2", "output", "a=b\nc")))
                .isEqualTo("output=a=b\\nc\nstate=2");
    }

    @Test
    void round_trips_awkward_names_and_values() {
        Map<String, String> m = Map.of("", "", "=", "=", "\\", "\\n", "a\nb", "\0\r\n", "ü🚨", "日本");
        assertThat(AttributeCodec.decode(AttributeCodec.encode(m))).isEqualTo(m);
    }

    @Test
    void an_empty_map_is_an_empty_string() {
        assertThat(AttributeCodec.encode(Map.of())).isEmpty();
        assertThat(AttributeCodec.decode("")).isEmpty();
    }

    @Test
    void usual_values_are_named_by_a_mask_and_read_back_as_they_were() {
        Map<String, String> m = Map.of("current_state", "0", "state_type", "1", "plugin_output", "OK: ok",
                "last_check", "1796574584", "notifications_enabled", "0", "long_plugin_output", "");
        String text = AttributeCodec.encode(m);
        // current_state (bit 7), long_plugin_output (29), state_type (40) are usual; the others are written out
        assertThat(text).isEqualTo("\\d" + Long.toHexString((1L << 7) | (1L << 29) | (1L << 40))
                + "\nlast_check=1796574584\nnotifications_enabled=0\nplugin_output=OK: ok");
        assertThat(AttributeCodec.decode(text)).isEqualTo(m);
        assertThat(AttributeCodec.decode(AttributeCodec.encode(Map.of("current_state", "0"))))
                .isEqualTo(Map.of("current_state", "0"));
    }

    @Test
    void a_record_of_a_checked_ok_service_is_a_sixth_of_its_old_size() {
        Map<String, String> m = new java.util.HashMap<>();
        for (String zero : new String[] {"acknowledgement_type", "check_type", "current_event_id",
                "current_notification_number", "current_problem_id", "current_state", "flapping_comment_id",
                "is_flapping", "last_event_id", "last_hard_state", "last_hard_state_change", "last_notification",
                "last_problem_id", "last_state", "last_state_change", "last_state_history_update",
                "last_time_critical", "last_time_unknown", "last_time_warning", "next_notification",
                "no_more_notifications", "problem_has_been_acknowledged"}) {
            m.put(zero, "0");
        }
        for (String one : new String[] {"active_checks_enabled", "current_attempt", "event_handler_enabled",
                "flap_detection_enabled", "has_been_checked", "notifications_enabled", "passive_checks_enabled",
                "state_type"}) {
            m.put(one, "1");
        }
        m.putAll(Map.of("last_check", "1796574584", "last_time_ok", "1796574584", "next_check", "1796575184",
                "plugin_output", "OK: ok", "long_plugin_output", "", "performance_data", "",
                "percent_state_change", "0.0", "state_history", "0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0"));
        String text = AttributeCodec.encode(m);
        assertThat(text.length()).isLessThan(140);
        assertThat(AttributeCodec.decode(text)).isEqualTo(m);
    }

    @Test
    void text_written_before_usual_values_is_read_as_it_was() {
        assertThat(AttributeCodec.decode("current_state=0\nplugin_output=OK\nstate_type=1"))
                .isEqualTo(Map.of("current_state", "0", "plugin_output", "OK", "state_type", "1"));
    }

    @Test
    void a_record_without_usual_values_is_written_as_before() {
        assertThat(AttributeCodec.encode(Map.of("current_state", "2", "author", "ops")))
                .isEqualTo("author=ops\ncurrent_state=2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\d", "\\dxyz", "\\d" + "20000000000", "\\d12345678901234567", "\\d1\nno equals"})
    void refuses_a_mask_it_does_not_know(String text) {
        assertThatThrownBy(() -> AttributeCodec.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"no equals sign", "a=b\\", "a=\\q", "a=1\nb"})
    void refuses_text_it_did_not_write(String text) {
        assertThatThrownBy(() -> AttributeCodec.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

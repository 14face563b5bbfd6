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

    @ParameterizedTest
    @ValueSource(strings = {"no equals sign", "a=b\\", "a=\\q", "a=1\nb"})
    void refuses_text_it_did_not_write(String text) {
        assertThatThrownBy(() -> AttributeCodec.decode(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

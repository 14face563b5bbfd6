package org.vigil.livestatus.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TimeRangeTest {

    private static TimeRange of(String request) throws LivestatusError {
        Request r = Request.parse(request);
        return r.filter() == null ? TimeRange.ALL : TimeRange.of(r.filter(), r.timezoneOffset());
    }

    @Test
    void topLevelTimeFiltersBoundTheRange() throws LivestatusError {
        assertThat(of("GET log\nFilter: time >= 100\nFilter: time < 200")).isEqualTo(new TimeRange(100, 199));
        assertThat(of("GET log\nFilter: time > 100\nFilter: time <= 200\nFilter: class = 1"))
                .isEqualTo(new TimeRange(101, 200));
        assertThat(of("GET log\nFilter: time = 150")).isEqualTo(new TimeRange(150, 150));
        assertThat(of("GET log\nFilter: time >= 100\nFilter: class = 1\nAnd: 2\nFilter: time <= 300\nAnd: 2"))
                .isEqualTo(new TimeRange(100, 300));
    }

    @Test
    void anythingThatCouldLetOtherTimesThroughBoundsNothing() throws LivestatusError {
        assertThat(of("GET log")).isEqualTo(TimeRange.ALL);
        assertThat(of("GET log\nFilter: time >= 100\nFilter: class = 1\nOr: 2")).isEqualTo(TimeRange.ALL);
        assertThat(of("GET log\nFilter: time >= 100\nNegate:")).isEqualTo(TimeRange.ALL);
        assertThat(of("GET log\nFilter: time != 100")).isEqualTo(TimeRange.ALL);
        assertThat(TimeRange.ALL.contains(Long.MIN_VALUE)).isTrue();
    }
}

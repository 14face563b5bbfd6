package org.vigil.perfdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Line protocol shaped as Icinga 2's InfluxdbWriter shapes it, escaped as InfluxDB 1.x reads it. */
class InfluxFormatTest {

    @Test
    void aServiceResultWithThresholdsUnitAndMetadata() {
        StringBuilder out = new StringBuilder();
        new InfluxFormat(true, true).append(new ResultSample("web 1", "Disk /var,x", "check_disk", 2, 0, 1, 3, 1, 0,
                0.002, 0.75, 1_700_000_000L, "'used space'=42.5MB;80;90;0;100 'q\"'=3"), out);
        assertThat(out.toString()).isEqualTo(String.join("",
                "check_disk,hostname=web\\ 1,service=Disk\\ /var\\,x,metric=used\\ space value=42.5,warn=80,crit=90,"
                        + "min=0,max=100,unit=\"MB\" 1700000000\n",
                "check_disk,hostname=web\\ 1,service=Disk\\ /var\\,x,metric=q\" value=3 1700000000\n",
                "check_disk,hostname=web\\ 1,service=Disk\\ /var\\,x state=2i,current_attempt=1i,"
                        + "max_check_attempts=3i,state_type=0i,downtime_depth=1i,acknowledgement=0i,latency=0.002,"
                        + "execution_time=0.75 1700000000\n"));
    }

    @Test
    void aHostResultHasNoServiceTag() {
        StringBuilder out = new StringBuilder();
        new InfluxFormat(false, false).append(new ResultSample("gw", null, "check-host-alive", 0, 1, 1, 10, 0, 0, 0,
                0, 5L, "rta=0.061ms;3000;5000;0;"), out);
        assertThat(out.toString()).isEqualTo("check-host-alive,hostname=gw,metric=rta value=0.061,unit=\"ms\" 5\n");
    }

    @Test
    void escaping() {
        assertThat(InfluxFormat.tag("a=b c,d")).isEqualTo("a\\=b\\ c\\,d");
        assertThat(InfluxFormat.measurement("a=b c")).isEqualTo("a=b\\ c");
        assertThat(InfluxFormat.tag("C:\\")).isEqualTo("C:_"); // a trailing backslash would escape what follows
        assertThat(InfluxFormat.tag("two\nlines")).isEqualTo("two_lines");
        assertThat(InfluxFormat.string("say \"hi\" \\o/")).isEqualTo("\"say \\\"hi\\\" \\\\o/\"");
    }
}

package org.vigil.perfdata.rrd;

import java.nio.file.Path;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.RrdDef;

/**
 * The shape of every metric's round-robin file, PNP4Nagios's defaults (its {@code rra.cfg}, {@code RRD_HEARTBEAT}):
 * a 60 s step, one GAUGE data source {@code value} with a heartbeat of 8460 s, and for each of AVERAGE, MAX and MIN
 * 2880 rows of 1 step (48 h at 1 min), 2880 of 5 steps (10 days at 5 min), 4320 of 30 steps (90 days at 30 min) and
 * 5840 of 360 steps (4 years at 6 h), with an xff of 0.5. The file's size is fixed by this shape (about 382 KB),
 * whatever is written into it.
 */
public final class RrdLayout {

    /** Seconds per primary data point. */
    public static final long STEP = 60;

    /** Seconds without a value after which the value is unknown (PNP4Nagios's RRD_HEARTBEAT). */
    static final long HEARTBEAT = 8460;

    /** The data source's name. */
    static final String DS = "value";

    /** Steps per row and rows of each archive, for each consolidation function. */
    static final int[][] ARCHIVES = {{1, 2880}, {5, 2880}, {30, 4320}, {360, 5840}};

    /** The consolidation functions kept. */
    static final ConsolFun[] FUNCTIONS = {ConsolFun.AVERAGE, ConsolFun.MAX, ConsolFun.MIN};

    private RrdLayout() {
    }

    /** The definition of a new file at {@code path} whose first value comes at {@code firstTime}. */
    static RrdDef definition(Path path, long firstTime) {
        RrdDef def = new RrdDef(path.toString(), firstTime - 1, STEP);
        def.addDatasource(DS, DsType.GAUGE, HEARTBEAT, Double.NaN, Double.NaN);
        for (ConsolFun f : FUNCTIONS) {
            for (int[] a : ARCHIVES) {
                def.addArchive(f, 0.5, a[0], a[1]);
            }
        }
        return def;
    }

    /** The size of every file, in bytes. */
    public static long fileSize() {
        return definition(Path.of("size"), STEP).getEstimatedSize();
    }
}

package org.vigil.checks.builtin.load;

/**
 * check_load's verdict and text for three load averages, as monitoring-plugins 2.3.3 prints them:
 * {@code LOAD OK - total load average: 0.52, 0.58, 0.59|load1=0.520;15.000;30.000;0; ...} and, with {@code -r} and
 * a CPU count, the averages divided by it first ({@code scaled load average: ... - total load average: ...}) with
 * the thresholds on {@code scaled_loadN}. A 1-, 5- or 15-minute average above its critical threshold is CRITICAL
 * (the later ones are not looked at), above its warning threshold WARNING.
 */
final class LoadReport {

    private static final int[] MINUTES = {1, 5, 15};
    private static final String[] WORDS = {"OK", "WARNING", "CRITICAL"};

    private LoadReport() {
    }

    /** The exit code and output line; {@code cpus} 0 or less when the loads are not divided. */
    record Verdict(int exitCode, String stdout) {
    }

    static Verdict of(double[] load, LoadArguments.Options o, long cpus) {
        boolean scaled = o.perCpu() && cpus > 0;
        double[] judged = load.clone();
        String status = "total " + averages(load);
        if (scaled) {
            for (int i = 0; i < 3; i++) {
                judged[i] = load[i] / cpus;
            }
            status = "scaled " + averages(judged) + " - " + status;
        }
        int state = 0;
        for (int i = 0; i < 3; i++) {
            if (judged[i] > o.critical()[i]) {
                state = 2;
                break;
            } else if (judged[i] > o.warning()[i]) {
                state = 1;
            }
        }
        StringBuilder out = new StringBuilder("LOAD ").append(WORDS[state]).append(" - ").append(status).append('|');
        for (int i = 0; i < 3; i++) {
            int m = MINUTES[i];
            if (scaled) {
                out.append("load").append(m).append('=').append(CFloat.fixed(load[i], 3)).append(";;;0; ");
                out.append("scaled_load").append(m).append('=').append(CFloat.fixed(judged[i], 3));
            } else {
                out.append("load").append(m).append('=').append(CFloat.fixed(load[i], 3));
            }
            out.append(';').append(CFloat.fixed(o.warning()[i], 3)).append(';')
                    .append(CFloat.fixed(o.critical()[i], 3)).append(";0; ");
        }
        return new Verdict(state, out.append('\n').toString());
    }

    private static String averages(double[] la) {
        return "load average: " + CFloat.fixed(la[0], 2) + ", " + CFloat.fixed(la[1], 2) + ", "
                + CFloat.fixed(la[2], 2);
    }
}

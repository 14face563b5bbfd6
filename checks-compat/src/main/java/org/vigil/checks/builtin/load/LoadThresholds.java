package org.vigil.checks.builtin.load;

/**
 * check_load's {@code get_threshold}: up to three numbers, each read by strtod and followed by one separator of any
 * kind ({@code 15,10,5}, {@code "15 10 5"}); when fewer are given the last one read fills the rest, and a number
 * that does not read stands as 0 and ends the list ({@code 5,,3} is 5, 0, 0). Nothing readable at all is the
 * plugin's "Warning threshold must be float or float triplet!" (for {@code -c} too).
 */
final class LoadThresholds {

    private LoadThresholds() {
    }

    /** Thrown for an argument whose first number does not read: the plugin then prints its usage and exits. */
    static final class NotAFloat extends Exception {
        NotAFloat() {
            super("Warning threshold must be float or float triplet!");
        }
    }

    /** The 1-, 5- and 15-minute thresholds of {@code arg}, as the plugin reads them. */
    static double[] read(String arg) throws NotAFloat, CFloat.Unsupported {
        double[] th = new double[3];
        int n = arg.length();
        int pos = 0;
        boolean valid = false;
        int i;
        for (i = 0; i < 3; i++) {
            CFloat.Read r = CFloat.strtod(arg, pos);
            th[i] = r.value();
            if (r.end() == pos) {
                break;
            }
            valid = true;
            pos = r.end() + 1; // the plugin steps over one character, whatever it is
            if (n <= pos) {
                break;
            }
        }
        if (i == 0 && !valid) {
            throw new NotAFloat();
        }
        for (int k = i; k < 3; k++) {
            th[k] = th[i];
        }
        return th;
    }
}

package org.vigil.livestatus.query;

/**
 * {@code Stats: sum|min|max|avg|std|suminv|avginv column}, as Livestatus computes them. On an int or time column
 * sum, min and max are integers, suminv and avginv the integer part of the sum (mean) of the inverses, avg and std
 * floats; on a float column all are floats. With no rows: 0 for every aggregate (Livestatus's float aggregates;
 * its integer avg of nothing divides by zero), and std is 0 for fewer than two rows.
 */
final class AggregateStat extends Stat {

    private final StatsSpec.Aggregation aggregation;
    private final int slot;
    private final boolean integral;

    AggregateStat(StatsSpec.Aggregation aggregation, int slot, boolean integral) {
        this.aggregation = aggregation;
        this.slot = slot;
        this.integral = integral;
    }

    @Override
    void consume(RowValues<?> values, StatsGroup g, int i) {
        long n = ++g.consumed[i];
        if (integral && (aggregation == StatsSpec.Aggregation.SUM || aggregation == StatsSpec.Aggregation.MIN
                || aggregation == StatsSpec.Aggregation.MAX)) {
            long v = values.getLong(slot);
            g.ints[i] = n == 1 ? v : combine(g.ints[i], v);
            return;
        }
        double v = values.getDouble(slot);
        switch (aggregation) {
            case MIN:
                g.sums[i] = n == 1 ? v : Math.min(g.sums[i], v);
                break;
            case MAX:
                g.sums[i] = n == 1 ? v : Math.max(g.sums[i], v);
                break;
            case SUMINV:
            case AVGINV:
                g.sums[i] += 1.0 / v;
                break;
            default:
                g.sums[i] += v;
                g.squares[i] += v * v;
                break;
        }
    }

    private long combine(long acc, long v) {
        switch (aggregation) {
            case MIN: return Math.min(acc, v);
            case MAX: return Math.max(acc, v);
            default: return acc + v;
        }
    }

    @Override
    Object result(StatsGroup g, int i) {
        long n = g.consumed[i];
        double sum = g.sums[i];
        switch (aggregation) {
            case SUM:
            case MIN:
            case MAX:
                return integral ? (Object) g.ints[i] : (Object) sum;
            case SUMINV:
                return integral ? (Object) (long) sum : (Object) sum;
            case AVGINV:
                double meanInverse = n == 0 ? 0.0 : sum / n;
                return integral ? (Object) (long) meanInverse : (Object) meanInverse;
            case AVG:
                return n == 0 ? 0.0 : sum / n;
            default:
                if (n <= 1) {
                    return 0.0;
                }
                double variance = (g.squares[i] - sum * sum / n) / (n - 1);
                return variance <= 0 ? 0.0 : Math.sqrt(variance);
        }
    }
}

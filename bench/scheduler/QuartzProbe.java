import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * Measures Quartz 2.5.2 (RAMJobStore) as the clock for checks: N triggers, each repeating every
 * INTERVAL seconds, spread evenly; the job only records how late it fired. Prints fires/s and lateness.
 * Usage: java -cp QUARTZ_CLASSPATH QuartzProbe.java [triggers] [intervalSeconds] [durationSeconds]
 */
public class QuartzProbe {

    static final AtomicInteger FIRED = new AtomicInteger();
    static final AtomicLongArray LATE_MS = new AtomicLongArray(2_000_000);

    public static class Probe implements Job {
        @Override
        public void execute(JobExecutionContext ctx) {
            long late = System.currentTimeMillis() - ctx.getScheduledFireTime().getTime();
            int i = FIRED.getAndIncrement();
            if (i < LATE_MS.length()) {
                LATE_MS.set(i, late);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int interval = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int duration = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Properties p = new Properties();
        p.setProperty("org.quartz.threadPool.threadCount", "4");
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", "100");
        p.setProperty("org.quartz.jobStore.misfireThreshold", "600000");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        Scheduler s = new StdSchedulerFactory(p).getScheduler();
        long t0 = System.nanoTime();
        long start = System.currentTimeMillis() + 5000;
        JobDetail job = JobBuilder.newJob(Probe.class).withIdentity("probe").storeDurably().build();
        s.addJob(job, false);
        List<Trigger> triggers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long offset = (long) i * interval * 1000L / n;
            triggers.add(TriggerBuilder.newTrigger().withIdentity("t" + i).forJob(job)
                    .startAt(new Date(start + offset))
                    .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(interval)
                            .withMisfireHandlingInstructionFireNow()).build());
        }
        for (Trigger t : triggers) {
            s.scheduleJob(t);
        }
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long heapMb = (rt.totalMemory() - rt.freeMemory()) >> 20;
        s.start();
        Thread.sleep(start - System.currentTimeMillis() + duration * 1000L);
        int fired = FIRED.get();
        s.shutdown(false);
        long[] late = new long[Math.min(fired, LATE_MS.length())];
        for (int i = 0; i < late.length; i++) {
            late[i] = LATE_MS.get(i);
        }
        Arrays.sort(late);
        double expected = (double) n / interval * duration;
        System.out.printf("triggers=%d interval=%ds duration=%ds load=%dms heap_after_load=%dMB%n", n, interval,
                duration, loadMs, heapMb);
        System.out.printf("fired=%d expected=%.0f rate=%.0f/s lateness p50=%dms p99=%dms max=%dms%n", fired, expected,
                fired / (double) duration, pct(late, 50), pct(late, 99), late.length == 0 ? 0 : late[late.length - 1]);
    }

    static long pct(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
    }
}

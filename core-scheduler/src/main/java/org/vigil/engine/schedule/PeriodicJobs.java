package org.vigil.engine.schedule;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.TriggerBuilder;
import org.quartz.impl.StdSchedulerFactory;

/**
 * The engine's periodic jobs (status file, later freshness and log rotation) on Quartz: a few repeating
 * triggers, where its RAMJobStore is at its best. A job still running when its next turn comes is not
 * started twice.
 */
public final class PeriodicJobs implements AutoCloseable {

    /** How long {@link #close} waits for a running job before it stops the scheduler anyway. */
    static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private static final AtomicLong INSTANCES = new AtomicLong();

    private final Scheduler scheduler;
    private final Map<String, Runnable> tasks = new ConcurrentHashMap<>();

    public PeriodicJobs(String name) {
        Properties p = new Properties();
        // Quartz keeps schedulers in a JVM-wide repository by name: a shared name would hand a second daemon in
        // the same JVM (tests, embedding) the first one's scheduler, and closing either would stop both.
        p.setProperty("org.quartz.scheduler.instanceName", name + "-" + INSTANCES.incrementAndGet());
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            scheduler = new StdSchedulerFactory(p).getScheduler();
            // Our own job factory hands each job its task. Quartz's default one copies the scheduler context into
            // every new job, which threw ConcurrentModificationException when a job fired while every() was
            // adding the next task to that context.
            scheduler.setJobFactory((bundle, s) -> new RunTask(tasks.get(bundle.getJobDetail().getKey().getName())));
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs {@code task} now and then every {@code period}. */
    public void every(String name, Duration period, Runnable task) {
        every(name, period, Duration.ZERO, task);
    }

    /** Runs {@code task} {@code first} from now and then every {@code period}. */
    public void every(String name, Duration period, Duration first, Runnable task) {
        try {
            tasks.put(name, task);
            scheduler.scheduleJob(JobBuilder.newJob(RunTask.class).withIdentity(name).build(),
                    TriggerBuilder.newTrigger().withIdentity(name)
                            .startAt(new java.util.Date(System.currentTimeMillis() + first.toMillis()))
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(period.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the jobs, letting a running one finish for up to {@link #CLOSE_WAIT}. Quartz's own
     * {@code shutdown(true)} waits without a limit, and was seen waiting forever on a pool whose workers had gone.
     */
    @Override
    public void close() {
        try {
            scheduler.standby();
            long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (!scheduler.getCurrentlyExecutingJobs().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            scheduler.shutdown(false);
        } catch (SchedulerException e) {
            // shutting down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                scheduler.shutdown(false);
            } catch (SchedulerException ignored) {
                // shutting down
            }
        }
    }

    /** The Quartz job: runs the task registered under its name. */
    @DisallowConcurrentExecution
    public static final class RunTask implements Job {
        private final Runnable task;

        RunTask(Runnable task) {
            this.task = task;
        }

        @Override
        public void execute(JobExecutionContext ctx) {
            if (task != null) {
                task.run();
            }
        }
    }
}

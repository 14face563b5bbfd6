package org.vigil.engine.schedule;

import java.time.Duration;
import java.util.Properties;
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

    private final Scheduler scheduler;

    public PeriodicJobs(String name) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", name);
        p.setProperty("org.quartz.threadPool.threadCount", "2");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        try {
            scheduler = new StdSchedulerFactory(p).getScheduler();
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the Quartz scheduler: " + e.getMessage(), e);
        }
    }

    /** Runs {@code task} now and then every {@code period}. */
    public void every(String name, Duration period, Runnable task) {
        try {
            scheduler.getContext().put(name, task);
            scheduler.scheduleJob(JobBuilder.newJob(RunTask.class).withIdentity(name).build(),
                    TriggerBuilder.newTrigger().withIdentity(name).startNow()
                            .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                                    .withIntervalInMilliseconds(period.toMillis()).repeatForever()
                                    .withMisfireHandlingInstructionNextWithRemainingCount())
                            .build());
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the jobs, letting a running one finish. */
    @Override
    public void close() {
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            // shutting down
        }
    }

    /** The Quartz job: runs the task registered under its name. */
    @DisallowConcurrentExecution
    public static final class RunTask implements Job {
        @Override
        public void execute(JobExecutionContext ctx) {
            try {
                ((Runnable) ctx.getScheduler().getContext().get(ctx.getJobDetail().getKey().getName())).run();
            } catch (SchedulerException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}

/*
 * The floor of issue 4's CPU goal: what the plugin alone costs at a given rate. posix_spawns check_dummy RATE times a
 * second for SECONDS (evenly paced, as a scheduler spreading checks over the second does), reads its output and
 * reaps it, then prints the CPU of the reaped children (the plugins) and of this process per run and as a share
 * of one core. Usage: pacedspawn RATE SECONDS [PLUGIN ARGS...]
 */
#define _GNU_SOURCE
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static double secs(struct timeval t) {
    return t.tv_sec + t.tv_usec / 1e6;
}

int main(int argc, char **argv) {
    int rate = argc > 1 ? atoi(argv[1]) : 500;
    double seconds = argc > 2 ? atof(argv[2]) : 20;
    char *dflt[] = {"/usr/lib/nagios/plugins/check_dummy", "0", "ok", NULL};
    char **args = argc > 3 ? argv + 3 : dflt;
    long total = (long) (rate * seconds);
    struct timespec start, due;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long i = 0; i < total; i++) {
        long ns = (long) (i * (1e9 / rate));
        due.tv_sec = start.tv_sec + (start.tv_nsec + ns) / 1000000000L;
        due.tv_nsec = (start.tv_nsec + ns) % 1000000000L;
        clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL);
        int p[2];
        if (pipe(p) != 0) {
            return 2;
        }
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_adddup2(&fa, p[1], 1);
        posix_spawn_file_actions_addclose(&fa, p[0]);
        pid_t pid;
        if (posix_spawn(&pid, args[0], &fa, NULL, args, environ) != 0) {
            return 2;
        }
        posix_spawn_file_actions_destroy(&fa);
        close(p[1]);
        char buf[4096];
        while (read(p[0], buf, sizeof buf) > 0) {
        }
        close(p[0]);
        int st;
        waitpid(pid, &st, 0);
    }
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    double wall = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) / 1e9;
    struct rusage c, s;
    getrusage(RUSAGE_CHILDREN, &c);
    getrusage(RUSAGE_SELF, &s);
    double child = secs(c.ru_utime) + secs(c.ru_stime);
    double self = secs(s.ru_utime) + secs(s.ru_stime);
    printf("%d runs/s offered for %.1f s (%.1f s wall): plugins %.3f ms CPU per run (%.1f%% of a core), "
           "the spawner %.3f ms per run (%.1f%%)\n", rate, seconds, wall, 1000 * child / total, 100 * child / wall,
           1000 * self / total, 100 * self / wall);
    return 0;
}

/* Baseline for bench/plugins/run.sh: fork, exec and read a plugin in a loop for N seconds, as a C worker would. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/wait.h>
#include <time.h>
int main(int argc, char **argv) {
    double secs = atof(argv[1]);
    struct timespec t0, t; clock_gettime(CLOCK_MONOTONIC, &t0);
    long n = 0;
    char *args[] = {"/usr/lib/nagios/plugins/check_dummy", "0", "ok", NULL};
    for (;;) {
        int p[2]; pipe(p);
        pid_t pid = fork();
        if (pid == 0) { dup2(p[1], 1); close(p[0]); execv(args[0], args); _exit(127); }
        close(p[1]); char buf[4096]; while (read(p[0], buf, sizeof buf) > 0); close(p[0]);
        int st; waitpid(pid, &st, 0); n++;
        clock_gettime(CLOCK_MONOTONIC, &t);
        if ((t.tv_sec - t0.tv_sec) + (t.tv_nsec - t0.tv_nsec) / 1e9 > secs) break;
    }
    printf("%ld\n", n);
    return 0;
}

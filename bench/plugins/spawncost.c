/* Floor of bench/plugins/workers.sh: CPU per check_dummy run, fork+exec vs posix_spawn (glibc: a vfork-like clone),
 * parent and children from getrusage. Usage: spawncost fork|spawn RUNS */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/resource.h>
#include <sys/wait.h>
extern char **environ;
static double ms(struct rusage *r) { return (r->ru_utime.tv_sec + r->ru_stime.tv_sec) * 1e3 + (r->ru_utime.tv_usec + r->ru_stime.tv_usec) / 1e3; }
int main(int argc, char **argv) {
    int n = atoi(argv[2]); int spawn = strcmp(argv[1], "spawn") == 0;
    char *args[] = {"/usr/lib/nagios/plugins/check_dummy", "0", "ok", NULL};
    for (int i = 0; i < n; i++) {
        int p[2]; pipe(p); pid_t pid;
        if (spawn) {
            posix_spawn_file_actions_t fa; posix_spawn_file_actions_init(&fa);
            posix_spawn_file_actions_adddup2(&fa, p[1], 1); posix_spawn_file_actions_addclose(&fa, p[0]);
            posix_spawn(&pid, args[0], &fa, NULL, args, environ); posix_spawn_file_actions_destroy(&fa);
        } else {
            pid = fork();
            if (pid == 0) { dup2(p[1], 1); close(p[0]); execv(args[0], args); _exit(127); }
        }
        close(p[1]); char buf[4096]; while (read(p[0], buf, sizeof buf) > 0); close(p[0]);
        int st; waitpid(pid, &st, 0);
    }
    struct rusage s, c; getrusage(RUSAGE_SELF, &s); getrusage(RUSAGE_CHILDREN, &c);
    printf("%-6s parent %.3f ms  children %.3f ms  total %.3f ms per run\n", argv[1], ms(&s) / n, ms(&c) / n, (ms(&s) + ms(&c)) / n);
    return 0;
}

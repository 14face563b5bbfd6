/*
 * The sweep bench's bare floor: runs every line of FILE as a command, at most P at once, as `xargs -P P` would
 * without the `env` that xargs needs to run a line's first word: fork, execv, stdout and stderr to /dev/null,
 * stdin from /dev/null, wait. A line is the command's arguments separated by tabs (generate.py writes them).
 * usage: xrun P FILE
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_ARGS 64

static void run(char *line, int devnull) {
    char *argv[MAX_ARGS + 1];
    int n = 0;
    for (char *tok = strtok(line, "\t"); tok != NULL && n < MAX_ARGS; tok = strtok(NULL, "\t")) {
        argv[n++] = tok;
    }
    argv[n] = NULL;
    if (n == 0) {
        return;
    }
    pid_t pid = fork();
    if (pid == 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    if (pid < 0) {
        perror("xrun: fork");
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: xrun P FILE\n");
        return 2;
    }
    int parallel = atoi(argv[1]);
    FILE *in = fopen(argv[2], "r");
    int devnull = open("/dev/null", O_RDWR);
    if (parallel < 1 || in == NULL || devnull < 0) {
        perror("xrun");
        return 2;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int running = 0;
    while ((len = getline(&line, &cap, in)) > 0) {
        if (line[len - 1] == '\n') {
            line[len - 1] = '\0';
        }
        if (running == parallel) {
            wait(NULL);
            running--;
        }
        run(line, devnull);
        running++;
    }
    while (running-- > 0) {
        wait(NULL);
    }
    free(line);
    return 0;
}

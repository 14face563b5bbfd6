/*
 * Vigil's native plugin spawner (JNI, Linux/glibc >= 2.34): what org.vigil.checks.exec.NativeSpawn declares.
 *
 * Why: java.lang.Process costs ~0.2 ms of CPU per plugin run on top of the plugin itself (the JDK's child lists
 * /proc/self/fd to close inherited descriptors, a reaper thread per child, a /proc read per ProcessHandle). Here a
 * run is one vfork (the child on the parent's stack, as the JDK's own VFORK mode, and no stack mapped and unmapped
 * per run as glibc's posix_spawn does), descriptors closed with close_range, the plugin in its own process group
 * (or session) as Nagios's workers put it, and the caller's thread waits for the child itself (finish: one call).
 *
 * Errors are returned as negative errno values; nothing here throws.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Splits a block of NUL-terminated strings into a NULL-terminated vector; the strings stay in the block. */
static char **split_block(char *block, jsize len) {
    size_t n = 0;
    for (jsize i = 0; i < len; i++) {
        if (block[i] == '\0') {
            n++;
        }
    }
    char **v = malloc((n + 1) * sizeof(char *));
    if (v == NULL) {
        return NULL;
    }
    size_t k = 0;
    char *start = block;
    for (jsize i = 0; i < len; i++) {
        if (block[i] == '\0') {
            v[k++] = start;
            start = block + i + 1;
        }
    }
    v[k] = NULL;
    return v;
}

static char *copy_block(JNIEnv *env, jbyteArray array, jsize *len) {
    *len = (*env)->GetArrayLength(env, array);
    char *block = malloc((size_t) *len + 1);
    if (block == NULL) {
        return NULL;
    }
    (*env)->GetByteArrayRegion(env, array, 0, *len, (jbyte *) block);
    block[*len] = '\0';
    return block;
}

/* What the child of a spawn needs; it lives on the parent's stack, which a vfork child shares. */
struct as_user {
    char **argv, **envp;
    const char *stderr_path;
    int pipe_out;
    int new_session;
    int set_ids; /* 0: stay this process's user (the ids below unused) */
    uid_t uid;
    gid_t gid;
    size_t ngroups;
    const gid_t *groups;
    volatile int failed; /* the errno at which the child gave up, written by the child */
};

/*
 * The child of a spawn, between vfork and exec: only system calls. The files are opened while still root (the
 * stderr file lies in a directory of the JVM's user); then, when set_ids, the groups, the gid and the uid are set
 * by raw system calls, as glibc's wrappers would try to change every thread of the process, and in a vfork child
 * those are the parent's. Never returns.
 */
static void as_user_child(struct as_user *a) {
    sigset_t none;
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    for (int sig = 1; sig < NSIG; sig++) {
        sigaction(sig, &dfl, NULL); /* SIGKILL, SIGSTOP and glibc's own refuse: nothing to do for them */
    }
    int in = open("/dev/null", O_RDONLY);
    int err = open(a->stderr_path == NULL ? "/dev/null" : a->stderr_path, O_WRONLY | O_APPEND | O_CREAT, 0600);
    if (in < 0 || err < 0 || dup2(in, 0) < 0 || dup2(a->pipe_out, 1) < 0 || dup2(err, 2) < 0
        || (a->new_session ? setsid() : setpgid(0, 0)) < 0
        || (a->set_ids && (syscall(SYS_setgroups, a->ngroups, a->groups) != 0
                           || syscall(SYS_setresgid, a->gid, a->gid, a->gid) != 0
                           || syscall(SYS_setresuid, a->uid, a->uid, a->uid) != 0))
        || syscall(SYS_close_range, 3U, ~0U, 0U) != 0) {
        a->failed = errno;
        _exit(127);
    }
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execvpe(a->argv[0], a->argv, a->envp);
    a->failed = errno;
    _exit(127);
}

/*
 * Starts argv (NUL-terminated strings) with environment envp (likewise), stdin from /dev/null, stdout into a new
 * pipe, stderr appended to stderrPath (NUL-terminated, or null: /dev/null); every other descriptor closed; in a
 * new session when newSession, else in a new process group; when set_ids, as the user uid with group gid and the
 * supplementary groups. vfork, so the child shares the parent's memory and stack until it execs, as posix_spawn's
 * clone does but without the child stack glibc maps and unmaps for every spawn (an munmap in a process of many
 * threads: a TLB shootdown on every core, measured at a tenth of the spawning thread's time), and with the ids set
 * in between, which posix_spawn cannot do. Returns (pid << 32) | read end of the pipe, or -errno.
 */
static jlong vfork_spawn(JNIEnv *env, jbyteArray argvBlock, jbyteArray envBlock, jbyteArray stderrPath,
                         jboolean newSession, int set_ids, jint uid, jint gid, jintArray groups) {
    jsize alen, elen, plen = 0;
    jsize ngroups = groups == NULL ? 0 : (*env)->GetArrayLength(env, groups);
    char *ablock = copy_block(env, argvBlock, &alen);
    char *eblock = copy_block(env, envBlock, &elen);
    char *path = stderrPath == NULL ? NULL : copy_block(env, stderrPath, &plen);
    char **argv = ablock == NULL ? NULL : split_block(ablock, alen);
    char **envp = eblock == NULL ? NULL : split_block(eblock, elen);
    gid_t *gids = malloc(((size_t) ngroups + 1) * sizeof(gid_t));
    jlong result;
    int fds[2] = {-1, -1};

    if (argv == NULL || envp == NULL || gids == NULL || (stderrPath != NULL && path == NULL)) {
        result = -ENOMEM;
        goto out;
    }
    if (argv[0] == NULL) {
        result = -EINVAL;
        goto out;
    }
    if (ngroups > 0) {
        jint *ids = (*env)->GetIntArrayElements(env, groups, NULL);
        if (ids == NULL) {
            result = -ENOMEM;
            goto out;
        }
        for (jsize i = 0; i < ngroups; i++) {
            gids[i] = (gid_t) ids[i];
        }
        (*env)->ReleaseIntArrayElements(env, groups, ids, JNI_ABORT);
    }
    if (pipe2(fds, O_CLOEXEC) != 0) {
        result = -errno;
        goto out;
    }
    struct as_user a = {argv, envp, path, fds[1], newSession, set_ids, (uid_t) uid, (gid_t) gid, (size_t) ngroups,
                        gids, 0};
    sigset_t all, old;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &old); /* no handler of the JVM may run in the child */
    pid_t pid = vfork();
    if (pid == 0) {
        as_user_child(&a);
    }
    int vfork_errno = errno;
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (pid < 0) {
        result = -vfork_errno;
        goto out;
    }
    if (a.failed != 0) { /* the child exited before or at exec: reap it, report why, as posix_spawnp does */
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        result = -a.failed;
        goto out;
    }
    result = ((jlong) pid << 32) | (jlong) (uint32_t) fds[0];
    fds[0] = -1; /* handed to the caller */

out:
    if (fds[1] >= 0) {
        close(fds[1]);
    }
    if (fds[0] >= 0) {
        close(fds[0]);
    }
    free(gids);
    free(argv);
    free(envp);
    free(ablock);
    free(eblock);
    free(path);
    return result;
}

/* See vfork_spawn: as this process's user. */
JNIEXPORT jlong JNICALL Java_org_vigil_checks_exec_NativeSpawn_spawn(JNIEnv *env, jclass cls, jbyteArray argvBlock,
                                                                     jbyteArray envBlock, jbyteArray stderrPath,
                                                                     jboolean newSession) {
    (void) cls;
    return vfork_spawn(env, argvBlock, envBlock, stderrPath, newSession, 0, 0, 0, NULL);
}

/* See vfork_spawn: as user uid, group gid and the supplementary groups (the JVM must be root). */
JNIEXPORT jlong JNICALL Java_org_vigil_checks_exec_NativeSpawn_spawnAs(JNIEnv *env, jclass cls, jbyteArray argvBlock,
                                                                       jbyteArray envBlock, jbyteArray stderrPath,
                                                                       jboolean newSession, jint uid, jint gid,
                                                                       jintArray groups) {
    (void) cls;
    return vfork_spawn(env, argvBlock, envBlock, stderrPath, newSession, 1, uid, gid, groups);
}

/* Reads up to len bytes into buf[off..]: the count, 0 at the end of the output, or -errno. */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_read(JNIEnv *env, jclass cls, jint fd, jbyteArray buf,
                                                                   jint off, jint len) {
    (void) cls;
    char local[8192];
    size_t want = (size_t) len < sizeof local ? (size_t) len : sizeof local;
    ssize_t n;
    do {
        n = read(fd, local, want);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        return -errno;
    }
    if (n > 0) {
        (*env)->SetByteArrayRegion(env, buf, off, (jsize) n, (const jbyte *) local);
    }
    return (jint) n;
}

JNIEXPORT void JNICALL Java_org_vigil_checks_exec_NativeSpawn_close(JNIEnv *env, jclass cls, jint fd) {
    (void) env;
    (void) cls;
    close(fd);
}

/* Blocks until pid has exited, without reaping it (its pid and process group stay reserved): 0, or -errno. */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_awaitExit(JNIEnv *env, jclass cls, jint pid) {
    (void) env;
    (void) cls;
    siginfo_t info;
    int rc;
    do {
        rc = waitid(P_PID, (id_t) pid, &info, WEXITED | WNOWAIT);
    } while (rc < 0 && errno == EINTR);
    return rc < 0 ? -errno : 0;
}

/* Reaps pid: its exit status, 128 + the signal that killed it (as java.lang.Process reports), or -errno. */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_reap(JNIEnv *env, jclass cls, jint pid) {
    (void) env;
    (void) cls;
    int status;
    pid_t rc;
    do {
        rc = waitpid((pid_t) pid, &status, 0);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0) {
        return -errno;
    }
    if (WIFEXITED(status)) {
        return WEXITSTATUS(status);
    }
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 0;
}

/* Sends SIGKILL to the process group pgid: 0, or -errno (ESRCH when it is empty). */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_killGroup(JNIEnv *env, jclass cls, jint pgid) {
    (void) env;
    (void) cls;
    return kill(-(pid_t) pgid, SIGKILL) == 0 ? 0 : -errno;
}

JNIEXPORT jstring JNICALL Java_org_vigil_checks_exec_NativeSpawn_strerror(JNIEnv *env, jclass cls, jint errnum) {
    (void) cls;
    char buf[256];
    const char *s = strerror_r(errnum, buf, sizeof buf);
    return (*env)->NewStringUTF(env, s);
}

/* The milliseconds poll may wait until deadline (CLOCK_MONOTONIC nanoseconds, as System.nanoTime), rounded up; -1
 * for no deadline (LLONG_MAX), 0 once it has passed. */
static int millis_left(jlong deadline) {
    if (deadline == LLONG_MAX) {
        return -1;
    }
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    long long left = deadline - ((long long) ts.tv_sec * 1000000000LL + ts.tv_nsec);
    if (left <= 0) {
        return 0;
    }
    long long ms = (left + 999999LL) / 1000000LL;
    return ms > INT_MAX ? INT_MAX : (int) ms;
}

/* poll on one descriptor for POLLIN until ready (1), the wait is over (0), or an error (-errno). */
static int wait_readable(int fd, int millis) {
    struct pollfd p = {fd, POLLIN, 0};
    int rc;
    do {
        rc = poll(&p, 1, millis);
    } while (rc < 0 && errno == EINTR);
    return rc < 0 ? -errno : rc;
}

/* How long a quick plugin is given to exit before its pipe is read (one wake-up instead of one per read). */
#define QUICK_EXIT_MS 10

/*
 * Finishes a run in one call: waits for pid to exit (through a pidfd: one wake-up for a plugin that writes and
 * exits), reads its stdout (fd) to the end into buf, then reaps it and closes fd. A plugin still running after
 * QUICK_EXIT_MS (first call only) has its pipe read as it writes, so a large output never blocks it. state[0] says
 * how it went: 0, buf is full and more may come (call again, first false); 1, the run is over, state[1] its exit
 * status (as reap), fd closed; 2, the deadline (System.nanoTime, LLONG_MAX for none) passed first: the plugin is not
 * reaped, fd still open (kill its group, then call again). Returns the bytes put in buf, or -errno; -ENOSYS when
 * no pidfd could be had (an old kernel, a sandbox, no descriptor left): then nothing was done, and the caller
 * finishes with read, awaitExit and reap.
 */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_finish(JNIEnv *env, jclass cls, jint pid, jint fd,
                                                                     jlong deadline, jboolean first,
                                                                     jbyteArray buf, jintArray state) {
    (void) cls;
    int pidfd = (int) syscall(SYS_pidfd_open, (pid_t) pid, 0U);
    if (pidfd < 0) {
        return -ENOSYS;
    }
    jsize len = (*env)->GetArrayLength(env, buf);
    char local[8192];
    jint n = 0;
    jint st[2] = {0, 0};
    int exited = 0, rc;
    if (first) {
        int quick = millis_left(deadline);
        rc = wait_readable(pidfd, quick < 0 || quick > QUICK_EXIT_MS ? QUICK_EXIT_MS : quick);
        if (rc < 0) {
            n = rc;
            goto out;
        }
        exited = rc > 0;
    }
    for (;;) { /* the pipe to its end */
        if (n == len) {
            goto out; /* st[0] = 0: call again */
        }
        rc = wait_readable(fd, millis_left(deadline));
        if (rc < 0) {
            n = rc;
            goto out;
        }
        if (rc == 0) {
            st[0] = 2;
            goto out;
        }
        size_t want = (size_t) (len - n) < sizeof local ? (size_t) (len - n) : sizeof local;
        ssize_t r;
        do {
            r = read(fd, local, want);
        } while (r < 0 && errno == EINTR);
        if (r < 0) {
            n = -errno;
            goto out;
        }
        if (r == 0) {
            break;
        }
        (*env)->SetByteArrayRegion(env, buf, n, (jsize) r, (const jbyte *) local);
        n += (jint) r;
    }
    if (!exited) { /* output closed: now the exit, within the deadline */
        rc = wait_readable(pidfd, millis_left(deadline));
        if (rc < 0) {
            n = rc;
            goto out;
        }
        if (rc == 0) {
            st[0] = 2;
            goto out;
        }
    }
    int status;
    pid_t w;
    do {
        w = waitpid((pid_t) pid, &status, 0);
    } while (w < 0 && errno == EINTR);
    if (w < 0) {
        n = -errno;
        goto out;
    }
    close(fd);
    st[0] = 1;
    st[1] = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 0;
out:
    close(pidfd);
    (*env)->SetIntArrayRegion(env, state, 0, 2, st);
    return n;
}

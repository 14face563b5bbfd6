/*
 * Vigil's native plugin spawner (JNI, Linux/glibc >= 2.34): what org.vigil.checks.exec.NativeSpawn declares.
 *
 * Why: java.lang.Process costs ~0.2 ms of CPU per plugin run on top of the plugin itself (the JDK's child lists
 * /proc/self/fd to close inherited descriptors, a reaper thread per child, a /proc read per ProcessHandle). Here a
 * run is one vfork (the child on the parent's stack, as the JDK's own VFORK mode, and no stack mapped and unmapped
 * per run as glibc's posix_spawn does), descriptors closed with close_range, the plugin in its own process group
 * (or session) as Nagios's workers put it, and one thread waits for every running child (PluginExits: epoll).
 *
 * Errors are returned as negative errno values; nothing here throws.
 */
#define _GNU_SOURCE
#include <jni.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <sys/wait.h>
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

/*
 * The exit watcher's calls (PluginExits): one thread waits with epoll on every running plugin's pidfd and stdout
 * pipe, instead of a thread per plugin each polling its own. Registrations come from the threads that spawn
 * (epoll_ctl is safe while another thread waits); an eventfd wakes the watcher when a run's deadline is earlier
 * than the one it sleeps towards. Each returns -errno on failure.
 */

/* A pidfd for pid (Linux 5.3; a pidfd is always close-on-exec): the descriptor, or -errno. */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_pidfdOpen(JNIEnv *env, jclass cls, jint pid) {
    (void) env;
    (void) cls;
    int fd = (int) syscall(SYS_pidfd_open, (pid_t) pid, 0U);
    return fd < 0 ? -errno : fd;
}

JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_epollCreate(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    int fd = epoll_create1(EPOLL_CLOEXEC);
    return fd < 0 ? -errno : fd;
}

/* Watches fd for input (level-triggered), reporting token when it is readable, hung up or in error. */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_epollAdd(JNIEnv *env, jclass cls, jint ep, jint fd,
                                                                       jlong token) {
    (void) env;
    (void) cls;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN;
    ev.data.u64 = (uint64_t) token;
    return epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev) == 0 ? 0 : -errno;
}

/*
 * Watches a spawned plugin's exit in ep: its pidfd, reported as token, and its stdout pipe made non-blocking (read
 * at the exit, or as it comes once watched too). 0, or -errno with nothing changed.
 */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_watchExit(JNIEnv *env, jclass cls, jint ep, jint pidfd,
                                                                        jint pipe, jlong token) {
    (void) env;
    (void) cls;
    int flags = fcntl(pipe, F_GETFL);
    if (flags < 0 || fcntl(pipe, F_SETFL, flags | O_NONBLOCK) < 0) {
        return -errno;
    }
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN;
    ev.data.u64 = (uint64_t) token;
    if (epoll_ctl(ep, EPOLL_CTL_ADD, pidfd, &ev) != 0) {
        int e = errno;
        fcntl(pipe, F_SETFL, flags);
        return -e;
    }
    return 0;
}

JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_epollDel(JNIEnv *env, jclass cls, jint ep, jint fd) {
    (void) env;
    (void) cls;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    return epoll_ctl(ep, EPOLL_CTL_DEL, fd, &ev) == 0 ? 0 : -errno;
}

/* Waits up to millis (-1: no limit) for events; puts their tokens in tokens: their count, 0 (also when a signal
 * interrupted the wait), or -errno. */
JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_epollWait(JNIEnv *env, jclass cls, jint ep,
                                                                        jlongArray tokens, jint millis) {
    (void) cls;
    struct epoll_event evs[64];
    jsize max = (*env)->GetArrayLength(env, tokens);
    if (max > 64) {
        max = 64;
    }
    int n = epoll_wait(ep, evs, max, millis);
    if (n < 0) {
        return errno == EINTR ? 0 : -errno;
    }
    jlong out[64];
    for (int i = 0; i < n; i++) {
        out[i] = (jlong) evs[i].data.u64;
    }
    (*env)->SetLongArrayRegion(env, tokens, 0, n, out);
    return n;
}

JNIEXPORT jint JNICALL Java_org_vigil_checks_exec_NativeSpawn_eventfdCreate(JNIEnv *env, jclass cls) {
    (void) env;
    (void) cls;
    int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    return fd < 0 ? -errno : fd;
}

/* Adds 1 to the eventfd (wakes its watcher); drain: reads it back to 0. */
JNIEXPORT void JNICALL Java_org_vigil_checks_exec_NativeSpawn_eventfdSignal(JNIEnv *env, jclass cls, jint fd,
                                                                            jboolean drain) {
    (void) env;
    (void) cls;
    uint64_t one = 1;
    ssize_t r;
    if (drain) {
        r = read(fd, &one, sizeof one);
    } else {
        r = write(fd, &one, sizeof one);
    }
    (void) r; /* full (2^64 - 2 wake-ups pending) or empty: either way the watcher wakes or is awake */
}

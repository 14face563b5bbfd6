#!/usr/bin/perl
# Vigil's plugin worker (started by WorkerRunner, one of a few long-lived processes, as Nagios 4's workers): reads
# requests from stdin, forks and execs each plugin in its own session, reads its stdout and stderr (capped) while
# others run, kills the plugin's process group at its timeout, and writes the result back on stdout.
# Only modules of perl-base (Essential in Debian): POSIX and Fcntl.
#
# request:  "<length>\n" then NUL-separated: id, timeout in ms, tag ("" for none), argc, argv..., NAME=VALUE...
# response: "<id> <exit status> <timed out 0|1> <truncated 0|1> <pid> <stdout length> <stderr length>\n" stdout stderr
#           (an exit status of 128+N for a plugin killed by signal N; stderr only when stdout is empty)
use strict;
use warnings;
use POSIX ();
use Fcntl qw(F_GETFL F_SETFL O_NONBLOCK);

my $LIMIT = $ARGV[0] // 1048576;
my $TICK = POSIX::sysconf(POSIX::_SC_CLK_TCK()) || 100;
# a child that exits while something else still holds its pipe is noticed by SIGCHLD, or at the latest this late
my $POLL = 0.2;

$SIG{PIPE} = 'IGNORE';
$SIG{CHLD} = sub { };    # a handler, not the default, so that select() returns on a child's exit
open(my $null, '<', '/dev/null') or die "plugin-worker: /dev/null: $!\n";
my $NULL_FD = fileno($null);

my %jobs;    # pid => job
my %fds;     # fd => [job, 'out' | 'err']
my $inbuf = '';
my $eof = 0;

sub now { return (POSIX::times())[0] / $TICK; }

sub nonblock {
    my ($fh) = @_;
    my $flags = fcntl($fh, F_GETFL, 0) or die "plugin-worker: fcntl: $!\n";
    fcntl($fh, F_SETFL, $flags | O_NONBLOCK) or die "plugin-worker: fcntl: $!\n";
}

sub respond {
    my ($id, $status, $timedout, $trunc, $pid, $out, $err) = @_;
    my $msg = "$id $status $timedout $trunc $pid " . length($out) . ' ' . length($err) . "\n" . $out . $err;
    while (length $msg) {
        my $n = syswrite(STDOUT, $msg);
        if (!defined $n) {
            next if $! == POSIX::EINTR();
            shutdown_all();    # the engine is gone
        }
        substr($msg, 0, $n) = '';
    }
}

sub start_job {
    my ($payload) = @_;
    my ($id, $timeout_ms, $tag, $argc, @rest) = split /\0/, $payload, -1;
    my @argv = splice(@rest, 0, $argc);
    my ($or, $ow, $er, $ew);
    if (!pipe($or, $ow) || !pipe($er, $ew)) {
        respond($id, -1, 0, 0, 0, '', "pipe: $!");
        return;
    }
    my $pid = fork();
    if (!defined $pid) {
        respond($id, -1, 0, 0, 0, '', "fork: $!");
        return;
    }
    if ($pid == 0) {
        # the plugin leads its own session and process group, so a timeout kills all it started
        POSIX::setsid();
        $SIG{PIPE} = 'DEFAULT';
        $SIG{CHLD} = 'DEFAULT';
        for my $kv (@rest) {
            my $eq = index($kv, '=');
            $ENV{substr($kv, 0, $eq)} = substr($kv, $eq + 1) if $eq > 0;
        }
        $ENV{VIGIL_PLUGIN_RUN} = $tag if length $tag;
        POSIX::dup2($NULL_FD, 0);
        POSIX::dup2(fileno($ow), 1);
        POSIX::dup2(fileno($ew), 2);
        { no warnings 'exec'; exec { $argv[0] } @argv; }
        # as Nagios's worker child reports a failed exec: on stderr, with the errno as exit status
        my $errno = $! + 0;
        my $text = "execvp($argv[0], ...) failed. errno is $errno: $!\n";
        POSIX::write(2, $text, length $text);
        POSIX::_exit($errno);
    }
    close $ow;
    close $ew;
    nonblock($or);
    nonblock($er);
    my $job = { id => $id, pid => $pid, deadline => now() + $timeout_ms / 1000, out => '', err => '',
                outfh => $or, errfh => $er, tout => 0, terr => 0, timedout => 0 };
    $jobs{$pid} = $job;
    $fds{fileno($or)} = [$job, 'out'];
    $fds{fileno($er)} = [$job, 'err'];
}

sub close_stream {
    my ($job, $which) = @_;
    my $fh = $job->{$which . 'fh'} or return;
    delete $fds{fileno($fh)};
    close $fh;
    $job->{$which . 'fh'} = undef;
}

# reads what is there without blocking; closes the stream at its end
sub drain {
    my ($job, $which) = @_;
    my $fh = $job->{$which . 'fh'} or return;
    while (1) {
        my $n = sysread($fh, my $chunk, 65536);
        if (!defined $n) {
            next if $! == POSIX::EINTR();
            close_stream($job, $which) unless $! == POSIX::EAGAIN();
            return;
        }
        if ($n == 0) {
            close_stream($job, $which);
            return;
        }
        my $room = $LIMIT - length $job->{$which};
        if ($room >= $n) {
            $job->{$which} .= $chunk;
        } else {
            $job->{$which} .= substr($chunk, 0, $room) if $room > 0;
            $job->{'t' . $which} = 1;
        }
    }
}

# as Nagios's worker, a plugin is done when it has exited: what it wrote is read, a pipe kept open by a process
# it left behind is not waited for
sub finish {
    my ($job, $status) = @_;
    drain($job, 'out');
    drain($job, 'err');
    close_stream($job, 'out');
    close_stream($job, 'err');
    delete $jobs{$job->{pid}};
    my $exit = POSIX::WIFSIGNALED($status) ? 128 + POSIX::WTERMSIG($status) : POSIX::WEXITSTATUS($status);
    my $err = length $job->{out} ? '' : $job->{err};
    my $trunc = $job->{tout} || (length $job->{out} ? 0 : $job->{terr});
    respond($job->{id}, $exit, $job->{timedout}, $trunc ? 1 : 0, $job->{pid}, $job->{out}, $err);
}

sub reap {
    while ((my $pid = waitpid(-1, POSIX::WNOHANG())) > 0) {
        my $status = $?;
        finish($jobs{$pid}, $status) if $jobs{$pid};
    }
}

sub expire {
    my $t = now();
    for my $job (values %jobs) {
        if (!$job->{timedout} && $t >= $job->{deadline}) {
            $job->{timedout} = 1;
            kill 'KILL', -$job->{pid};
        }
    }
}

sub read_requests {
    my $n = sysread(STDIN, $inbuf, 65536, length $inbuf);
    if (!defined $n) {
        return if $! == POSIX::EAGAIN() || $! == POSIX::EINTR();
        $eof = 1;
        return;
    }
    if ($n == 0) {
        $eof = 1;
        return;
    }
    while ($inbuf =~ /\A(\d+)\n/) {
        my $head = length($1) + 1;
        my $len = $1;
        last if length($inbuf) < $head + $len;
        my $payload = substr($inbuf, $head, $len);
        substr($inbuf, 0, $head + $len) = '';
        start_job($payload);
    }
}

sub shutdown_all {
    kill 'KILL', -$_ for keys %jobs;
    POSIX::_exit(0);
}

sub wait_time {
    return undef unless %jobs;
    my $t = now();
    my $next = $POLL;
    for my $job (values %jobs) {
        next if $job->{timedout};
        my $left = $job->{deadline} - $t;
        $next = $left if $left < $next;
    }
    return $next < 0.001 ? 0.001 : $next;
}

nonblock(\*STDIN);
respond('ready', 0, 0, 0, $$, '', '');
while (1) {
    my $rin = '';
    vec($rin, 0, 1) = 1 unless $eof;
    vec($rin, $_, 1) = 1 for keys %fds;
    my $n = select(my $rout = $rin, undef, undef, wait_time());
    if ($n > 0) {
        for my $fd (keys %fds) {
            next unless vec($rout, $fd, 1);
            my $entry = $fds{$fd} or next;
            drain(@$entry);
        }
        read_requests() if !$eof && vec($rout, 0, 1);
    }
    reap();
    expire();
    shutdown_all() if $eof;
}

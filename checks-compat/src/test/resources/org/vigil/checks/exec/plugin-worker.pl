#!/usr/bin/perl
# Vigil's plugin worker (started by WorkerRunner, one of a few long-lived processes, as Nagios 4's workers): reads
# requests from stdin, forks and execs each plugin in its own process group, reads its stdout and stderr (capped)
# while others run, kills the process group at the timeout, and writes the result back on stdout.
# Only perl-base (Essential in Debian), and no POSIX module: it makes every fork markedly dearer (measured).
#
# request:  "<length>\n" then NUL-separated: id, timeout in ms, tag ("" for none), argc, argv..., NAME=VALUE...
# response: "<id> <exit status> <timed out 0|1> <truncated 0|1> <pid> <stdout length> <stderr length>\n" stdout stderr
#           (an exit status of 128+N for a plugin killed by signal N; stderr only when stdout is empty; exit -1 and
#           the reason in stderr when the plugin could not be forked)
use strict;
use warnings;
use Errno qw(EAGAIN EINTR);
use Fcntl qw(F_SETFL O_NONBLOCK);

my $LIMIT = $ARGV[0] // 1048576;
my $WNOHANG = 1;    # Linux
# a child that exits while something else still holds its pipe is noticed by SIGCHLD, or at the latest this late
my $POLL = 0.2;

$SIG{PIPE} = 'IGNORE';
$SIG{CHLD} = sub { };    # a handler, not the default, so that select() returns when a child exits
open(my $null, '<', '/dev/null') or die "plugin-worker: /dev/null: $!\n";
open(my $uptime, '<', '/proc/uptime') or die "plugin-worker: /proc/uptime: $!\n";

my %jobs;         # pid => job
my %fds;          # fd => [job, 'out' | 'err']
my $rin = '';     # the select set: stdin and every open plugin pipe
my $inbuf = '';
my $replies = ''; # written once per turn of the loop
my $next_check = 0;

# seconds since boot, to 10 ms: monotonic, and needs no module
sub now {
    sysseek($uptime, 0, 0);
    sysread($uptime, my $s, 64);
    return $s =~ /^(\d+\.?\d*)/ ? $1 : 0;
}

sub reply {
    my ($id, $status, $timedout, $trunc, $pid, $out, $err) = @_;
    $replies .= "$id $status $timedout $trunc $pid " . length($out) . ' ' . length($err) . "\n" . $out . $err;
}

sub flush_replies {
    while (length $replies) {
        my $n = syswrite(STDOUT, $replies);
        if (!defined $n) {
            next if $! == EINTR;
            shutdown_all();    # the engine is gone
        }
        substr($replies, 0, $n) = '';
    }
}

sub start_job {
    my ($id, $timeout_ms, $tag, $argc, @rest) = split /\0/, $_[0], -1;
    my @argv = splice(@rest, 0, $argc);
    my ($or, $ow, $er, $ew);
    if (!pipe($or, $ow) || !pipe($er, $ew)) {
        reply($id, -1, 0, 0, 0, '', "pipe: $!");
        return;
    }
    my $pid = fork();
    if (!defined $pid) {
        reply($id, -1, 0, 0, 0, '', "fork: $!");
        return;
    }
    if ($pid == 0) {
        # as Nagios's worker: the plugin leads its own process group, so a timeout kills all it started
        setpgrp(0, 0);
        $SIG{PIPE} = 'DEFAULT';
        $SIG{CHLD} = 'DEFAULT';
        for my $kv (@rest) {
            my $eq = index($kv, '=');
            $ENV{substr($kv, 0, $eq)} = substr($kv, $eq + 1) if $eq > 0;
        }
        $ENV{VIGIL_PLUGIN_RUN} = $tag if length $tag;
        open(STDIN, '<&', $null);
        open(STDOUT, '>&', $ow);
        open(STDERR, '>&', $ew);
        { no warnings 'exec'; exec { $argv[0] } @argv; }
        # as Nagios's worker child reports a failed exec: on stderr, with the errno as exit status
        my $errno = $! + 0;
        syswrite(STDERR, "execvp($argv[0], ...) failed. errno is $errno: $!\n");
        exit $errno;
    }
    close $ow;
    close $ew;
    fcntl($or, F_SETFL, O_NONBLOCK);
    fcntl($er, F_SETFL, O_NONBLOCK);
    # now() is cut to 10 ms: one more tick, so that a plugin is never killed before its timeout
    my $deadline = now() + $timeout_ms / 1000 + 0.01;
    my $job = { id => $id, pid => $pid, deadline => $deadline, out => '', err => '', outfh => $or, errfh => $er,
                tout => 0, terr => 0, timedout => 0 };
    $jobs{$pid} = $job;
    for ([$or, 'out'], [$er, 'err']) {
        my $fd = fileno($_->[0]);
        $fds{$fd} = [$job, $_->[1]];
        vec($rin, $fd, 1) = 1;
    }
    $next_check = $deadline if $deadline < $next_check;
}

sub close_stream {
    my ($job, $which) = @_;
    my $fh = $job->{$which . 'fh'} or return;
    my $fd = fileno($fh);
    delete $fds{$fd};
    vec($rin, $fd, 1) = 0;
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
            next if $! == EINTR;
            close_stream($job, $which) unless $! == EAGAIN;
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
    my $exit = ($status & 127) ? 128 + ($status & 127) : $status >> 8;
    my $err = length $job->{out} ? '' : $job->{err};
    my $trunc = $job->{tout} || (length $job->{out} ? 0 : $job->{terr});
    reply($job->{id}, $exit, $job->{timedout}, $trunc ? 1 : 0, $job->{pid}, $job->{out}, $err);
}

sub reap {
    while ((my $pid = waitpid(-1, $WNOHANG)) > 0) {
        my $status = $?;
        finish($jobs{$pid}, $status) if $jobs{$pid};
    }
}

# kills the process groups past their deadline; looks again at the earliest deadline left
sub expire {
    my ($t) = @_;
    my $next = $t + $POLL;
    for my $job (values %jobs) {
        next if $job->{timedout};
        if ($t >= $job->{deadline}) {
            $job->{timedout} = 1;
            kill 'KILL', -$job->{pid};
        } elsif ($job->{deadline} < $next) {
            $next = $job->{deadline};
        }
    }
    $next_check = $next;
}

sub read_requests {
    my $n = sysread(STDIN, $inbuf, 65536, length $inbuf);
    if (!defined $n) {
        return if $! == EAGAIN || $! == EINTR;
        shutdown_all();
    }
    shutdown_all() if $n == 0;
    while ($inbuf =~ /\A(\d+)\n/) {
        my $head = length($1) + 1;
        my $len = $1;
        last if length($inbuf) < $head + $len;
        my $payload = substr($inbuf, $head, $len);
        substr($inbuf, 0, $head + $len) = '';
        start_job($payload);
    }
}

# the engine closed the pipe or went away: its plugins go with it
sub shutdown_all {
    kill 'KILL', -$_ for keys %jobs;
    exit 0;
}

fcntl(STDIN, F_SETFL, O_NONBLOCK);
vec($rin, 0, 1) = 1;
reply('ready', 0, 0, 0, $$, '', '');
flush_replies();
while (1) {
    my $wait;
    if (%jobs) {
        $wait = $next_check - now();
        $wait = 0.001 if $wait < 0.001;
    }
    my $n = select(my $rout = $rin, undef, undef, $wait);
    if ($n > 0) {
        my $bits = unpack('b*', $rout);
        while ($bits =~ /1/g) {
            my $fd = pos($bits) - 1;
            if ($fd == 0) {
                read_requests();
            } elsif (my $entry = $fds{$fd}) {
                drain(@$entry);
            }
        }
    }
    reap();
    if (%jobs) {
        my $t = now();
        expire($t) if $t >= $next_check;
    }
    flush_replies();
}

#!/usr/bin/perl
# The floor of a perl worker: fork, exec and read check_dummy in a loop, nothing else (no select, no protocol).
# Prints CPU per run of the perl parent and of the plugins. Usage: perlfork.pl [RUNS]
use strict;
my $n = $ARGV[0] || 2000;
my @argv = ('/usr/lib/nagios/plugins/check_dummy', '0', 'ok');
for (1 .. $n) {
    pipe(my $r, my $w) or die "pipe: $!";
    my $pid = fork();
    if ($pid == 0) {
        setpgrp(0, 0);
        open(STDOUT, '>&', $w);
        exec { $argv[0] } @argv;
        exit 127;
    }
    close $w;
    1 while sysread($r, my $buf, 4096);
    waitpid($pid, 0);
}
my @t = times;
printf "perl fork loop   parent %.3f ms  children %.3f ms  total %.3f ms per run\n", ($t[0] + $t[1]) * 1000 / $n,
    ($t[2] + $t[3]) * 1000 / $n, ($t[0] + $t[1] + $t[2] + $t[3]) * 1000 / $n;

#!/usr/bin/perl
# The real Livestatus client (Debian's libmonitoring-livestatus-perl) against a running vigil, for
# LivestatusProcessTest: client.pl PEER CASE [ARGS...]; PEER is a socket path or host:port. Prints one line per row,
# fields joined by ';', so the test compares plain text. The client asks for JSON with a fixed16 header itself.
use strict;
use warnings;
use Monitoring::Livestatus;
use Time::HiRes qw(time);

my ($peer, $case, @args) = @ARGV;
my $ml = Monitoring::Livestatus->new(peer => $peer, keepalive => ($case eq 'keepalive' ? 1 : 0),
                                     errors_are_fatal => 1, timeout => 60);

sub rows {
    my ($query) = @_;
    my $rows = $ml->selectall_arrayref($query);
    print join(';', map { ref $_ eq 'ARRAY' ? join(',', @$_) : $_ } @$_), "\n" for @$rows;
}

if ($case eq 'select') {
    rows("GET services\nColumns: host_name description state plugin_output\nSort: host_name asc\n"
        . "Sort: description asc");
} elsif ($case eq 'filter') {
    rows("GET services\nColumns: host_name description\nFilter: state >= 1\nFilter: host_name ~ ^web\nAnd: 2\n"
        . "Sort: description asc");
} elsif ($case eq 'stats') {
    rows("GET services\nStats: state = 0\nStats: state = 1\nStats: state = 2\nStats: state = 3");
    rows("GET services\nColumns: host_name\nStats: state != 0\nSort: host_name asc");
} elsif ($case eq 'hashref') {
    my $hosts = $ml->selectall_hashref("GET hosts\nColumns: name num_services", 'name');
    print "$_;$hosts->{$_}->{num_services}\n" for sort keys %$hosts;
} elsif ($case eq 'authuser') {
    rows("GET services\nColumns: host_name description\nAuthUser: $args[0]\nSort: host_name asc\n"
        . "Sort: description asc");
} elsif ($case eq 'keepalive') {
    rows("GET hosts\nColumns: name\nSort: name asc");
    rows("GET services\nStats: state = 2");
} elsif ($case eq 'wait') {
    my $started = time();
    rows("GET services\nWaitObject: $args[0]\nWaitCondition: state = $args[1]\nWaitTrigger: state\n"
        . "WaitTimeout: 30000\nColumns: state plugin_output\nFilter: host_name = "
        . (split /;/, $args[0])[0] . "\nFilter: description = " . (split /;/, $args[0])[1]);
    printf "waited %.1f\n", time() - $started;
} elsif ($case eq 'command') {
    $ml->do("COMMAND [" . int(time()) . "] $args[0]");
    print "sent\n";
} elsif ($case eq 'ack') {
    $ml->do("COMMAND [" . int(time()) . "] ACKNOWLEDGE_SVC_PROBLEM;$args[0];1;0;1;alice;seen by the test");
    rows("GET services\nColumns: acknowledged\nFilter: host_name = " . (split /;/, $args[0])[0]
        . "\nFilter: description = " . (split /;/, $args[0])[1]);
} elsif ($case eq 'handled') {
    # Thruk's unhandled count on Nagios's columns, then on Vigil's own rule (a DOWN host's acknowledgement counts)
    rows("GET services\nStats: state != 0\nStats: acknowledged = 0\nStats: scheduled_downtime_depth = 0\n"
        . "StatsAnd: 3\nStats: state != 0\nStats: handled = 0\nStatsAnd: 2");
    rows("GET services\nColumns: host_name description acknowledged handled handling host_handled\n"
        . "Filter: state != 0\nSort: host_name asc\nSort: description asc");
    rows("GET hosts\nColumns: name state acknowledged handled handling\nSort: name asc");
} elsif ($case eq 'error') {
    $ml->errors_are_fatal(0);
    my $rows = $ml->selectall_arrayref("GET nosuchtable\nColumns: name");
    print "$Monitoring::Livestatus::ErrorCode;$Monitoring::Livestatus::ErrorMessage\n";
} else {
    die "unknown case $case\n";
}

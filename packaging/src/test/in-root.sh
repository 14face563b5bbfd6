#!/usr/bin/env bash
# Runs inside package-test.sh's throwaway root (root, its own mount, PID and network namespaces): installs the .deb
# with dpkg -i, checks what postinst made, systemd-analyze verify of the installed unit, the installed vigil verify,
# starts the daemon with the unit's ExecStart as the vigil user in an approximation of the unit's sandbox, waits for
# its READY=1 on a NOTIFY_SOCKET and for the status page, runs the unit's ExecReload lines (verify, SIGHUP), stops it
# with SIGTERM; then an upgrade keeps state and edits, remove keeps state, purge removes it.
# Usage: in-root.sh VIGIL.deb
set -euo pipefail
deb="$1"
unit=/lib/systemd/system/vigil.service
start=$SECONDS
fail() { echo "package-test: FAIL: $*" >&2; exit 1; }
step() { echo "== package-test, in the throwaway root ($((SECONDS - start)) s): $*"; }
# the value of a key in the installed unit (the first line of it)
unit_value() { sed -n "s/^$1=//p" "$unit" | head -n 1; }
# what the daemon said, when a step fails after it started
trap 'rc=$?; if [ "$rc" != 0 ] && [ -s /tmp/daemon.out ]; then echo "-- the daemon said:"; tail -n 30 /tmp/daemon.out; fi' EXIT

[ ! -e /usr/bin/vigil ] || fail "/usr/bin/vigil exists before the install: this root is not clean"
step "dpkg -i $(basename "$deb")"
dpkg -i "$deb" >/tmp/dpkg.out 2>&1 || { cat /tmp/dpkg.out; fail "dpkg -i failed"; }
dpkg-query -W -f='${Status}' vigil | grep -q "install ok installed" || fail "vigil is not installed"
uid="$(id -u vigil)" || fail "postinst made no vigil user"
[ "$uid" -lt 1000 ] || fail "vigil is not a system user (uid $uid)"
[ "$(getent passwd vigil | cut -d: -f6,7)" = /var/lib/vigil:/usr/sbin/nologin ] || fail "vigil's home or shell"
for d in /var/lib/vigil /var/log/vigil /var/log/vigil/archives /var/cache/vigil; do
  [ "$(stat -c %U:%a "$d")" = vigil:750 ] || fail "$d is not vigil's (mode 750): $(stat -c %U:%a "$d")"
done
for f in /etc/vigil/vigil.yml /etc/vigil/nagios.cfg /etc/vigil/resource.cfg /etc/vigil/objects/commands.cfg \
    /etc/logrotate.d/vigil; do
  [ -f "$f" ] || fail "$f was not installed"
done
for f in /etc/vigil/vigil.yml /etc/vigil/resource.cfg; do
  [ "$(stat -c %U:%G:%a "$f")" = root:vigil:640 ] || fail "$f is $(stat -c %U:%G:%a "$f"), not root:vigil 640"
done
grep -q 'installed a starter Nagios configuration' /tmp/dpkg.out || fail "postinst did not say it installed the starter"
ls /var/cache/vigil/vigil-short-*.jsa >/dev/null 2>&1 || fail "postinst trained no CDS archive for verify as vigil"
[ -L /etc/systemd/system/multi-user.target.wants/vigil.service ] || fail "vigil.service is not enabled"
logrotate --debug /etc/logrotate.d/vigil >/tmp/logrotate.out 2>&1 || { cat /tmp/logrotate.out; fail "logrotate"; }

step "systemd-analyze verify $unit"
# without systemd as PID 1 it still parses the unit and checks that its commands exist
if ! systemd-analyze verify --man=no "$unit" >/tmp/analyze.out 2>&1 || grep vigil /tmp/analyze.out; then
  cat /tmp/analyze.out
  fail "systemd-analyze verify found problems in vigil.service"
fi

nagios_cfg="$(unit_value Environment | sed -n 's/^NAGIOS_CFG=//p')"
[ "$nagios_cfg" = /etc/vigil/nagios.cfg ] || fail "the unit's NAGIOS_CFG: $nagios_cfg"
# the unit's command lines with their one variable expanded, as systemd does
expand() { sed "s|\${NAGIOS_CFG}|$nagios_cfg|g; s|^[-+!@:]*||"; }
exec_start="$(unit_value ExecStart | expand)"
mapfile -t exec_reload < <(sed -n 's/^ExecReload=//p' "$unit" | expand)
[ "${#exec_reload[@]}" = 2 ] || fail "the unit has not two ExecReload lines (verify, then SIGHUP)"
[ "$(unit_value User)" = vigil ] || fail "the unit runs as $(unit_value User), not vigil"

step "vigil verify $nagios_cfg (root)"
(cd / && vigil verify "$nagios_cfg") >/tmp/verify.out 2>&1 || { cat /tmp/verify.out; fail "vigil verify failed"; }
grep -q '^Total Errors: 0$' /tmp/verify.out || { cat /tmp/verify.out; fail "vigil verify: errors"; }

# a plugin that needs a capability: the unit's AmbientCapabilities must let it work under NoNewPrivileges
cat >/etc/vigil/conf.d/package-test.cfg <<'CFG'
define command {
    command_name    package_test_icmp
    command_line    $USER1$/check_icmp -H 127.0.0.1
}
define service {
    use                     generic-service
    host_name               localhost
    service_description     ICMP
    check_command           package_test_icmp
}
CFG
step "the daemon: $exec_start (as vigil, in the unit's sandbox, approximated)"
notify=/run/vigil-test-notify
# systemd's side of sd_notify: prints each datagram; systemd-notify's barrier fd is closed on receipt
/usr/bin/python3 -c '
import os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1]); os.chmod(sys.argv[1], 0o666)
print("listening", flush=True)
while True:
    print(s.recv(4096).decode().replace("\n", " "), flush=True)' "$notify" >/tmp/notify.out 2>&1 &
for _ in $(seq 50); do grep -q listening /tmp/notify.out 2>/dev/null && break; sleep 0.1; done
# User=, NoNewPrivileges=, AmbientCapabilities=, CapabilityBoundingSet=, WorkingDirectory=, ProtectSystem=strict with
# ReadWritePaths=, PrivateTmp=, ProtectHome=: the rest of the unit's hardening needs systemd
caps="$(unit_value AmbientCapabilities | tr 'A-Z' 'a-z' | sed 's/cap_/+/g; s/ /,/g')"
rw="$(unit_value ReadWritePaths)"
unshare --mount --propagation private bash -euo pipefail -c '
  for d in $1; do mount --bind "$d" "$d"; done
  for d in /tmp /home /root; do mount -t tmpfs -o mode=0 tmpfs "$d"; done
  chmod 1777 /tmp
  mount -o remount,bind,ro /
  mount -o remount,bind,ro /run
  cd /var/lib/vigil
  exec env -i PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 NOTIFY_SOCKET="$2" NAGIOS_CFG="$3" \
    setpriv --reuid=vigil --regid=vigil --init-groups --no-new-privs --inh-caps="$4" --ambient-caps="$4" \
    --bounding-set=-all,"$4" -- $5' sandbox "$rw" "$notify" "$nagios_cfg" "$caps" "$exec_start" \
  >/tmp/daemon.out 2>&1 &
daemon=$!
ready=""
for _ in $(seq 240); do
  if grep -q 'READY=1' /tmp/notify.out; then ready=yes; break; fi
  kill -0 "$daemon" 2>/dev/null || break
  sleep 0.5
done
[ -n "$ready" ] || { cat /tmp/daemon.out; fail "no READY=1 from the daemon in 120 s"; }
step "READY=1; the status page"
code="$(curl -s -o /tmp/page.html -w '%{http_code}' --max-time 10 http://127.0.0.1:8080/)" || true
[ "$code" = 200 ] || { cat /tmp/daemon.out; fail "the status page answered $code after READY=1"; }
grep -qi vigil /tmp/page.html || fail "the status page does not name Vigil"
step "check_icmp run by the daemon (cap_net_raw)"
curl -s -o /dev/null --max-time 10 -X POST http://127.0.0.1:8080/api/v1/services/localhost/ICMP/recheck || true
for _ in $(seq 60); do
  curl -s --max-time 5 -o /tmp/icmp.json http://127.0.0.1:8080/api/v1/services/localhost/ICMP || true
  grep -q 'OK - 127.0.0.1: rta' /tmp/icmp.json && break
  sleep 0.5
done
grep -q 'OK - 127.0.0.1: rta' /tmp/icmp.json || { cat /tmp/icmp.json; fail "check_icmp did not answer OK under the unit"; }
java_pid="$(pgrep -f 'vigil.jar run' | head -n 1)" || fail "no java process runs vigil.jar"
[ "$(stat -c %U /proc/"$java_pid")" = vigil ] || fail "the daemon runs as $(stat -c %U /proc/"$java_pid")"
grep -q '^NoNewPrivs:[[:space:]]*1' /proc/"$java_pid"/status || fail "the daemon has no NoNewPrivs"
for _ in $(seq 60); do [ -s /var/lib/vigil/status.dat ] && break; sleep 0.5; done
[ -s /var/lib/vigil/status.dat ] || fail "no status.dat in /var/lib/vigil"
[ -s /var/log/vigil/nagios.log ] || fail "no nagios.log in /var/log/vigil"
ls /var/cache/vigil/vigil-*.jsa >/dev/null 2>&1 || { cat /var/cache/vigil/*.failed 2>/dev/null; \
  fail "the first start trained no class-data sharing archive in /var/cache/vigil"; }

step "systemctl reload's commands as vigil: ${exec_reload[*]}"
for line in "${exec_reload[@]}"; do
  (cd /var/lib/vigil && runuser -u vigil -- ${line//\$MAINPID/$java_pid}) >>/tmp/reload.out 2>&1 \
    || { cat /tmp/reload.out; fail "the unit's ExecReload failed: $line"; }
done
for _ in $(seq 60); do grep -q 'Caught SIGHUP' /var/log/vigil/nagios.log && break; sleep 0.5; done
grep -q 'Caught SIGHUP' /var/log/vigil/nagios.log || fail "the daemon logged no reload after ExecReload"

step "SIGTERM (the unit's stop: KillMode=mixed)"
kill -TERM "$java_pid"
rc=0
wait "$daemon" || rc=$?
[ "$rc" = 0 ] || { cat /tmp/daemon.out; fail "the daemon exited $rc on SIGTERM"; }
[ -s /var/lib/vigil/vigil-retention.mv.db ] || fail "no retention database (vigil-retention.mv.db) after the stop"
if grep -i 'exception\|read-only file system' /tmp/daemon.out; then fail "the daemon said the above"; fi

step "upgrade (dpkg -i again), remove, purge"
echo "# kept by the upgrade" >>/etc/vigil/nagios.cfg
echo "kept by the upgrade" >/var/lib/vigil/marker
dpkg -i "$deb" >/tmp/dpkg2.out 2>&1 || { cat /tmp/dpkg2.out; fail "the second dpkg -i failed"; }
grep -q 'kept by the upgrade' /etc/vigil/nagios.cfg || fail "the upgrade replaced the edited nagios.cfg"
[ -f /var/lib/vigil/marker ] && [ -s /var/lib/vigil/vigil-retention.mv.db ] || fail "the upgrade lost /var/lib/vigil"
dpkg -r vigil >/tmp/dpkg3.out 2>&1 || { cat /tmp/dpkg3.out; fail "dpkg -r failed"; }
[ ! -e /usr/bin/vigil ] || fail "dpkg -r left /usr/bin/vigil"
[ -f /var/lib/vigil/marker ] && [ -f /etc/vigil/vigil.yml ] || fail "dpkg -r removed state or config"
dpkg -P vigil >/tmp/dpkg4.out 2>&1 || { cat /tmp/dpkg4.out; fail "dpkg -P failed"; }
for d in /var/lib/vigil /var/log/vigil /var/cache/vigil /etc/vigil; do
  [ ! -e "$d" ] || fail "purge left $d: $(ls -A "$d")"
done
step "passed"

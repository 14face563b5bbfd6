#!/usr/bin/env bash
# The package test (issue 22, "Must show"): checks the .deb with dpkg-deb, unpacks the tarball and verifies its sample
# config, then installs the .deb with dpkg -i into a throwaway root and runs in-root.sh there (the installed verify,
# systemd-analyze verify of the unit, the daemon started with the unit's ExecStart as the vigil user, upgrade, remove,
# purge). The throwaway root is an overlay on this machine's / in new mount, PID and network namespaces: it has this
# machine's packages (default-jre-headless, adduser) and nothing it writes reaches the machine; its network has only
# its own loopback, so port 8080 is free whatever else runs here. Needs root (CI is; so is this dev machine).
# Usage: package-test.sh TARGET_DIR (packaging/target, holding vigil_*_all.deb and vigil-*.tar.gz)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
target="$1"
start=$SECONDS
fail() { echo "package-test: FAIL: $*" >&2; exit 1; }
step() { echo "== package-test ($((SECONDS - start)) s): $*"; }
debs=("$target"/vigil_*_all.deb)
[ -f "${debs[0]}" ] || fail "no vigil_*_all.deb in $target (mvn -Pdeb package builds it)"
deb="${debs[0]}"
[ "$(id -u)" = 0 ] || fail "needs root (dpkg -i into a throwaway root, namespaces)"
for tool in dpkg-deb systemd-analyze unshare setpriv runuser ip pgrep logrotate curl /usr/bin/python3; do
  command -v "$tool" >/dev/null || fail "$tool is missing (bin/test installs what this test uses)"
done
[ -x /usr/lib/nagios/plugins/check_icmp ] || fail "check_icmp is missing (monitoring-plugins-basic; bin/test installs it)"
dpkg-query -W -f='${Status}' default-jre-headless 2>/dev/null | grep -q "install ok installed" \
  || fail "default-jre-headless, the package's dependency, is not installed here (bin/test installs it)"

step "dpkg-deb --info $(basename "$deb")"
info="$(dpkg-deb --info "$deb")"
grep -q '^ Package: vigil$' <<<"$info" || fail "Package is not vigil"
grep -q '^ Architecture: all$' <<<"$info" || fail "Architecture is not all"
grep -q '^ Depends: default-jre-headless' <<<"$info" || fail "no Depends on default-jre-headless"
for script in postinst prerm postrm; do grep -q " $script " <<<"$info" || fail "no $script"; done
conffiles="$(dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles)"
[ "$conffiles" = "$(printf '/etc/logrotate.d/vigil\n/etc/vigil/vigil.yml')" ] \
  || fail "conffiles are not vigil.yml and the logrotate file: $conffiles"

step "dpkg-deb --contents"
contents="$(dpkg-deb --contents "$deb" | awk '{print $1, $2, $NF}')"
for entry in "-rwxr-xr-x root/root ./usr/bin/vigil" "-rwxr-xr-x root/root ./usr/share/vigil/bin/vigil" \
    "-rw-r--r-- root/root ./usr/share/vigil/lib/vigil.jar" "-rw-r--r-- root/root ./lib/systemd/system/vigil.service" \
    "-rw-r--r-- root/root ./etc/vigil/vigil.yml" "-rw-r--r-- root/root ./etc/logrotate.d/vigil" \
    "-rw-r--r-- root/root ./usr/share/vigil/starter/nagios.cfg" \
    "-rw-r--r-- root/root ./usr/share/bash-completion/completions/vigil"; do
  grep -qxF -- "$entry" <<<"$contents" || fail "the package lacks: $entry"
done
if grep -E '\./(var|home|tmp|root)/' <<<"$contents"; then fail "the package ships files under /var, /home, /tmp or /root"; fi

work="$(mktemp -d /tmp/vigil-package-test.XXXXXX)"
trap 'rm -rf "$work"' EXIT
step "the tarball: bin/vigil verify sample-configs/nagios.cfg"
tarballs=("$target"/vigil-*.tar.gz)
[ -f "${tarballs[0]}" ] || fail "no vigil-*.tar.gz in $target"
tar -xzf "${tarballs[0]}" -C "$work"
unpacked=("$work"/vigil-*/)
[ -d "${unpacked[0]}sample-configs/var" ] || fail "the tarball has no sample-configs/var"
(cd "$work" && env -u VIGIL_JAR "${unpacked[0]}bin/vigil" verify "${unpacked[0]}sample-configs/nagios.cfg") \
  >"$work/tar-verify.out" 2>&1 || { cat "$work/tar-verify.out"; fail "the tarball's vigil verify failed"; }
grep -q '^Total Errors: 0$' "$work/tar-verify.out" || { cat "$work/tar-verify.out"; fail "the tarball's verify"; }
rm -rf "${unpacked[0]}"

step "dpkg -i into a throwaway root"
mkdir "$work/in" "$work/ns"
cp "$deb" "$work/in/vigil.deb"
cp "$here/in-root.sh" "$work/in/in-root.sh"
# every process started in the namespaces is killed when this command ends; its mounts go with it
unshare --mount --pid --net --fork --propagation private bash -euo pipefail -c '
  in="$1" ns="$2"
  root="$ns/root"
  mount -t tmpfs -o size=1g tmpfs "$ns"
  mkdir "$ns/upper" "$ns/work" "$root"
  mount -t overlay overlay -o "lowerdir=/,upperdir=$ns/upper,workdir=$ns/work" "$root"
  mount -t proc proc "$root/proc"
  mount --rbind /dev "$root/dev"
  mount --rbind /sys "$root/sys"
  for d in run tmp; do mount -t tmpfs tmpfs "$root/$d"; done
  cp "$in/vigil.deb" "$in/in-root.sh" "$root/tmp/"
  ip link set lo up
  exec chroot "$root" /bin/bash /tmp/in-root.sh /tmp/vigil.deb' package-test "$work/in" "$work/ns" </dev/null \
  || fail "in the throwaway root (above)"
step "passed"

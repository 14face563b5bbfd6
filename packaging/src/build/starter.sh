#!/usr/bin/env bash
# Makes the packaged configuration from sample-configs: OUT/nagios/ (the starter Nagios config postinst copies to
# /etc/vigil when none is there) with its runtime files under /var/lib/vigil and its logs under /var/log/vigil, run as
# the vigil user, the main log rotated daily into /var/log/vigil/archives as Nagios does; and OUT/vigil.yml
# (/etc/vigil/vigil.yml), the sample's settings without nagios_config: the unit names the Nagios config (NAGIOS_CFG).
# Usage: starter.sh SAMPLE_CONFIGS_DIR OUT_DIR
set -euo pipefail
sample="$1"
out="$2"
rm -rf "$out"
mkdir -p "$out/nagios"
cp -R "$sample/resource.cfg" "$sample/objects" "$sample/conf.d" "$out/nagios/"
{
  echo "# Vigil's starter configuration, installed by the vigil package because /etc/vigil had no nagios.cfg:"
  echo "# the sample config of Vigil's source tree (sample-configs/README.md), with its runtime files under"
  echo "# /var/lib/vigil and /var/log/vigil, the only places the service (vigil.service) may write."
  echo "#   vigil verify /etc/vigil/nagios.cfg      systemctl reload vigil (verifies first)"
  echo
  sed -e 's|^log_file=var/|log_file=/var/log/vigil/|' \
      -e 's|^debug_file=var/|debug_file=/var/log/vigil/|' \
      -e 's|^\([a-z_]*\)=var/|\1=/var/lib/vigil/|' \
      -e 's|^\([a-z_]*\)=var$|\1=/var/lib/vigil|' \
      "$sample/nagios.cfg"
  echo
  echo "# The package's additions: the user 'vigil run' switches to when started as root, and Nagios's daily log"
  echo "# rotation (the history reports read the archives)."
  echo "nagios_user=vigil"
  echo "nagios_group=vigil"
  echo "log_rotation_method=d"
  echo "log_archive_path=/var/log/vigil/archives"
} >"$out/nagios/nagios.cfg"
if grep -n '=var\(/\|$\)' "$out/nagios/nagios.cfg"; then
  echo "starter.sh: a runtime path above is still relative to the config (var/)" >&2
  exit 1
fi
{
  echo "# Vigil's settings for the service vigil.service (every key: /usr/share/doc/vigil/configuration.md)."
  echo "# The Nagios config is NAGIOS_CFG in the unit (/etc/vigil/nagios.cfg; systemctl edit vigil to change it)."
  sed -e '1,/^nagios_config:/d' -e 's|currentLogFilename: var/|currentLogFilename: /var/log/vigil/|' "$sample/vigil.yml"
} >"$out/vigil.yml"

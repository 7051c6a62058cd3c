#!/bin/sh
# Installs the packaged fence_maas (target/dist, made by `mvn -pl stonith-maas -am package`) where
# pacemaker-fenced finds fence agents, and optionally the cluster-glue external/maas plugin.
#
#   sudo stonith-maas/install.sh [--with-external] [--uninstall]
#
# Result: /usr/sbin/fence_maas (wrapper), /usr/share/fence-maas/fence-maas.jar (+ .jsa class-data
# archive for faster start, and its .stamp), and with --with-external
# /usr/lib/stonith/plugins/external/maas.
set -eu
dist=${DIST:-$(dirname "$(readlink -f "$0")")/target/dist}
sbin=/usr/sbin
share=/usr/share/fence-maas
plugins=/usr/lib/stonith/plugins/external
external=0
for arg in "$@"; do
    case "$arg" in
        --with-external) external=1 ;;
        --uninstall)
            rm -f "$sbin/fence_maas" "$share/fence-maas.jar" "$share/fence-maas.jsa" "$share/fence-maas.jsa.stamp" \
                "$plugins/maas"
            rmdir "$share/fence-maas.jsa.building" 2>/dev/null || true
            rmdir "$share" 2>/dev/null || true
            echo "fence_maas removed"
            exit 0
            ;;
        *) echo "usage: $0 [--with-external] [--uninstall]" >&2; exit 2 ;;
    esac
done
[ -f "$dist/fence-maas.jar" ] || { echo "no $dist/fence-maas.jar: build with mvn -pl stonith-maas -am package" >&2; exit 1; }
install -d "$share"
install -m 0644 "$dist/fence-maas.jar" "$share/fence-maas.jar"
install -m 0755 "$dist/fence_maas" "$sbin/fence_maas"
if [ "$external" -eq 1 ]; then
    install -d "$plugins"
    # cluster-glue ignores plugins writable by group or others.
    install -m 0755 "$dist/external-maas" "$plugins/maas"
fi
"$sbin/fence_maas" --build-cds-archive
"$sbin/fence_maas" -o metadata >/dev/null
echo "fence_maas installed: $sbin/fence_maas -> $share/fence-maas.jar"

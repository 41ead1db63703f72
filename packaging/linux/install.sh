#!/usr/bin/env bash
# Install the built app (dist/OrgDesigner) for the current user, without root:
#   packaging/linux/install.sh [PREFIX]        (default PREFIX: ~/.local)
# Puts the program folder under PREFIX/lib/OrgDesigner, a link PREFIX/bin/orgdesigner,
# the start-menu entry (.desktop), the icon and the MIME type for *.orgmodel (and the
# older *.orgmodel.json), and
# refreshes the MIME and desktop databases when the tools are there.
# Uninstall: packaging/linux/install.sh --uninstall [PREFIX]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
uninstall=0
if [[ "${1:-}" == "--uninstall" ]]; then uninstall=1; shift; fi
prefix="${1:-$HOME/.local}"
share="$prefix/share"

if [[ $uninstall == 1 ]]; then
    rm -rf "$prefix/lib/OrgDesigner"
    rm -f "$prefix/bin/orgdesigner" "$share/applications/orgdesigner.desktop" \
          "$share/mime/packages/orgdesigner-mime.xml" \
          "$share/icons/hicolor/scalable/apps/orgdesigner.svg" \
          "$share/icons/hicolor/256x256/apps/orgdesigner.png"
else
    [[ -x "$root/dist/OrgDesigner/orgdesigner" ]] || { echo "build first: packaging/build.sh" >&2; exit 2; }
    mkdir -p "$prefix/lib" "$prefix/bin" "$share/applications" "$share/mime/packages" \
             "$share/icons/hicolor/scalable/apps" "$share/icons/hicolor/256x256/apps"
    rm -rf "$prefix/lib/OrgDesigner"
    cp -a "$root/dist/OrgDesigner" "$prefix/lib/OrgDesigner"
    ln -sfn "$prefix/lib/OrgDesigner/orgdesigner" "$prefix/bin/orgdesigner"
    # Exec with the full path: works even when PREFIX/bin is not on PATH
    sed "s|^Exec=orgdesigner |Exec=$prefix/bin/orgdesigner |" "$here/orgdesigner.desktop" \
        > "$share/applications/orgdesigner.desktop"
    cp "$here/orgdesigner-mime.xml" "$share/mime/packages/orgdesigner-mime.xml"
    cp "$root/resources/icons/orgdesigner.svg" "$share/icons/hicolor/scalable/apps/orgdesigner.svg"
    cp "$root/resources/icons/orgdesigner.png" "$share/icons/hicolor/256x256/apps/orgdesigner.png"
fi
if command -v update-mime-database >/dev/null; then update-mime-database "$share/mime"; fi
if command -v update-desktop-database >/dev/null; then update-desktop-database "$share/applications"; fi
if command -v gtk-update-icon-cache >/dev/null && [[ -f "$share/icons/hicolor/index.theme" ]]; then
    gtk-update-icon-cache -q "$share/icons/hicolor" || true
fi
echo "$([[ $uninstall == 1 ]] && echo removed from || echo installed into) $prefix"

#!/bin/sh
# Add JDM Desk to the desktop's application menu for this user and let it open .jdm files.
# Run from the unpacked folder: ./install-desktop-entry.sh   (undo: ./install-desktop-entry.sh --remove)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$data/applications
icons=$data/icons/hicolor
if [ "${1:-}" = "--remove" ]; then
    done_what=removed
    rm -f "$apps/jdmdesk.desktop" "$icons/scalable/apps/jdmdesk.svg" \
          "$icons/256x256/apps/jdmdesk.png" "$data/mime/packages/jdmdesk-mime.xml"
else
    done_what=installed
    mkdir -p "$apps" "$icons/scalable/apps" "$icons/256x256/apps" "$data/mime/packages"
    # the entry names this folder's executable (quoted: the folder may hold spaces)
    sed -e "s|^Exec=.*|Exec=\"$here/jdmdesk\" %f|" -e "s|^TryExec=.*|TryExec=$here/jdmdesk|" \
        "$here/share/jdmdesk.desktop" > "$apps/jdmdesk.desktop"
    cp "$here/share/jdmdesk.svg" "$icons/scalable/apps/jdmdesk.svg"
    cp "$here/share/jdmdesk-256.png" "$icons/256x256/apps/jdmdesk.png"
    cp "$here/share/jdmdesk-mime.xml" "$data/mime/packages/jdmdesk-mime.xml"
fi
command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$icons" || true
echo "JDM Desk: desktop entry $done_what for $(id -un)"

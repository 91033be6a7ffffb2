#!/usr/bin/env sh
# Per-user install of the unpacked bundle: copies it to ~/.local/opt and adds a menu entry.
# The data (the encrypted store) lives elsewhere (~/.local/share/DiasporaDesk) and is never touched here.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
target="${XDG_DATA_HOME:-$HOME/.local/share}/../opt/diaspora-desk"
target=$(mkdir -p "$target" && cd "$target" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/scalable/apps"
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$target" "$apps/diaspora-desk.desktop" "$icons/diaspora-desk.svg"
  echo "Diaspora Desk removed. Your data folder was kept."
  exit 0
fi
cp -a "$here/." "$target/"
mkdir -p "$apps" "$icons" "$HOME/.local/bin"
sed "s|^Exec=.*|Exec=$target/diaspora-desk|" "$here/diaspora-desk.desktop" > "$apps/diaspora-desk.desktop"
cp "$here/diaspora-desk.svg" "$icons/diaspora-desk.svg"
ln -sf "$target/diaspora-desk" "$HOME/.local/bin/diaspora-desk"
echo "Diaspora Desk installed in $target (menu entry added; 'diaspora-desk' on PATH via ~/.local/bin)."

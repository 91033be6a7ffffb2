#!/usr/bin/env bash
# macOS: wrap the PyInstaller one-folder bundle into Diaspora Desk.app and a .dmg.
# Runs on a macOS runner (see .github/workflows/installers.yml) after `python installer/build.py`.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
version=$(python -c "import importlib.metadata as m; print(m.version('diaspora-desk'))")
bundle="$root/build/dist/diaspora-desk"
app="$root/build/dist/Diaspora Desk.app"
rm -rf "$app" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp -a "$bundle/." "$app/Contents/MacOS/"
cat > "$app/Contents/Info.plist" <<PLIST
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<plist version="1.0"><dict>
  <key>CFBundleName</key><string>Diaspora Desk</string>
  <key>CFBundleIdentifier</key><string>org.diasporadesk.desk</string>
  <key>CFBundleVersion</key><string>$version</string>
  <key>CFBundleShortVersionString</key><string>$version</string>
  <key>CFBundleExecutable</key><string>DiasporaDesk</string>
  <key>CFBundlePackageType</key><string>APPL</string>
  <key>LSMinimumSystemVersion</key><string>12.0</string>
  <key>NSHighResolutionCapable</key><true/>
  <key>CFBundleLocalizations</key><array><string>en</string><string>fr</string><string>pt</string></array>
</dict></plist>
PLIST
hdiutil create -volname "Diaspora Desk" -srcfolder "$app" -ov -format UDZO "$root/build/dist/DiasporaDesk-$version.dmg"
echo "built build/dist/DiasporaDesk-$version.dmg"

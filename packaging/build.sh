#!/usr/bin/env bash
# Build the one-folder application with PyInstaller and smoke-test it.
#   packaging/build.sh            (from anywhere; uses the current Python environment)
# Prints the build time and the size of dist/OrgDesigner, then runs the built app's
# --self-test offscreen. Not part of every CI run: it takes a few minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
python -m pip install -q "pyinstaller>=6.5"
start=$(date +%s)
python -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/orgdesigner.spec
end=$(date +%s)
echo "build time: $((end - start)) s"
echo "size: $(du -sh dist/OrgDesigner | cut -f1)"
QT_QPA_PLATFORM=offscreen dist/OrgDesigner/orgdesigner --self-test

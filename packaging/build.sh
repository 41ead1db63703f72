#!/usr/bin/env bash
# Build the one-folder application with PyInstaller and smoke-test it.
#   packaging/build.sh            (from anywhere; uses the current Python environment,
#                                  which must have OrgDesigner's dependencies installed)
# Prints the build time and the size of dist/OrgDesigner, then runs the built app's
# --self-test and --packaging-check offscreen. Not part of every CI run: it takes about
# five minutes. Exit code 0 only when the build and both checks pass.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
"$PYTHON" -m pip install -q "pyinstaller>=6.5"
start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/orgdesigner.spec
end=$(date +%s)
echo "build time: $((end - start)) s"
echo "size: $(du -sh dist/OrgDesigner | cut -f1)  (dist/OrgDesigner)"
# no display needed: the window step renders offscreen
export QT_QPA_PLATFORM=offscreen
dist/OrgDesigner/orgdesigner --self-test
dist/OrgDesigner/orgdesigner --packaging-check

#!/usr/bin/env bash
# Renders the app icons from their SVG sources (public/icons/*.svg) to the
# PNG sizes the web manifest and iOS ask for. The PNGs are committed, so the
# build does not need this; run it after changing a source. Needs
# rsvg-convert (Debian: librsvg2-bin).
set -euo pipefail
cd "$(dirname "$0")/../public/icons"
for size in 192 512; do
  rsvg-convert -w $size -h $size icon.svg -o icon-$size.png
  rsvg-convert -w $size -h $size maskable.svg -o maskable-$size.png
done
# iOS rounds the corners itself: the full-bleed artwork.
rsvg-convert -w 180 -h 180 maskable.svg -o apple-touch-icon.png
ls -l *.png

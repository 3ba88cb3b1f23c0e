#!/bin/sh
# Render the application icon (icon.svg) into the PNG sizes desktops ask for.
# Needs ImageMagick (`convert`); the PNGs are committed, so building the app
# does not.
set -eu
cd "$(dirname "$0")"
for size in 16 24 32 48 64 128 256 512; do
  convert -background none -density 300 icon.svg -resize "${size}x${size}" \
    -depth 8 -strip "PNG32:icons/serverless-atlas-${size}.png"
done

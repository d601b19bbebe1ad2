#!/usr/bin/env bash
# Vendor the pinned front-end assets into static/ so that `make run` and CI never need npm.
#
#   scripts/vendor.sh        (or: make vendor)
#
# Installs exactly what package-lock.json pins (npm ci), then copies the built files into
# static/vendor/ and static/fonts/noto-sans/ with versioned names, plus licences and a README.
# Both output directories are owned by this script: they are emptied first, so stale versions
# disappear when a pin changes. Commit the result; node_modules/ stays ignored.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

NM="$ROOT/node_modules"
VENDOR="$ROOT/static/vendor"
FONTS="$ROOT/static/fonts/noto-sans"

npm ci --no-audit --no-fund --ignore-scripts

# Version of an installed top-level package, read from its package.json.
version() {
    node -p "require('$NM/$1/package.json').version"
}

UTRECHT_CSS_V="$(version @utrecht/component-library-css)"
VOORBEELD_V="$(version @nl-design-system-unstable/voorbeeld-design-tokens)"
UTRECHT_TOKENS_V="$(version @utrecht/design-tokens)"
NOTO_V="$(version @fontsource-variable/noto-sans)"
PLOTLY_V="$(version plotly.js-basic-dist-min)"
LEAFLET_V="$(version leaflet)"

# plotly.js must match the version bundled with the Python plotly package.
if [[ -x "$ROOT/.venv/bin/python" ]]; then
    PY_PLOTLY_V="$("$ROOT/.venv/bin/python" -c \
        'import plotly.offline; print(plotly.offline.get_plotlyjs_version())')"
    if [[ "$PY_PLOTLY_V" != "$PLOTLY_V" ]]; then
        echo "vendor.sh: plotly.js-basic-dist-min is $PLOTLY_V but Python plotly bundles" \
            "plotly.js $PY_PLOTLY_V; pin the same version in package.json." >&2
        exit 1
    fi
fi

rm -rf "$VENDOR" "$FONTS"
mkdir -p "$VENDOR/LICENSES" "$FONTS"

# --- CSS and JS --------------------------------------------------------------------------
UTRECHT_CSS_F="utrecht-component-library-$UTRECHT_CSS_V.css"
VOORBEELD_F="voorbeeld-design-tokens-$VOORBEELD_V.css"
UTRECHT_TOKENS_F="utrecht-design-tokens-$UTRECHT_TOKENS_V.css"
PLOTLY_F="plotly-basic-$PLOTLY_V.min.js"

cp "$NM/@utrecht/component-library-css/dist/index.css" "$VENDOR/$UTRECHT_CSS_F"
cp "$NM/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css" "$VENDOR/$VOORBEELD_F"
cp "$NM/@utrecht/design-tokens/dist/index.css" "$VENDOR/$UTRECHT_TOKENS_F"
cp "$NM/plotly.js-basic-dist-min/plotly-basic.min.js" "$VENDOR/$PLOTLY_F"

# The vendored CSS must not point at files we did not copy: only data: URIs are allowed.
for css in "$VENDOR"/*.css; do
    if grep -oE 'url\([^)]*\)' "$css" | grep -vqE '^url\(["'\'']?data:'; then
        echo "vendor.sh: $css references external files:" >&2
        grep -oE 'url\([^)]*\)' "$css" | grep -vE '^url\(["'\'']?data:' >&2
        exit 1
    fi
done

# Leaflet (the street map, issue 18): its CSS points at its own images, so it keeps its
# directory layout under a versioned folder (outside the check above, which is for one-file CSS).
LEAFLET_D="leaflet-$LEAFLET_V"
mkdir -p "$VENDOR/$LEAFLET_D/images"
cp "$NM/leaflet/dist/leaflet.js" "$NM/leaflet/dist/leaflet.css" "$VENDOR/$LEAFLET_D/"
cp "$NM/leaflet/dist/images/"*.png "$VENDOR/$LEAFLET_D/images/"
if grep -oE 'url\([^)]*\)' "$VENDOR/$LEAFLET_D/leaflet.css" | grep -vqE '^url\(["'\'']?(data:|images/|#default#VML)'; then
    echo "vendor.sh: leaflet.css references files outside images/" >&2
    exit 1
fi

# --- Licences ----------------------------------------------------------------------------
cp "$NM/@utrecht/component-library-css/LICENSE.md" "$VENDOR/LICENSES/utrecht-component-library-css.txt"
cp "$NM/@nl-design-system-unstable/voorbeeld-design-tokens/LICENSE.md" \
    "$VENDOR/LICENSES/nl-design-system-unstable-voorbeeld-design-tokens.txt"
cp "$NM/@utrecht/design-tokens/LICENSE.md" "$VENDOR/LICENSES/utrecht-design-tokens.txt"
cp "$NM/@fontsource-variable/noto-sans/LICENSE" "$VENDOR/LICENSES/fontsource-variable-noto-sans.txt"
cp "$NM/plotly.js-basic-dist-min/LICENSE" "$VENDOR/LICENSES/plotly.js-basic-dist-min.txt"
cp "$NM/leaflet/LICENSE" "$VENDOR/LICENSES/leaflet.txt"
# The OFL asks that the licence travel with the font files.
cp "$NM/@fontsource-variable/noto-sans/LICENSE" "$FONTS/OFL.txt"

# --- Noto Sans Variable (weight axis, latin + latin-ext, normal + italic) ----------------
# The @font-face rules are taken from fontsource's own CSS (so the unicode-ranges stay
# exact); only the latin and latin-ext blocks are kept and url()s made relative to this dir.
NOTO="$NM/@fontsource-variable/noto-sans"
for subset in latin latin-ext; do
    for style in normal italic; do
        cp "$NOTO/files/noto-sans-$subset-wght-$style.woff2" "$FONTS/"
    done
done

NOTO_DIR="$NOTO" NOTO_V="$NOTO_V" node - >"$FONTS/noto-sans.css" <<'JS'
const fs = require('fs');
const dir = process.env.NOTO_DIR;
const wanted = /^noto-sans-(latin|latin-ext)-wght-(normal|italic)$/;
const blocks = [];
for (const file of ['wght.css', 'wght-italic.css']) {
  const css = fs.readFileSync(`${dir}/${file}`, 'utf8');
  for (const m of css.matchAll(/\/\* ([\w-]+) \*\/\s*(@font-face \{[^}]*\})/g)) {
    if (!wanted.test(m[1])) continue;
    let block = m[2].replace(/url\(\.\/files\/([\w.-]+)\)/, 'url("$1")');
    if (!/font-family: 'Noto Sans Variable';/.test(block) || !/font-display: swap;/.test(block)) {
      throw new Error(`unexpected @font-face for ${m[1]}:\n${block}`);
    }
    blocks.push(`/* ${m[1]} */\n${block}`);
  }
}
if (blocks.length !== 4) throw new Error(`expected 4 @font-face rules, found ${blocks.length}`);
process.stdout.write(
  `/*\n * Noto Sans Variable ${process.env.NOTO_V} (@fontsource-variable/noto-sans), weight axis 100-900,\n` +
  ` * latin + latin-ext, normal + italic. SIL Open Font License 1.1, see OFL.txt.\n` +
  ` * Generated by scripts/vendor.sh; do not edit. Serve from /static/fonts/noto-sans/.\n */\n\n` +
  blocks.join('\n\n') + '\n'
);
JS

# --- README ------------------------------------------------------------------------------
cat >"$VENDOR/README.md" <<EOF
# Vendored front-end assets

Generated by \`scripts/vendor.sh\` (\`make vendor\`) from the versions pinned in
\`package.json\` / \`package-lock.json\`. Do not edit these files; change the pin and re-run the
script instead. The app and CI serve these copies and never need npm.

| File | npm package | Version | Licence |
| --- | --- | --- | --- |
| \`static/vendor/$UTRECHT_CSS_F\` | \`@utrecht/component-library-css\` (\`dist/index.css\`) | $UTRECHT_CSS_V | EUPL-1.2 |
| \`static/vendor/$VOORBEELD_F\` | \`@nl-design-system-unstable/voorbeeld-design-tokens\` (\`dist/theme.css\`) | $VOORBEELD_V | EUPL-1.2 |
| \`static/vendor/$UTRECHT_TOKENS_F\` | \`@utrecht/design-tokens\` (\`dist/index.css\`) | $UTRECHT_TOKENS_V | Proprietary, Gemeente Utrecht (all rights reserved) |
| \`static/vendor/$PLOTLY_F\` | \`plotly.js-basic-dist-min\` (\`plotly-basic.min.js\`) | $PLOTLY_V | MIT |
| \`static/vendor/$LEAFLET_D/\` (\`leaflet.js\`, \`leaflet.css\`, \`images/\`) | \`leaflet\` (\`dist/\`) | $LEAFLET_V | BSD-2-Clause |
| \`static/fonts/noto-sans/noto-sans.css\` and \`*.woff2\` | \`@fontsource-variable/noto-sans\` (latin, latin-ext; wght axis; normal, italic) | $NOTO_V | OFL-1.1 |

Licence texts are in \`LICENSES/\`, one file per package (the font's licence is also in
\`static/fonts/noto-sans/OFL.txt\`).

## Themes

- The default theme is the open NL Design System example theme
  (\`$VOORBEELD_F\`, class \`voorbeeld-theme\`).
- \`$UTRECHT_TOKENS_F\` (class \`utrecht-theme\`) is proprietary to Gemeente Utrecht. It is
  used only with Gemeente Utrecht's consent, by setting \`WARMTENET_THEME=utrecht\`.

## Fonts

\`static/fonts/noto-sans/noto-sans.css\` declares the family \`"Noto Sans Variable"\`, the name the
Utrecht tokens ask for. The example theme asks for \`'Noto Sans'\` (text), \`'Noto Serif'\`
(headings) and \`'Noto Sans Mono'\` (code), which are not vendored here.
EOF

echo "Vendored into static/vendor/ and static/fonts/noto-sans/:"
(cd "$ROOT" && find static/vendor static/fonts/noto-sans -type f -print0 | sort -z | xargs -0 ls -l | awk '{printf "%10d  %s\n", $5, $9}')

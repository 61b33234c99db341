#!/usr/bin/env bash
# Writes the man page and the shell completion scripts, both generated from the argument parser,
# so they always match the options of the built binary.
#
#   scripts/generate-docs.sh [OUTPUT-DIR]        (default: .build/docs)
#
# Output:
#   OUTPUT-DIR/man/man1/dossier.1                 man -l OUTPUT-DIR/man/man1/dossier.1
#   OUTPUT-DIR/completions/dossier.bash           source it, or copy to /usr/share/bash-completion/completions/dossier
#   OUTPUT-DIR/completions/_dossier               zsh: put its folder on $fpath
#   OUTPUT-DIR/completions/dossier.fish           copy to ~/.config/fish/completions/
#
# The man page comes from swift-argument-parser's generate-manual plugin (it works offline once
# the package's dependencies are fetched); a debug build is enough and much faster than release.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.build/docs}
mkdir -p "$out/man/man1" "$out/completions"

swift build --product dossier >/dev/null
bin=.build/debug/dossier
"$bin" --generate-completion-script bash > "$out/completions/dossier.bash"
"$bin" --generate-completion-script zsh > "$out/completions/_dossier"
"$bin" --generate-completion-script fish > "$out/completions/dossier.fish"

swift package plugin generate-manual --configuration debug >/dev/null
page=.build/plugins/GenerateManual/outputs/dossier/dossier.1
{
  cat "$page"
  echo
  # What the argument parser cannot know: keys, where state lives, the environment.
  cat <<'MDOC'
.Sh KEYS
In the reader, press
.Ic \&?
for every key binding:
.Ic j k
move,
.Ic Tab 1 2 3
switch panes,
.Ic /
search,
.Ic n N
next and previous match,
.Ic f
filter,
.Ic m
bookmark,
.Ic *
star a quote,
.Ic \(aq
bookmarks and stars,
.Ic q
quit.
.Sh ENVIRONMENT
.Bl -tag -width XDG_STATE_HOME
.It Ev XDG_STATE_HOME
Reading state (last article and scroll position, bookmarks, starred quotes) is kept in
.Pa $XDG_STATE_HOME/dossier/ ,
one file per corpus.
.It Ev NO_COLOR
When set and not empty, the reader uses no colours, only bold, reverse and underline.
.It Ev TERM
The terminal type; the reader needs one that can move the cursor.
.El
.Sh FILES
.Bl -tag -width Ds
.It Pa ~/.local/state/dossier/
Reading state when
.Ev XDG_STATE_HOME
is not set. A corrupt or foreign file there is ignored with a warning.
.El
.Sh EXAMPLES
.Dl dossier ~/news
.Dl dossier search 'speaker:smith date:2022-11..2023-01' ~/news --json
.Dl dossier export --starred --format csv ~/news > quotes.csv
MDOC
} > "$out/man/man1/dossier.1"
echo "wrote $out/man/man1/dossier.1 and $out/completions/"

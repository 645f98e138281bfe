#!/bin/sh
# Run a test command (the arguments) with a fresh temporary folder of its own: TMPDIR=<parent>/xxgk-test-run.XXXXXX,
# mode 755 (tests that run the CLI as another user reach their folders through it). tsx's caches (tsx-<uid>) are
# linked from the parent, so the run does not transpile everything again. At the end, anything the run left in its
# temporary folder (a test's scratch folder, a CLI's spill or publish folder) is listed and fails the run (exit 1 when
# the command itself passed); the folder is then removed.
set -u
parent=${TMPDIR:-/tmp}
run_tmp=$(mktemp -d "$parent/xxgk-test-run.XXXXXX") || exit 1
trap 'rm -rf "$run_tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
chmod 755 "$run_tmp"

mkdir -p "$parent/tsx-$(id -u)"
linked=''
for cache in "$parent"/tsx-*; do
  [ -d "$cache" ] || continue
  name=${cache##*/}
  ln -s "$cache" "$run_tmp/$name" && linked="$linked $name"
done

TMPDIR=$run_tmp "$@"
code=$?

left=$(cd "$run_tmp" && for entry in * .[!.]* ..?*; do
  [ -e "$entry" ] || [ -L "$entry" ] || continue
  case " $linked " in *" $entry "*) [ -L "$entry" ] && continue ;; esac
  echo "$entry"
done)
if [ -n "$left" ]; then
  count=$(printf '%s\n' "$left" | wc -l)
  echo "test-tmpdir: the tests left $count entries in their temporary folder $run_tmp:" >&2
  printf '%s\n' "$left" | head -n 50 | while IFS= read -r entry; do
    echo "  $entry ($(du -sh "$run_tmp/$entry" 2>/dev/null | cut -f1))" >&2
  done
  [ "$count" -gt 50 ] && echo "  … and $((count - 50)) more" >&2
  [ "$code" -eq 0 ] && code=1
fi
exit "$code"

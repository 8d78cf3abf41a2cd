#!/usr/bin/env bash
# Proves Tacet's pre-commit hooks (.pre-commit-hooks.yaml) end to end with the real pre-commit from PyPI:
# a scratch git repository made by `tacet init`, whose git pre-commit hook runs `pre-commit try-repo`
# on this repository (uncommitted changes included). A commit adding a workflow that breaks the default
# policy is refused with the finding's file:line:column; a commit adding a compliant one goes through.
#
# Slow: pre-commit builds this package in release mode for each try-repo run (a fresh store each time),
# twice in all. Needs swift, git and python3 (pre-commit is installed into .build/pre-commit-venv).
# Usage: Scripts/try-pre-commit.sh   (exit 0 when both commits behave as described)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.build/pre-commit-venv"
if [ ! -x "$venv/bin/pre-commit" ]; then
  echo "== installing pre-commit into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q pre-commit
fi
echo "== $("$venv/bin/pre-commit" --version)"

echo "== building tacet (debug) to run tacet init"
swift build --package-path "$root" --product tacet >/dev/null
tacet="$root/.build/debug/tacet"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/tacet-pre-commit.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT
repo="$scratch/clinic"
"$tacet" init "$repo" --team demo
cd "$repo"
git init -q
git config user.name "Tacet try-pre-commit"
git config user.email "try-pre-commit@tacet.invalid"
git add -A
git commit -qm "tacet init"

# The repository's own git hook: every commit runs Tacet's hooks through `pre-commit try-repo`.
cat > .git/hooks/pre-commit <<HOOK
#!/usr/bin/env bash
exec "$venv/bin/pre-commit" try-repo "$root" --color never
HOOK
chmod +x .git/hooks/pre-commit

cat > teams/demo/workflows/affect.yaml <<'YAML'
apiVersion: tacet/v1
kind: Workflow
metadata: {name: demo-affect, team: demo}
policy: demo
steps:
  - id: read-the-room
    task: nonverbal-affect-reading
    performer: t-demo-example
    ai: ai-assisted
YAML
git add teams/demo/workflows/affect.yaml
echo "== committing a workflow that breaks the default policy (builds Tacet in release mode: minutes)"
if git commit -m "add a violating workflow" > "$scratch/refused.log" 2>&1; then
  cat "$scratch/refused.log"
  echo "FAIL: the commit of a violating workflow went through"
  exit 1
fi
cat "$scratch/refused.log"
expected="teams/demo/workflows/affect.yaml:9:9: error: step 'read-the-room' uses AI at ai-assisted, but task 'nonverbal-affect-reading' allows at most human-only [requirement.ai-level]"
if ! grep -qF "$expected" "$scratch/refused.log"; then
  echo "FAIL: the refusal does not show the finding at its file:line:column: $expected"
  exit 1
fi
if grep -qF "[plugin." "$scratch/refused.log"; then
  echo "FAIL: a shipped plugin failed in the hook (see above)"
  exit 1
fi
echo "== refused, with: $expected"

git reset -q HEAD teams/demo/workflows/affect.yaml
rm teams/demo/workflows/affect.yaml
sed -e 's/demo-session-planning/demo-group-planning/' teams/demo/workflows/session-planning.yaml > teams/demo/workflows/group-planning.yaml
sed -i -e 's/\[demo-session-planning\]/[demo-session-planning, demo-group-planning]/' teams/demo/therapists/t-demo-example.yaml
git add teams/demo
echo "== committing a compliant workflow (builds Tacet again: try-repo keeps no store)"
if ! git commit -m "add a compliant workflow" > "$scratch/accepted.log" 2>&1; then
  cat "$scratch/accepted.log"
  echo "FAIL: the commit of a compliant workflow was refused"
  exit 1
fi
cat "$scratch/accepted.log"
echo "== accepted: $(git log --oneline -1)"
echo "PASS: a violating commit is refused with its finding; a compliant one passes"

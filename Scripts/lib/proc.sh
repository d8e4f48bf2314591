# shellcheck shell=bash
# Process helpers shared by Scripts/test and Scripts/demo (sourced, Linux only: /proc).

# True while PID runs (a zombie, i.e. exited but not yet reaped, counts as gone).
border_proc_alive() {
  local state
  state=$(sed -E 's/^.*\) //; s/ .*//' "/proc/$1/stat" 2>/dev/null) || return 1
  [[ -n "$state" && "$state" != Z ]]
}

# Live processes of session SID (e.g. started with `setsid`). swift test runs its xctest
# runner in a process group of its own, so a process group is not enough.
border_proc_session_pids() {
  local sid=$1 stat pid fields
  local -a f
  for stat in /proc/[0-9]*/stat; do
    fields=$(sed -E 's/^.*\) //' "$stat" 2>/dev/null) || continue
    read -r -a f <<<"$fields"
    if [[ "${f[3]:-}" == "$sid" && "${f[0]}" != Z ]]; then
      pid=${stat#/proc/}
      echo "${pid%/stat}"
    fi
  done
}

# border_proc_stop PID [SECONDS] [SESSION]: send TERM to PID (and, with SESSION=1, to every
# process of the session PID leads), wait up to SECONDS (default 15), then KILL what is left.
# Reaps PID if it is our child.
border_proc_stop() {
  local pid=$1 timeout=${2:-15} session=${3:-0} p
  local -a pids=("$pid")
  if [[ "$session" == 1 ]]; then mapfile -t pids < <(border_proc_session_pids "$pid"); fi
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  local deadline=$((SECONDS + timeout))
  local -a alive
  while :; do
    alive=()
    for p in "${pids[@]}"; do border_proc_alive "$p" && alive+=("$p"); done
    ((${#alive[@]} > 0 && SECONDS < deadline)) || break
    sleep 0.1
  done
  if ((${#alive[@]} > 0)); then
    echo "processes ${alive[*]} did not stop within ${timeout}s; killing them" >&2
    for p in "${alive[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  fi
  wait "$pid" 2>/dev/null || true
}

# border_run CMD...: run CMD in the background in a session of its own and wait for it,
# returning its status. Meanwhile BORDER_CHILD holds its pid, so that an EXIT/INT/TERM trap
# (which bash runs at once while `wait`ing, but only after a foreground command ends) can
# stop it with: border_proc_stop "$BORDER_CHILD" 15 1
BORDER_CHILD=""
border_run() {
  setsid --wait "$@" &
  BORDER_CHILD=$!
  local rc=0
  wait "$BORDER_CHILD" || rc=$?
  BORDER_CHILD=""
  return "$rc"
}

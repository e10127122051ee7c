# Helpers for the real-window tests: start the kiosk, wait for log lines, tap items by id.
# The kiosk runs with --log-items, so every settled screen logs `event=items place=P id=x,y ...`.

# wait_log PATTERN [SECONDS]: waits until the kiosk log matches PATTERN (grep -E).
wait_log() {
  local pattern=$1 limit=${2:-20}
  for _ in $(seq 1 $((limit * 10))); do
    grep -qE "$pattern" "$LOG" && return 0
    kill -0 "$KIOSK" 2>/dev/null || { echo "kiosk exited while waiting for: $pattern"; cat "$LOG"; return 1; }
    sleep 0.1
  done
  echo "timeout waiting for: $pattern"; tail -20 "$LOG"; return 1
}

# wait_count PATTERN N [SECONDS]: waits until PATTERN has matched N lines of the log.
wait_count() {
  local limit=${3:-20}
  for _ in $(seq 1 $((limit * 10))); do
    [ "$(grep -cE "$1" "$LOG")" -ge "$2" ] && return 0
    sleep 0.1
  done
  echo "timeout waiting for $2 x: $1"; tail -20 "$LOG"; return 1
}

# item_xy PLACE ID: "x y" of item ID on the last settled frame of PLACE.
item_xy() {
  grep "event=items place=$1 " "$LOG" | tail -1 | tr ' ' '\n' | grep "^$2=" | head -1 | cut -d= -f2 | tr ',' ' '
}

# tap PLACE ID: clicks the item in the kiosk window.
tap() {
  wait_log "event=items place=$1 " 20 || return 1
  local xy
  xy=$(item_xy "$1" "$2")
  [ -n "$xy" ] || { echo "no item $2 on $1"; grep "event=items place=$1 " "$LOG" | tail -1; return 1; }
  # shellcheck disable=SC2086
  xdotool mousemove --window "$WIN" $xy click 1
}

# not_blank PNG: the picture has real content (not one flat colour).
not_blank() {
  local sd
  sd=$(convert "$1" -colorspace Gray -format '%[fx:standard_deviation]' info:)
  awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || { echo "$1 looks blank (sd=$sd)"; return 1; }
}

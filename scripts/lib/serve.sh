# Sourced by the benchmark scripts: simulating relays on loopback, stopped on exit.
# Needs RELAY (the smsrent-relay binary; release_relay sets it) and OUT
# (where the logs go).

PIDS=()
stop_relays() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  PIDS=()
}

# serve NAME PORT DIR [FLAGS...]: a simulating relay serving DIR; waits for /healthz.
serve() {
  local name=$1 port=$2 dir=$3
  shift 3
  RUST_LOG=warn "$RELAY" --listen "127.0.0.1:$port" --simulate --control --seed 8 \
    --rate-per-minute 0 --serve "$dir" "$@" >"$OUT/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do
    curl -fsS --noproxy '*' "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "relay $name did not start:" >&2
  cat "$OUT/$name.log" >&2
  exit 1
}

# release_relay: builds the release relay (needs ROOT), sets RELAY to it,
# and stops every relay started here on exit.
release_relay() {
  cargo build -q --release -p smsrent-relay --bin smsrent-relay
  RELAY="$ROOT/target/release/smsrent-relay"
  trap stop_relays EXIT
}

#!/usr/bin/env bash
# side_by_side.sh (../shared/peers) with a third server: the portal before some change (PORTAL_BEFORE,
# a copy of the tree at the older commit with a .venv, port 8202) beside the portal after it (PORTAL,
# port 8002) and the Wagtail peer (8101), URL by URL interleaved in ONE run, on the portal_side database
# side_by_side.sh loaded; each result notes the app CPU per request (cpu_of.py). Unlike side_by_side.sh,
# each measurement waits until the machine is quiet (settle.py): the peer's search pages leave ~2 s of
# queued requests behind them, which would land in the tail of whichever server is measured next.
# p99 / p50 is given for every round (the worst of them). See BENCHMARKS.md.
#   PEERS=/tmp/peers PORTAL=$PWD PORTAL_BEFORE=/tmp/before bash benchmarks/peer/before_after.sh
set -euo pipefail
TOOLS=$(cd "$(dirname "$0")" && pwd); CPU_OF=$TOOLS/cpu_of.py
HERE=${PEERS:?the copy of ../shared/peers, set up and loaded (its README)}
PORTAL=${PORTAL:?}; BEFORE=${PORTAL_BEFORE:?}
DUR=${DUR:-10s}; CONNS=${CONNS:-8}; ROUNDS=${ROUNDS:-3}
OUT=${OUT:-/tmp/three-way}; mkdir -p "$OUT"
PURL="postgres://postgres@127.0.0.1:5432/portal_side"
SLUG=strengthening-community-radio-stations-in-ukraine-1
export SECRET_KEY=three-way-$(date +%s)-not-secret-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx
CACHE=${CACHE:-0}
for d in "$PORTAL" "$BEFORE"; do (cd "$d" && DATABASE_URL=$PURL ALLOWED_HOSTS=127.0.0.1 .venv/bin/python manage.py collectstatic --noinput -v0); done
(cd "$PORTAL" && exec env -u DEBUG -u REDIS_URL PUBLIC_PAGE_CACHE_SECONDS=$CACHE DATABASE_URL=$PURL ALLOWED_HOSTS=127.0.0.1 TRUST_X_FORWARDED_PROTO=1 \
   WEB_CONCURRENCY=2 GUNICORN_THREADS=1 LOG_LEVEL=WARNING .venv/bin/gunicorn portal.wsgi --bind 127.0.0.1:8002 \
   --workers 2 --threads 1 > "$OUT/portal-gunicorn.log" 2>&1) &
PP=$!
(cd "$BEFORE" && exec env -u DEBUG -u REDIS_URL PUBLIC_PAGE_CACHE_SECONDS=$CACHE DATABASE_URL=$PURL ALLOWED_HOSTS=127.0.0.1 TRUST_X_FORWARDED_PROTO=1 \
   WEB_CONCURRENCY=2 GUNICORN_THREADS=1 LOG_LEVEL=WARNING .venv/bin/gunicorn portal.wsgi --bind 127.0.0.1:8202 \
   --workers 2 --threads 1 > "$OUT/before-gunicorn.log" 2>&1) &
BP=$!
(cd "$HERE/wagtail" && exec env -u DEBUG PEER_DB=postgres .venv/bin/gunicorn peer.wsgi --workers 2 --worker-class sync \
   --bind 127.0.0.1:8101 --no-control-socket > "$OUT/peer-gunicorn.log" 2>&1) &
WP=$!
trap 'kill -TERM $PP $BP $WP 2>/dev/null; wait 2>/dev/null || true' EXIT
H='X-Forwarded-Proto: https'
for _ in $(seq 90); do curl -s -o /dev/null -H "$H" http://127.0.0.1:8002/healthz && curl -s -o /dev/null -H "$H" http://127.0.0.1:8202/healthz && curl -s -o /dev/null http://127.0.0.1:8101/hello/ && break; sleep 1; done
NAMES=(listing search filter search-p3 detail)
P_URLS=("/library/" "/library/?q=election%20observation" "/library/?theme=electoral-processes&country=KE" "/library/?q=women&page=3" "/case-studies/$SLUG/")
W_URLS=("/library/" "/library/?q=election%20observation" "/library/?theme=electoral-processes&country=KE" "/library/?q=women&page=3" "/library/$SLUG/")
for i in "${!NAMES[@]}"; do
  for _ in 1 2 3 4; do
    pc=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" --max-time 60 "http://127.0.0.1:8002${P_URLS[$i]}")
    bc=$(curl -s -o /dev/null -w '%{http_code}' -H "$H" --max-time 60 "http://127.0.0.1:8202${P_URLS[$i]}")
    wc=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "http://127.0.0.1:8101${W_URLS[$i]}")
  done
  echo "warm ${NAMES[$i]}: after $pc before $bc peer $wc"
done
# run wrk against one server and note the CPU its workers spent (robust to a busy machine)
one() { local name=$1 master=$2 url=$3 file=$4; shift 4
  local waited c0; waited=$(python3 "$TOOLS/settle.py"); c0=$(python3 "$CPU_OF" "$master")
  wrk -t2 -c"$CONNS" -d"$DUR" --latency "$@" "$url" > "$file"
  echo "cpu_s $(echo "$(python3 "$CPU_OF" "$master") - $c0" | bc -l)" >> "$file"; echo "settled_s $waited" >> "$file"; }
for r in $(seq "$ROUNDS"); do
  for i in "${!NAMES[@]}"; do
    one peer $WP "http://127.0.0.1:8101${W_URLS[$i]}" "$OUT/peer-${NAMES[$i]}-$r.txt"
    one before $BP "http://127.0.0.1:8202${P_URLS[$i]}" "$OUT/before-${NAMES[$i]}-$r.txt" -H "$H"
    one after $PP "http://127.0.0.1:8002${P_URLS[$i]}" "$OUT/after-${NAMES[$i]}-$r.txt" -H "$H"
  done
done
rps() { grep Requests/sec "$1" | awk '{print $2}'; }
cpr() { local n c; n=$(grep -E '^ +[0-9]+ requests in' "$1" | awk '{print $1}'); c=$(grep cpu_s "$1" | awk '{print $2}'); echo "$c * 1000 / $n" | bc -l | xargs printf '%.1f'; }
pct() { grep " $2%" "$1" | awk '{print $2}'; }
ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else {sub(/s$/,"",v); print v*1000}}'; }
tail_ratio() { echo "$(pct "$1" 99 | ms) / $(pct "$1" 50 | ms)" | bc -l | xargs printf '%.1f'; }  # p99 / p50
worst() { printf '%s\n' "$@" | sort -g | tail -n 1; }
med() { printf '%s\n' "$@" | sort -g | sed -n "$(( ($#+1)/2 ))p"; }
printf '| page | peer req/s (rounds) | before req/s (rounds) | after req/s (rounds) | before/peer | after/peer | after p50 / p99 (round 1) | after p99/p50 (rounds; worst) | before p99/p50 (worst round) | peer p99/p50 (worst round) | app CPU ms/request peer / before / after (median round) |\n|---|---|---|---|---:|---:|---|---|---|---|---|\n'
for i in "${!NAMES[@]}"; do
  n=${NAMES[$i]}; a=(); b=(); w=()
  for r in $(seq "$ROUNDS"); do a+=("$(rps "$OUT/after-$n-$r.txt")"); b+=("$(rps "$OUT/before-$n-$r.txt")"); w+=("$(rps "$OUT/peer-$n-$r.txt")"); done
  am=$(med "${a[@]}"); bm=$(med "${b[@]}"); wm=$(med "${w[@]}")
  ca=(); cb=(); cw=()
  ta=(); tb=(); tw=()
  for r in $(seq "$ROUNDS"); do
    ca+=("$(cpr "$OUT/after-$n-$r.txt")"); cb+=("$(cpr "$OUT/before-$n-$r.txt")"); cw+=("$(cpr "$OUT/peer-$n-$r.txt")")
    ta+=("$(tail_ratio "$OUT/after-$n-$r.txt")"); tb+=("$(tail_ratio "$OUT/before-$n-$r.txt")"); tw+=("$(tail_ratio "$OUT/peer-$n-$r.txt")")
  done
  printf '| %s | %s (%s) | %s (%s) | %s (%s) | %.1fx | %.1fx | %s / %s | %s; %s | %s | %s | %s / %s / %s |\n' "$n" "$wm" "${w[*]}" "$bm" "${b[*]}" "$am" "${a[*]}" \
    "$(echo "$bm / $wm" | bc -l)" "$(echo "$am / $wm" | bc -l)" "$(pct "$OUT/after-$n-1.txt" 50)" "$(pct "$OUT/after-$n-1.txt" 99)" \
    "${ta[*]}" "$(worst "${ta[@]}")" "$(worst "${tb[@]}")" "$(worst "${tw[@]}")" "$(med "${cw[@]}")" "$(med "${cb[@]}")" "$(med "${ca[@]}")"
  for s in after before peer; do e=$(grep -E 'Non-2xx|Socket errors' "$OUT/$s-$n-1.txt" | tr '\n' ' ' || true); [ -z "$e" ] || echo "  $s errors: $e"; done
done

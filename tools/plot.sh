#!/usr/bin/env bash
# Draws the load-test figures from the CSVs under docs/evidence (written by tools/InterviewAlerts.LoadTest).
# Needs gnuplot (Debian: gnuplot-nox); installs it when missing and apt-get is available. Reads and writes local files only.
set -euo pipefail
cd "$(dirname "$0")/.."
ev=docs/evidence

if ! command -v gnuplot >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1; then apt-get update -qq && apt-get install -y -qq gnuplot-nox >/dev/null; fi
fi
command -v gnuplot >/dev/null 2>&1 || { echo "gnuplot is needed (apt-get install gnuplot-nox)" >&2; exit 1; }
if gnuplot -e 'set terminal pngcairo' >/dev/null 2>&1; then term='pngcairo size 900,560 font ",11"'; else term='png size 900,560'; fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# pick FILE COLUMN=VALUE... : rows of a CSV (header dropped) matching every column=value
pick() {
  local file=$1; shift
  awk -F, -v conds="$*" 'NR==1 { for (i = 1; i <= NF; i++) col[$i] = i; n = split(conds, c, " "); next }
    { ok = 1; for (k = 1; k <= n; k++) { split(c[k], kv, "="); if ($(col[kv[1]]) != kv[2]) ok = 0 } if (ok) print }' "$file"
}

if [ -f $ev/ingest.csv ]; then
  for s in Native BrassRing; do for t in Adapter RawEnqueue; do pick $ev/ingest.csv shape=$s target=$t > "$tmp/ingest-$s-$t.dat"; done; done
  gnuplot <<GP
set terminal $term
set output "$ev/ingest-throughput.png"
set datafile separator ","
set title "Ingest throughput vs concurrency (adapter vs raw-enqueue baseline, same bytes)"
set xlabel "concurrent clients (closed loop)"; set ylabel "acknowledged requests / s"
set logscale x 2; set xrange [0.8:80]; set xtics ("1" 1, "4" 4, "16" 16, "64" 64); set grid; set key outside below center maxrows 2 spacing 1.3; set xlabel offset 0,0.5; set yrange [0:*]
plot "$tmp/ingest-Native-Adapter.dat" using 3:8 with linespoints lw 2 pt 7 title "native JSON - adapter", \
     "$tmp/ingest-Native-RawEnqueue.dat" using 3:8 with linespoints lw 2 pt 6 dt 2 title "native JSON - raw-enqueue", \
     "$tmp/ingest-BrassRing-Adapter.dat" using 3:8 with linespoints lw 2 pt 5 title "BrassRing XML - adapter", \
     "$tmp/ingest-BrassRing-RawEnqueue.dat" using 3:8 with linespoints lw 2 pt 4 dt 2 title "BrassRing XML - raw-enqueue"
GP
  echo "wrote $ev/ingest-throughput.png"
fi

if [ -f $ev/ingest-latency-quantiles.csv ]; then
  for c in 16 64; do for s in Native BrassRing; do for t in Adapter RawEnqueue; do
    pick $ev/ingest-latency-quantiles.csv shape=$s target=$t concurrency=$c > "$tmp/q-$c-$s-$t.dat"; done; done
  gnuplot <<GP
set terminal $term
set output "$ev/ingest-latency-cdf-c$c.png"
set datafile separator ","
set title "Ingest latency distribution at concurrency $c (CDF)"
set xlabel "latency (ms, log scale)"; set ylabel "fraction of requests answered within"
set logscale x; set grid; set key outside below center maxrows 3 spacing 1.3; set xlabel offset 0,0.5; set yrange [0:1]
plot "$tmp/q-$c-Native-Adapter.dat" using 5:(\$4/100) with lines lw 2 title "native JSON - adapter", \
     "$tmp/q-$c-Native-RawEnqueue.dat" using 5:(\$4/100) with lines lw 2 dt 2 title "native JSON - raw-enqueue", \
     "$tmp/q-$c-BrassRing-Adapter.dat" using 5:(\$4/100) with lines lw 2 title "BrassRing XML - adapter", \
     "$tmp/q-$c-BrassRing-RawEnqueue.dat" using 5:(\$4/100) with lines lw 2 dt 2 title "BrassRing XML - raw-enqueue"
GP
  echo "wrote $ev/ingest-latency-cdf-c$c.png"
  done
fi

if [ -f $ev/ack-latency-quantiles.csv ]; then
  for r in 10 40; do for t in adapter raw-enqueue sync-forward; do pick $ev/ack-latency-quantiles.csv target=$t offered_rps=$r > "$tmp/ack-$r-$t.dat"; done; done
  gnuplot <<GP
set terminal $term
set output "$ev/ack-latency-cdf.png"
set datafile separator ","
set title "Acknowledgement latency with Paradox answering in 300 ms (CDF)"
set xlabel "latency (ms, log scale)"; set ylabel "fraction of requests answered within"
set logscale x; set grid; set key outside below center maxrows 3 spacing 1.3; set xlabel offset 0,0.5; set yrange [0:1]
plot "$tmp/ack-10-adapter.dat" using 4:(\$3/100) with lines lw 2 title "adapter ingest, 10 req/s", \
     "$tmp/ack-40-adapter.dat" using 4:(\$3/100) with lines lw 2 title "adapter ingest, 40 req/s", \
     "$tmp/ack-40-raw-enqueue.dat" using 4:(\$3/100) with lines lw 1 dt 3 title "raw-enqueue baseline, 40 req/s", \
     "$tmp/ack-10-sync-forward.dat" using 4:(\$3/100) with lines lw 2 dt 2 title "sync-forward, 10 req/s", \
     "$tmp/ack-40-sync-forward.dat" using 4:(\$3/100) with lines lw 2 dt 2 title "sync-forward, 40 req/s"
GP
  echo "wrote $ev/ack-latency-cdf.png"
fi

if [ -f $ev/delivery.csv ]; then
  tail -n +2 $ev/delivery.csv | awk -F, '{ d = ($2 == "RunnerPump") ? "runner pump" : "host-like"; printf "\"%s ms\\n%s\" %s %s\n", $1, d, $7, $9 }' > "$tmp/delivery.dat"
  gnuplot <<GP
set terminal $term
set output "$ev/delivery-throughput.png"
set title "Delivery drain vs the sandbox's raw capacity at the same concurrency"
set ylabel "requests / s"; set xlabel "sandbox (Paradox) latency, delivery loop" offset 0,-1
set bmargin 7
set style data histograms; set style histogram clustered gap 1; set style fill solid 0.8 border -1
set logscale y; set grid ytics; set key outside below center horizontal
plot "$tmp/delivery.dat" using 2:xtic(1) title "adapter: queue -> delivery -> sandbox", "" using 3 title "sandbox raw capacity (token + PUT)"
GP
  echo "wrote $ev/delivery-throughput.png"
fi

if [ -f $ev/memory.csv ]; then
  gnuplot <<GP
set terminal $term
set output "$ev/memory.png"
set datafile separator ","
set title "Host process memory under steady load (ingest + delivery)"
set xlabel "seconds"; set ylabel "MB"; set grid; set key outside below center horizontal; set yrange [0:*]
plot "$ev/memory.csv" using 1:4 every ::1 with linespoints lw 2 title "GC heap after full collection", \
     "" using 1:5 every ::1 with linespoints lw 2 title "working set"
GP
  echo "wrote $ev/memory.png"
fi

if [ -f $ev/large-bodies-samples.csv ]; then
  for test in large slow; do
    for t in $(tail -n +2 $ev/large-bodies-samples.csv | cut -d, -f1 | sort -u); do
      pick $ev/large-bodies-samples.csv target=$t test=$test > "$tmp/lb-$test-$t.dat"
    done
    if [ "$test" = large ]; then
      title="Adapter memory: 16 concurrent native requests of 14 MB"; limit=1024; label="target: peak 1 GiB"
    else
      title="Adapter memory: 128 connections declaring 16 MiB, trickling 300 B/s"; limit=""; label=""
    fi
    # Repeated runs of one build are labelled <build>-<n>: one colour and one key entry per build.
    plots=""; builds=""; colours=(dark-blue dark-orange dark-green dark-magenta dark-cyan black)
    for t in $(tail -n +2 $ev/large-bodies-samples.csv | cut -d, -f1 | sort -u); do
      [ -s "$tmp/lb-$test-$t.dat" ] || continue
      build=${t%-[0-9]*}; runs=$(tail -n +2 $ev/large-bodies-samples.csv | cut -d, -f1,2 | sort -u | grep -c "^$build-[0-9]*,$test\$" || true)
      case " $builds " in
        *" $build "*) key="notitle" ;;
        *) builds="$builds $build"; key="title \"$build$([ "$runs" -gt 1 ] && echo " ($runs runs)" || true)\"" ;;
      esac
      n=$(echo $builds | wc -w); colour=${colours[$(( (n - 1) % ${#colours[@]} ))]}
      plots="$plots${plots:+, }\"$tmp/lb-$test-$t.dat\" using 3:4 with lines lw 1.5 lc rgb \"$colour\" $key"
    done
    [ -n "$plots" ] || continue # no samples of this test in the evidence
    [ -n "$limit" ] && plots="$plots, $limit with lines dt 2 lc rgb \"red\" title \"$label\""
    gnuplot <<GP
set terminal $term
set output "$ev/memory-$test-bodies.png"
set datafile separator ","
set title "$title"
set xlabel "seconds since the load started (idle level before 0)"; set ylabel "resident set: host + worker, or local runner (MiB)"
set grid; set key outside below horizontal; set yrange [0:*]
plot $plots
GP
    echo "wrote $ev/memory-$test-bodies.png"
  done
fi

if [ -f $ev/compare.csv ]; then
  # per target and shape: concurrency, median, min, max of a column over the repetitions
  spread() {
    pick $ev/compare.csv target=$1 shape=$2 | awk -F, -v col=$3 '{ v[$4] = v[$4] " " $col }
      END { for (c in v) { n = split(substr(v[c], 2), a, " "); for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
            med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2; print c, med, a[1], a[n] } }' | sort -n
  }
  targets=$(tail -n +2 $ev/compare.csv | cut -d, -f2 | awk '!seen[$0]++')
  for metric in rps:8 p99:11; do
    name=${metric%%:*}; col=${metric##*:}
    for t in $targets; do for s in Native BrassRing; do spread "$t" $s $col > "$tmp/cmp-$name-$t-$s.dat"; done; done
    if [ "$name" = rps ]; then ylabel="acknowledged requests / s"; log=""; what="throughput"; else ylabel="p99 latency (ms, log scale)"; log="set logscale y"; what="p99 latency"; fi
    for s in Native BrassRing; do
      plots=""; i=0
      for t in $targets; do
        # side by side around each concurrency, so the ranges do not hide each other
        case $t in old) label="reference build";; new) label="current build";; storage-calls) label="the two storage calls alone";; *) label=$t;; esac
        plots="$plots${plots:+, }\"$tmp/cmp-$name-$t-$s.dat\" using (\$1*(1+0.12*($i-1))):2:3:4 with yerrorlines lw 2 pt 7 title \"$label\""
        i=$((i + 1))
      done
      [ "$s" = Native ] && shape="native JSON" || shape="BrassRing XML"
      gnuplot <<GP
set terminal $term
set output "$ev/compare-$name-$(echo $s | tr 'A-Z' 'a-z').png"
set title "Ingest $what, $shape: builds side by side and the two storage calls alone\n(median of the repetitions, bars from the lowest to the highest)"
set xlabel "concurrent clients (closed loop)"; set ylabel "$ylabel"
set logscale x 2; set xrange [0.7:90]; set xtics ("1" 1, "16" 16, "64" 64); set grid; $log
set xlabel offset 0,0.5; set key outside below center horizontal spacing 1.5
plot $plots
GP
      echo "wrote $ev/compare-$name-$(echo $s | tr 'A-Z' 'a-z').png"
    done
  done
fi

if [ -f $ev/soak-requests.csv ]; then
  # per second: acknowledged, answered 503, refused (other answers) at ingest; Paradox's 200s
  tail -n +2 $ev/soak-requests.csv | awk -F, '{ s = int($1); if ($5 == "acknowledged") a[s]++; else if ($5 == "unavailable") u[s]++; else r[s]++; if (s > m) m = s }
    END { for (i = 0; i <= m; i++) print i, a[i] + 0, u[i] + 0, r[i] + 0 }' > "$tmp/soak-ingest.dat"
  # every second from 0 to the end, zeros included, so a quiet second shows as 0 rather than as a line across it
  last=$(cat $ev/soak-events.csv $ev/soak-requests.csv $ev/soak-paradox.csv 2>/dev/null | awk -F, '$1 ~ /^[0-9.]+$/ && $1 + 0 > m { m = $1 + 0 } END { print int(m * 1.04) + 1 }')
  tail -n +2 $ev/soak-paradox.csv 2>/dev/null | awk -F, -v last="$last" '{ ok[$1] = $2 } END { for (i = 0; i <= last; i++) print i, ok[i] + 0 }' > "$tmp/soak-paradox.dat"
  # cumulative: distinct requests acknowledged (first acknowledgement), and of them ended (first 200 at Paradox, or dead-lettered)
  tail -n +2 $ev/soak-requests.csv | awk -F, '$5 == "acknowledged" && $3 == 0 { print int($1), "a"; if ($6 != "") print int($6), "d" }' \
    | sort -n | awk '{ if ($2 == "a") a++; else d++; last[$1] = a " " d } END { for (s in last) print s, last[s] }' | sort -n > "$tmp/soak-cumulative.dat"
  # events: a dotted line in every panel, numbered above the first one (names would cover the data), named in the title
  arrows=""; labels=""; names=""; n=0
  if [ -f $ev/soak-events.csv ]; then
    while IFS=, read -r second event; do
      n=$((n + 1))
      arrows="$arrows
set arrow from $second, graph 0 to $second, graph 1 nohead dt 3 lc rgb \"gray40\""
      labels="$labels
set label \"$n\" at $second, graph 1.06 center font \",10\""
      names="$names${names:+,  }$n $event"
    done < <(tail -n +2 $ev/soak-events.csv)
  fi
  gnuplot <<GP
set terminal ${term/900,560/900,820}
set output "$ev/soak-timeline.png"
set multiplot layout 3,1
set grid; set key outside right top vertical; set xrange [0:$last]; set rmargin 30; set lmargin 10; set tmargin 1.6
$arrows
$labels
set ylabel "ingest answers / s"
plot "$tmp/soak-ingest.dat" using 1:2 with lines lw 2 title "acknowledged", "" using 1:3 with impulses lw 2 title "503 (storage unreachable)", "" using 1:4 with impulses lw 1 title "refused (409, 405)"
unset label
set ylabel "Paradox 200s / s"
plot "$tmp/soak-paradox.dat" using 1:2 with lines lw 2 title "200 (delivered)"
set ylabel "requests (cumulative)"; set xlabel "seconds; dotted lines: $names"
plot "$tmp/soak-cumulative.dat" using 1:2 with lines lw 2 title "acknowledged", "" using 1:3 with lines lw 2 dt 2 title "delivered (first 200)"
unset multiplot
GP
  echo "wrote $ev/soak-timeline.png"
fi

# Under the Azure Functions host (tools/InterviewAlerts.LoadTest ... --functions-host): time to Paradox, delivery, ack.
if [ -f $ev/host-time-to-paradox-quantiles.csv ]; then
  plots=""
  for r in 1 10 40; do for run in $(tail -n +2 $ev/host-time-to-paradox-quantiles.csv | cut -d, -f1 | sort -u); do
    pick $ev/host-time-to-paradox-quantiles.csv run=$run offered_rps=$r > "$tmp/ttp-$r-$run.dat"
    [ -s "$tmp/ttp-$r-$run.dat" ] || continue
    case $r in 1) color='"#1b9e77"';; 10) color='"#d95f02"';; *) color='"#7570b3"';; esac
    plots="$plots${plots:+, }\"$tmp/ttp-$r-$run.dat\" using 4:(\$3/100) with lines lw 2 lc rgb $color dt $run title \"$r req/s, run $run\""
  done; done
  gnuplot <<GP
set terminal $term
set output "$ev/host-time-to-paradox-cdf.png"
set datafile separator ","
set title "Time to Paradox under the Functions host: 202 received -> sandbox receives it (CDF)"
set xlabel "milliseconds (log scale); dashed verticals: p99 targets 500 ms (10, 40 req/s) and 1000 ms (1 req/s)"; set ylabel "fraction of requests delivered within"
set logscale x; set grid; set key bottom right; set yrange [0:1]; set xrange [1:2000]
set arrow from 500, graph 0 to 500, graph 1 nohead dt 2 lc rgb "red"
set arrow from 1000, graph 0 to 1000, graph 1 nohead dt 2 lc rgb "gray"
plot $plots
GP
  echo "wrote $ev/host-time-to-paradox-cdf.png"
fi

if [ -f $ev/host-delivery.csv ]; then
  # label: build (first word of the "build" column when present), Paradox latency, run number
  tail -n +2 $ev/host-delivery.csv | awk -F, '{ split($16, b, " "); k = b[1] $1; n[k]++; printf "\"%s%s ms #%d\" %s %s\n", (b[1] == "" ? "" : b[1] " "), $1, n[k], $8, $9 }' > "$tmp/host-delivery.dat"
  gnuplot <<GP
set terminal $term
set output "$ev/host-delivery-throughput.png"
set title "Delivery under the Functions host vs the sandbox's raw capacity at the same concurrency (24)"
set ylabel "requests / s (log scale)"; set xlabel "build (before / after the change), Paradox (sandbox) latency, run"
set style data histograms; set style histogram clustered gap 1; set style fill solid 0.8 border -1
set logscale y; set grid ytics; set key top left; set xtics rotate by -20
plot "$tmp/host-delivery.dat" using 2:xtic(1) title "adapter under the Functions host (steady delivered/s)", "" using 3 title "sandbox raw capacity (token + PUT, 24 at once)"
GP
  echo "wrote $ev/host-delivery-throughput.png"
fi

if [ -f $ev/host-ack-latency-quantiles.csv ]; then
  plots=""
  for r in 10 40; do for t in adapter raw-enqueue; do for run in $(tail -n +2 $ev/host-ack-latency-quantiles.csv | cut -d, -f1 | sort -u); do
    pick $ev/host-ack-latency-quantiles.csv run=$run target=$t offered_rps=$r > "$tmp/hack-$r-$t-$run.dat"
    [ -s "$tmp/hack-$r-$t-$run.dat" ] || continue
    [ $t = adapter ] && lw=2 || lw=1
    [ $r = 10 ] && color='"#d95f02"' || color='"#7570b3"'
    label="$t"; [ $t = adapter ] && label="adapter (Functions host)"
    plots="$plots${plots:+, }\"$tmp/hack-$r-$t-$run.dat\" using 5:(\$4/100) with lines lw $lw lc rgb $color dt $([ $t = adapter ] && echo 1 || echo 2) title \"$label, $r req/s, run $run\""
  done; done; done
  gnuplot <<GP
set terminal $term
set output "$ev/host-ack-latency-cdf.png"
set datafile separator ","
set title "Ack latency under the Functions host vs raw enqueue (same run; Paradox 300 ms; CDF)"
set xlabel "milliseconds (log scale)"; set ylabel "fraction of requests answered within"
set logscale x; set grid; set key bottom right font ",9"; set yrange [0:1]
plot $plots
GP
  echo "wrote $ev/host-ack-latency-cdf.png"
fi

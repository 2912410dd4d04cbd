# Shared by bin/station-demo and bin/run-tests. Source it; do not run it.

# The station JVM's collector and memory limits (docs/operations.md, "Memory limits"). Without limits ZGC sized its heap
# to a quarter of the machine's RAM: 1.9 GiB RSS with 4 simulated beds and the dashboard; 0.8-1.0 GiB with these.
# station_jvm_opts [BEDS]: up to 8 beds G1 (the demo's 1 bed, the startup benchmark's 4): with G1, JDK 25's AOT cache
# links the classes ahead of time, and the demo's start used a fifth less CPU than with ZGC (docs/performance.md); its
# pauses at 8 beds p99 14 ms. Above 8 beds ZGC (pauses of about 1 ms whatever the load: at 16 beds, in the same minutes,
# G1's p99 was 84-100 ms at load 15-21, ZGC's 1 ms; docs/operations.md). Up to 16 beds a 768 MiB heap, above 16 MiB
# more per bed (32 beds 1024 MiB, 64 beds 1536 MiB), ZGC's soft maximum two thirds of it. Replace them with
# STATION_JVM_OPTS="...".
station_jvm_opts() {
  local beds="${1:-16}" heap
  heap=$(( beds <= 16 ? 768 : 768 + (beds - 16) * 16 ))
  if [ -n "${STATION_JVM_OPTS:-}" ]; then
    echo "$STATION_JVM_OPTS"
  elif [ "$beds" -le 8 ]; then
    echo "-XX:+UseG1GC -Xms128m -Xmx${heap}m -XX:MaxDirectMemorySize=256m -XX:ReservedCodeCacheSize=128m"
  else
    echo "-XX:+UseZGC -Xms128m -Xmx${heap}m -XX:SoftMaxHeapSize=$(( heap * 2 / 3 ))m -XX:MaxDirectMemorySize=256m -XX:ReservedCodeCacheSize=128m"
  fi
}

# Class data sharing for the station's JVM (docs/performance.md, "Start-up"; docs/operations.md): the classes a start
# loads are kept in a file written when the JVM ends, and mapped from it at the next start, which then starts faster.
# Two kinds, chosen by STATION_CDS (default "on": the AOT cache on JDK 25 or newer, the dynamic archive before):
#   aot      (JDK 25 or newer; before 25 the dynamic archive with a warning) the ahead-of-time cache (JEP 483, 514): the
#            first start is a training run (-XX:AOTCacheOutput=FILE) whose JVM, when it stops, starts a second JVM that
#            writes FILE (about 20 s on a quiet machine, more under load: the first stop takes that much longer; the JVM
#            says "Launching child process ... to assemble AOT cache" and "AOTCache creation is complete"); the later
#            starts use it (-XX:AOTCache=FILE). With G1 (station_jvm_opts up to 8 beds) it also links the classes ahead
#            of time; with ZGC (above 8 beds) JDK 25 only loads them from it ("Using AOT-linked classes: false").
#            JDK 25.0.0-25.0.3 never check the cache against the jars (JDK-8377932: a rebuilt jar's classes came from
#            the old cache), and a cache written for another collector is not used at all ("Unable to use AOT cache",
#            silent with the log off), so the launcher checks: FILE.key holds the JDK's release, every jar's name, size
#            and time, and the JVM's options; when it differs, FILE is removed and the start trains again.
#   dynamic  (JDK 19 or newer) a dynamic archive (-XX:SharedArchiveFile=FILE -XX:+AutoCreateSharedArchive): written at
#            the stop of the first start (about 9 s), and again after a rebuild changed the jars (the JVM checks them).
#   off      none.
# Both are mapped at the address they were written for (ArchiveRelocationMode=0; JDK 25 moves them to a random address
# by default, and rewriting the ~85 MB file's pointers cost 0.6-0.8 s before main() in every start; if that address is
# taken the JVM still relocates).

# station_java_major: the feature version of $JAVA_HOME's JDK (from its release file, else asked of its java).
station_java_major() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release" 2>/dev/null || true)
  [ -n "$v" ] || v=$("$JAVA_HOME/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
  echo "${v:-0}"
}

# station_cds_kind: aot, dynamic or off, from STATION_CDS (on|aot|dynamic|off) and the JDK's version.
station_cds_kind() {
  case "${STATION_CDS:-on}" in
    off) echo off ;;
    dynamic) echo dynamic ;;
    on) if [ "$(station_java_major)" -ge 25 ]; then echo aot; else echo dynamic; fi ;;
    aot)
      if [ "$(station_java_major)" -ge 25 ]; then echo aot
      else
        echo "warning: STATION_CDS=aot needs JDK 25 or newer; using a dynamic class archive" >&2
        echo dynamic
      fi ;;
    *) echo "error: STATION_CDS must be on, aot, dynamic or off (was '${STATION_CDS}')" >&2; exit 2 ;;
  esac
}

# station_cds_file DIR: the file of the kind in use in DIR (station-classes.aot or station-classes.jsa); none when off.
station_cds_file() {
  local kind
  kind=$(station_cds_kind) || return 2
  case "$kind" in
    aot) echo "$1/station-classes.aot" ;;
    dynamic) echo "$1/station-classes.jsa" ;;
  esac
}

# station_cds_key CLASSPATH [JVM_OPTIONS]: what an AOT cache was trained with: $JAVA_HOME, its release file and its
# modules' size and time, the JVM's options (a cache written with G1 is not used by ZGC), and every jar of CLASSPATH
# (entries separated by ':'; "DIR/*" means DIR's jars, as java reads it) with its size and modification time.
station_cds_key() {
  local entry
  {
    echo "$JAVA_HOME"
    echo "options: ${2:-}"
    cat "$JAVA_HOME/release" 2>/dev/null || true
    stat -c '%n %s %Y' "$JAVA_HOME/lib/modules" 2>/dev/null || true
    local IFS=:
    for entry in $1; do
      if [[ "$entry" == */\* ]]; then
        find "${entry%/\*}" -maxdepth 1 -name '*.jar' -printf '%p %s %T@\n' 2>/dev/null | LC_ALL=C sort
      else
        stat -c '%n %s %Y' "$entry" 2>/dev/null || echo "$entry missing"
      fi
    done
  } | sha256sum | cut -d' ' -f1
}

# station_cds_opts FILE [CLASSPATH | train | use] [JVM_OPTIONS]: the JVM options for FILE (station_cds_file). For an AOT
# cache with CLASSPATH (the launcher's -cp) and the JVM's other options (station_jvm_opts): used when FILE and FILE.key
# match the JDK, the options and the jars (station_cds_key), else FILE is removed, FILE.key written and the start
# trains; "train" or "use" choose without looking (the startup benchmark, whose folders are new). The dynamic
# archive's options are the same for both (the JVM checks and rewrites it itself).
station_cds_opts() {
  local quiet="-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Xlog:cds=off -Xlog:cds+dynamic=off" kind key
  kind=$(station_cds_kind) || return 2
  case "$kind" in
    off) return 0 ;;
    dynamic) echo "-XX:SharedArchiveFile=$1 -XX:+AutoCreateSharedArchive $quiet" ;;
    aot)
      local mode="${2:-}"
      if [ "$mode" != train ] && [ "$mode" != use ]; then
        key=$(station_cds_key "$mode" "${3:-}")
        if [ -f "$1" ] && [ "$(cat "$1.key" 2>/dev/null || true)" = "$key" ]; then
          mode=use
        else
          mode=train
          rm -f "$1"
          mkdir -p "$(dirname "$1")"
          echo "$key" > "$1.key"
        fi
      fi
      if [ "$mode" = train ]; then
        echo "-XX:AOTCacheOutput=$1 $quiet -Xlog:aot=off"
      else
        echo "-XX:AOTCache=$1 $quiet -Xlog:aot=off"
      fi ;;
  esac
}

# Picks a JDK 21 or newer: $JAVA_HOME if it qualifies, else the newest under /usr/lib/jvm or /opt,
# else `java` on PATH. Exports JAVA_HOME and puts its bin first on PATH.
find_jdk() {
  local candidates=() dir best="" best_major=0 major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for dir in /usr/lib/jvm/* /opt/*jdk* /opt/java/*; do
    [ -x "$dir/bin/javac" ] && candidates+=("$dir")
  done
  if command -v javac >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")")
  fi
  for dir in "${candidates[@]}"; do
    [ -x "$dir/bin/java" ] && [ -x "$dir/bin/javac" ] || continue
    major=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')
    if [ -n "$major" ] && [ "$major" -ge 21 ] && [ "$major" -gt "$best_major" ]; then
      best="$dir"; best_major="$major"
    fi
    # A qualifying JAVA_HOME set by the user wins over newer ones found elsewhere.
    if [ -n "$best" ] && [ "$dir" = "${JAVA_HOME:-}" ]; then break; fi
  done
  if [ -z "$best" ]; then
    echo "error: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm, /opt and PATH)." >&2
    echo "       Install one (e.g. Temurin 21 or 25) and/or set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$best"
  export PATH="$JAVA_HOME/bin:$PATH"
}

# ensure_packages MODE BINARY:PACKAGE ... installs Debian packages whose binaries are missing (a BINARY that is an
# absolute path, e.g. a Python module's folder, counts as present when that path exists).
# MODE is "required" (fail when they cannot be installed) or "optional" (warn and go on).
ensure_packages() {
  local mode="$1"; shift
  local missing=() pair bin pkg
  for pair in "$@"; do
    bin="${pair%%:*}"; pkg="${pair#*:}"
    command -v "$bin" >/dev/null 2>&1 || [ -x "/usr/sbin/$bin" ] || { [[ "$bin" == /* ]] && [ -e "$bin" ]; } || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    return 0
  fi
  if [ "$mode" = "required" ]; then
    echo "error: missing packages: ${missing[*]}" >&2
    echo "       On Debian or Ubuntu: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
  echo "warning: not installed: ${missing[*]} (on Debian or Ubuntu: sudo apt-get install ${missing[*]})." >&2
}

# Sets $jar to the dashboard application jar, building first when it is missing or older than any source.
build_if_needed() {
  jar=$(ls dashboard/target/dashboard-*.jar 2>/dev/null | head -n 1 || true)
  if [ -z "$jar" ] || [ -n "$(find pom.xml station dashboard device-simulators -newer "$jar" \
        \( -name '*.java' -o -name '*.xml' -o -name '*.properties' -o -name '*.css' -o -name '*.js' -o -name '*.yaml' \) \
        -not -path '*/target/*' -print -quit)" ]; then
    echo "Building (first run or sources changed)..." >&2
    ./mvnw -B -q -ntp clean package -DskipTests
    jar=$(ls dashboard/target/dashboard-*.jar | head -n 1)
  fi
}

# bench_classpath MODULE [snapshot] [frontend] compiles MODULE and the modules it needs (reactor build up to test-compile: nothing
# is installed into the shared ~/.m2) and sets $cp to its classes, test classes and test-scope dependencies. With
# "snapshot", the project's classes are copied to a temporary folder first (removed on exit), so that a rebuild during
# a long run cannot pull them from under it. With "frontend", the dashboard's browser bundle is built too (package phase,
# tests skipped), for the modes that open the dashboard in Chromium.
bench_classpath() {
  local module="$1" d dirs phase=test-compile
  # the dashboard's browser bundle (META-INF/VAADIN/webapp) is built in the package phase: up to it, tests skipped
  [ "${3:-}" = frontend ] && phase="package -DskipTests"
  # shellcheck disable=SC2086 # the phase may carry an option
  ./mvnw -B -q -ntp -pl "$module" -am $phase dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath
  if [ "$module" = dashboard ]; then
    dirs="dashboard/target/test-classes dashboard/target/classes station/target/classes station/target/test-classes device-simulators/target/classes test-support/target/classes"
  else
    dirs="station/target/classes station/target/test-classes device-simulators/target/classes test-support/target/classes"
  fi
  # the project's own modules come from the folders above, not from the reactor's paths or ~/.m2
  local deps
  deps=$(tr ':' '\n' < "$module/target/bench.classpath" | grep -v -e '/org/openinfusion/' -e "^$PWD/" | paste -sd:)
  cp=""
  if [ "${2:-}" = snapshot ]; then
    bench_snap=$(mktemp -d -t bench-classes-XXXXXX)
    trap 'rm -rf "$bench_snap"' EXIT
    # the same relative paths: Vaadin's route scan recognises a class folder by its path (.../target/classes)
    for d in $dirs; do
      mkdir -p "$bench_snap/$(dirname "$d")"
      cp -r "$d" "$bench_snap/$d"
      cp="$cp$bench_snap/$d:"
    done
  else
    for d in $dirs; do
      cp="$cp$PWD/$d:"
    done
  fi
  cp="$cp$deps"
}

# Shared by bin/station-demo and bin/run-tests. Source it; do not run it.

# The station JVM's memory limits (docs/operations.md, "Memory limits"). Without them ZGC sized its heap to a
# quarter of the machine's RAM: 1.9 GiB RSS with 4 simulated beds and the dashboard; 0.8-1.0 GiB with these.
# station_jvm_opts [BEDS]: up to 16 beds a 768 MiB heap; above, 16 MiB more per bed (32 beds 1024 MiB, 64 beds 1536 MiB),
# the soft maximum two thirds of it. Replace them with STATION_JVM_OPTS="...".
station_jvm_opts() {
  local beds="${1:-16}" heap
  heap=$(( beds <= 16 ? 768 : 768 + (beds - 16) * 16 ))
  echo "${STATION_JVM_OPTS:--XX:+UseZGC -Xms128m -Xmx${heap}m -XX:SoftMaxHeapSize=$(( heap * 2 / 3 ))m -XX:MaxDirectMemorySize=256m -XX:ReservedCodeCacheSize=128m}"
}

# station_cds_opts FILE: class data sharing for the station's JVM (JDK 19 or newer): the classes a start loads are written
# to FILE when the JVM ends (the first time, and again after a rebuild changed the jars), and mapped from it at the next
# start, which then loads its classes faster (docs/performance.md, "Start-up"). The archive is mapped at the address it
# was written for (ArchiveRelocationMode=0; JDK 25 moves it to a random address by default, and rewriting the ~85 MB
# archive's pointers cost 0.6-0.8 s before main() in every start; if that address is taken the JVM still relocates).
# STATION_CDS=off leaves it out.
station_cds_opts() {
  [ "${STATION_CDS:-on}" = off ] && return 0
  echo "-XX:SharedArchiveFile=$1 -XX:+AutoCreateSharedArchive -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0 -Xlog:cds=off -Xlog:cds+dynamic=off"
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

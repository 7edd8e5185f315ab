# Shared by the jobs/ scripts: locate the project and build the job jar when sources changed.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/rapport.jar"
CLASSPATH_FILE="$ROOT/target/embedded-classpath.txt"

ensure_built() {
  if [[ ! -f "$JAR" || ! -f "$CLASSPATH_FILE" ]] \
     || [[ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit)" ]]; then
    echo "building the job jar (mvn package)..." >&2
    (cd "$ROOT" && mvn -q -B -ntp -DskipTests package) >&2
  fi
}

# Runs a main class embedded (Spark in this JVM) with the module flags Spark needs on Java 17.
run_embedded() {
  local main="$1"; shift
  local commit
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)"
  # shellcheck disable=SC2086
  exec java @"$ROOT/jobs/spark-jvm.options" ${RAPPORT_JAVA_OPTS:-} \
    -Dlog4j2.configurationFile="$ROOT/jobs/log4j2.properties" -Drapport.commit="$commit" \
    -cp "$JAR:$(cat "$CLASSPATH_FILE")" "$main" "$@"
}

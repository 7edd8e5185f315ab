# Shared by the jobs/ scripts: locate the project and build the job jar when sources changed.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAR="$ROOT/target/rapport.jar"
CLASSPATH_FILE="$ROOT/target/embedded-classpath.txt"

# The stamp is written only after a build succeeds: a build that was killed (or failed) half-way leaves jars that
# look present but are truncated, so they are deleted and built again rather than trusted.
BUILT_STAMP="$ROOT/target/.built"

ensure_built() {
  if [[ ! -f "$BUILT_STAMP" || ! -f "$JAR" || ! -f "$CLASSPATH_FILE" || ! -f "$ROOT/target/rapport-job.jar" ]] \
     || [[ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$BUILT_STAMP" -print -quit)" ]]; then
    echo "building the job jar (mvn package)..." >&2
    rm -f "$BUILT_STAMP" "$JAR" "$ROOT/target/rapport-job.jar"
    (cd "$ROOT" && mvn -q -B -ntp -DskipTests package) >&2
    touch "$BUILT_STAMP"
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

JOB_JAR="$ROOT/target/rapport-job.jar"
SPARK_CLASSPATH_FILE="$ROOT/target/spark-classpath.txt"

# A SPARK_HOME made of the Spark jars Maven resolved (links, no download), for spark-submit and for a local
# standalone cluster. An installed Spark wins when SPARK_HOME is already set.
ensure_spark_home() {
  if [[ -n "${SPARK_HOME:-}" && -d "${SPARK_HOME}/jars" ]]; then return; fi
  export SPARK_HOME="$ROOT/target/spark-home"
  export SPARK_SCALA_VERSION=2.13
  if [[ ! -d "$SPARK_HOME/jars" || "$SPARK_CLASSPATH_FILE" -nt "$SPARK_HOME/jars" ]]; then
    rm -rf "$SPARK_HOME" && mkdir -p "$SPARK_HOME/jars"
    # "|| -n" keeps the last entry, which has no trailing newline.
    tr ':' '\n' < "$SPARK_CLASSPATH_FILE" | while read -r jar || [[ -n "$jar" ]]; do ln -s "$jar" "$SPARK_HOME/jars/"; done
  fi
}

# Submits a main class of the job jar to a Spark cluster (standalone, YARN, Kubernetes) in client mode.
submit() {
  local master="$1" main="$2"; shift 2
  ensure_spark_home
  local commit
  commit="$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || true)"
  # shellcheck disable=SC2086
  exec java @"$ROOT/jobs/spark-jvm.options" ${RAPPORT_JAVA_OPTS:-} \
    -Dlog4j2.configurationFile="$ROOT/jobs/log4j2.properties" \
    -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
    --master "$master" --deploy-mode client --class "$main" \
    --conf "spark.driver.extraJavaOptions=-Drapport.commit=$commit" \
    ${RAPPORT_SUBMIT_OPTS:-} "$JOB_JAR" "$@"
}

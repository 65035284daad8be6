# Sourced by ./mvnw, ./stack, ./sagactl and .ci/run: finds a JDK 21+ and sets JAVA and JAVA_HOME.
# POSIX sh, since ./mvnw is a /bin/sh script.
#
# Order: JAVA_HOME, then java on PATH, then the JDKs installed in SAGA_JDK_DIRS (newest first).
# SAGA_JDK_DIRS is a space-separated list of folders that hold JDKs, each as <folder>/<jdk>/bin/java
# or, on macOS, <folder>/<jdk>/Contents/Home/bin/java.

java_major() { # java binary -> its major version, or 0
  "$1" -XshowSettings:properties -version 2>&1 |
    awk -F'= ' '/java.specification.version/ {split($2, v, "."); print v[1]; found=1; exit} END {if (!found) print 0}'
}

find_java() {
  _jdk_dirs=${SAGA_JDK_DIRS:-"/usr/lib/jvm /opt/java /Library/Java/JavaVirtualMachines ${HOME:+$HOME/.sdkman/candidates/java $HOME/.jdks}"}
  _installed=$(
    set +f # ./mvnw turns globbing off
    for _dir in $_jdk_dirs; do
      ls -d "$_dir"/*/bin/java "$_dir"/*/Contents/Home/bin/java 2>/dev/null
    done | sort -rV || true
  )
  _on_path=$(command -v java 2>/dev/null || true)
  _old_ifs=$IFS
  IFS='
'
  for _candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} $_on_path $_installed; do
    [ -x "$_candidate" ] || continue
    _bin=$(dirname "$(readlink -f "$_candidate")")
    if [ -x "$_bin/javac" ] && [ "$(java_major "$_candidate")" -ge 21 ]; then # javac: Maven needs a JDK
      IFS=$_old_ifs
      JAVA="$_candidate"
      JAVA_HOME=$(cd "$_bin/.." && pwd)
      export JAVA_HOME
      return 0
    fi
  done
  IFS=$_old_ifs
  echo "No JDK 21 or newer found (looked at JAVA_HOME${JAVA_HOME:+=$JAVA_HOME}, the java on PATH, and JDKs under $_jdk_dirs)." >&2
  echo "Install a JDK 21+ there, or point JAVA_HOME at one." >&2
  return 1
}

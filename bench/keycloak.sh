#!/usr/bin/env bash
# Keycloak, the reference the login benchmark compares our server with (BENCHMARKS.md).
#
# Runs Keycloak the way it runs in production (HTTPS, PostgreSQL, an optimized build), on
# 127.0.0.1 only, with one realm whose users have a password and a TOTP device, so that the same
# two-step login can be driven against it and against our server. Everything it downloads or
# generates lives in bench/target/keycloak (git-ignored): the distribution, a self-signed
# keystore, the realm file, the log.
#
#   bench/keycloak.sh setup [pbkdf2-sha256:600000 | argon2id:19456:2:1]
#   bench/keycloak.sh start; bench/keycloak.sh wait-ready
#   bench/keycloak.sh login [user-index]        one two-step login with curl, exit status tells
#   bench/keycloak.sh load -Dkc.concurrency=8 -Dkc.durationSeconds=60    Gatling, logins/s
#   bench/keycloak.sh load -Dkc.logins=100      leaves 100 more logged-in sessions
#   bench/keycloak.sh cold-start                ms from start to the first completed login
#   bench/keycloak.sh memory                    resident size, heap after a full GC, sessions
#   bench/keycloak.sh stop; bench/keycloak.sh clear-sessions
#   bench/keycloak.sh next-user <i>             where the next load run starts (a runner that
#                                               drives Gatling itself tells it so)
#
# Or source it and call the cmd_* functions.
#
# Settings come from BENCH_KC_* environment variables (defaults below), never KC_*: kc.sh takes
# every KC_ variable in its environment for one of its own options. `bench/keycloak.sh env`
# prints what the load generator needs as -D options.
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH_KC_VERSION=${BENCH_KC_VERSION:-26.7.3}
BENCH_KC_WORK_DIR=${BENCH_KC_WORK_DIR:-$BENCH_DIR/target/keycloak}
BENCH_KC_HOME=$BENCH_KC_WORK_DIR/keycloak-$BENCH_KC_VERSION
BENCH_KC_LOG=$BENCH_KC_WORK_DIR/keycloak.log
BENCH_KC_PID_FILE=$BENCH_KC_WORK_DIR/keycloak.pid
BENCH_KC_HASH_FILE=$BENCH_KC_WORK_DIR/hash

BENCH_KC_HOST=127.0.0.1
BENCH_KC_PORT=${BENCH_KC_PORT:-8443}
BENCH_KC_MANAGEMENT_PORT=${BENCH_KC_MANAGEMENT_PORT:-9000}
BENCH_KC_DB_NAME=${BENCH_KC_DB_NAME:-keycloak_bench}
BENCH_KC_USERS_FILE=$BENCH_KC_WORK_DIR/users
# How many users setup seeds; later commands use the number the last setup seeded.
BENCH_KC_USERS=${BENCH_KC_USERS:-$(cat "$BENCH_KC_USERS_FILE" 2>/dev/null || echo 1000)}
# Production's default is the embedded Infinispan cluster (ispn); "local" drops the cluster
# transport, like our server with its sessions in memory.
BENCH_KC_CACHE=${BENCH_KC_CACHE:-ispn}
# Keycloak's own default outside containers; the runner gives our server the same heap.
BENCH_KC_HEAP=${BENCH_KC_HEAP:--Xms64m -Xmx512m}
# The server and the load generator each get their own cores (a 2-core machine: one each).
BENCH_KC_SERVER_CPUS=${BENCH_KC_SERVER_CPUS:-0}
BENCH_KC_CLIENT_CPUS=${BENCH_KC_CLIENT_CPUS:-1}
BENCH_KC_REALM=bench
BENCH_KC_CLIENT_ID=bench-client
# Never served: the load generator stops at the redirect carrying code=.
BENCH_KC_REDIRECT_URI=https://127.0.0.1/bench/landing
# BENCHMARK ONLY, public: every seeded user has this password, on a throwaway database.
BENCH_KC_USER_PASSWORD=${BENCH_KC_USER_PASSWORD:-bench-password}
# User i's TOTP secret is the first 20 hex characters of SHA-256("<seed>:<i>"), used as ASCII
# bytes, the form of secret Keycloak generates itself; KeycloakUsers.java derives the same.
BENCH_KC_OTP_SEED=${BENCH_KC_OTP_SEED:-kc-bench}
# One salt for every user: the server's cost per check is the same as with one salt each, and
# seeding then costs one hash instead of one per user (1,000 x PBKDF2-600k would take minutes).
BENCH_KC_PASSWORD_SALT=kcbench-salt-16b

die() {
    echo "keycloak.sh: $*" >&2
    exit 1
}

now_ms() {
    date +%s%3N
}

# --- Distribution and build -----------------------------------------------------------------

fetch() {
    [[ -x $BENCH_KC_HOME/bin/kc.sh ]] && return 0
    mkdir -p "$BENCH_KC_WORK_DIR"
    # From Maven, like every other artifact of the build. The root project alone (-N) gives the
    # dependency plugin its pinned version; outside a project Maven falls back to 2.8.
    mvn -q -N -f "$BENCH_DIR/../pom.xml" dependency:unpack \
        -Dartifact="org.keycloak:keycloak-quarkus-dist:$BENCH_KC_VERSION:zip" \
        -DoutputDirectory="$BENCH_KC_WORK_DIR" -DmarkersDirectory="$BENCH_KC_WORK_DIR/markers"
    [[ -x $BENCH_KC_HOME/bin/kc.sh ]] || die "the distribution did not unpack into $BENCH_KC_HOME"
}

# Production mode: build-time options are baked in once, then every start is `start --optimized`
# and skips the augmentation (about 20 s here) that a plain `start` repeats.
build() {
    local options=(--db=postgres --health-enabled=true)
    local marker=$BENCH_KC_WORK_DIR/build-options
    if [[ -f $marker && $(cat "$marker") == "${options[*]}" ]]; then
        return 0
    fi
    "$BENCH_KC_HOME/bin/kc.sh" build "${options[@]}" >"$BENCH_KC_WORK_DIR/build.log" 2>&1 ||
        die "kc.sh build failed, see $BENCH_KC_WORK_DIR/build.log"
    echo "${options[*]}" >"$marker"
}

# Keycloak refuses plain HTTP outside development mode, so it gets a self-signed certificate for
# 127.0.0.1; the load generator trusts any certificate.
make_keystore() {
    local keystore=$BENCH_KC_WORK_DIR/server.p12
    local password
    password=$(openssl rand -hex 16)
    rm -f "$keystore"
    keytool -genkeypair -alias keycloak -keyalg EC -groupname secp256r1 -validity 30 \
        -dname "CN=127.0.0.1" -ext "SAN=ip:127.0.0.1" -storetype PKCS12 \
        -keystore "$keystore" -storepass "$password" >/dev/null 2>&1
    write_config "$keystore" "$password"
}

# Runtime options in conf/keycloak.conf, read by `import` and `start` alike, so the keystore
# password stays off command lines.
write_config() {
    local keystore=$1 password=$2
    cat >"$BENCH_KC_HOME/conf/keycloak.conf" <<EOF
db-url=jdbc:postgresql://127.0.0.1:5432/$BENCH_KC_DB_NAME
db-username=postgres
hostname=https://$BENCH_KC_HOST:$BENCH_KC_PORT
http-host=$BENCH_KC_HOST
https-port=$BENCH_KC_PORT
http-management-port=$BENCH_KC_MANAGEMENT_PORT
https-key-store-file=$keystore
https-key-store-password=$password
EOF
}

recreate_database() {
    PGOPTIONS="-c client_min_messages=warning" psql -q -h 127.0.0.1 -U postgres -d postgres \
        -c "DROP DATABASE IF EXISTS $BENCH_KC_DB_NAME WITH (FORCE)" \
        -c "CREATE DATABASE $BENCH_KC_DB_NAME"
}

# --- Realm and users ------------------------------------------------------------------------

otp_secret() {
    printf '%s:%s' "$BENCH_KC_OTP_SEED" "$1" | sha256sum | cut -c1-20
}

# Prints the password policy, then the credentialData and secretData of the password credential
# every user gets, hashed once here with the same parameters the policy names. Keycloak checks a
# stored hash against the policy at every login and rehashes it on mismatch, so they must agree
# exactly, or each login would also write a new hash.
password_credential() {
    local hash=$1 salt_b64 value
    salt_b64=$(printf '%s' "$BENCH_KC_PASSWORD_SALT" | base64)
    case $hash in
    pbkdf2-sha256:*)
        local iterations=${hash#pbkdf2-sha256:}
        value=$(openssl kdf -keylen 32 -kdfopt digest:SHA256 \
            -kdfopt "pass:$BENCH_KC_USER_PASSWORD" -kdfopt "salt:$BENCH_KC_PASSWORD_SALT" \
            -kdfopt "iter:$iterations" -binary PBKDF2 | base64)
        echo "hashAlgorithm(pbkdf2-sha256) and hashIterations($iterations)"
        printf '{"hashIterations":%d,"algorithm":"pbkdf2-sha256","additionalParameters":{}}\n' \
            "$iterations"
        ;;
    argon2id:*:*:*)
        local memory iterations parallelism
        IFS=: read -r _ memory iterations parallelism <<<"$hash"
        value=$(printf '%s' "$BENCH_KC_USER_PASSWORD" |
            argon2 "$BENCH_KC_PASSWORD_SALT" -id -v 13 -k "$memory" -t "$iterations" \
                -p "$parallelism" -l 32 -r | xxd -r -p | base64)
        # Memory and parallelism are server options (argon2_options); the policy names the rest.
        echo "hashAlgorithm(argon2) and hashIterations($iterations)"
        printf '{"hashIterations":%d,"algorithm":"argon2","additionalParameters":{' "$iterations"
        printf '"version":["1.3"],"type":["id"],"hashLength":["32"],'
        printf '"memory":["%d"],"parallelism":["%d"]}}\n' "$memory" "$parallelism"
        ;;
    *) die "unknown hash '$hash': pbkdf2-sha256:<iterations> or argon2id:<KiB>:<passes>:<lanes>" ;;
    esac
    printf '{"value":"%s","salt":"%s","additionalParameters":{}}\n' "$value" "$salt_b64"
}

# Argon2's memory and lanes are Keycloak server options, not password policy parameters.
argon2_options() {
    local hash
    hash=$(cat "$BENCH_KC_HASH_FILE")
    [[ $hash == argon2id:* ]] || return 0
    local memory iterations parallelism
    IFS=: read -r _ memory iterations parallelism <<<"$hash"
    echo "--spi-password-hashing--argon2--type=id" \
        "--spi-password-hashing--argon2--memory=$memory" \
        "--spi-password-hashing--argon2--iterations=$iterations" \
        "--spi-password-hashing--argon2--parallelism=$parallelism"
}

json_string() {
    local escaped=${1//\\/\\\\}
    printf '"%s"' "${escaped//\"/\\\"}"
}

# The realm file: TOTP policy SHA1/6/30 with a look-around window of one and no code reuse, the
# built-in browser flow (its conditional OTP step asks every user who has a device), sessions that
# end after 30 idle minutes or 12 hours as ours do, one public client, and the users with their
# credentials already hashed.
write_realm() {
    local hash=$1 file=$2 policy credential_data secret_data i
    {
        read -r policy
        read -r credential_data
        read -r secret_data
    } < <(password_credential "$hash")
    local password_credential otp_credential_data
    password_credential="{\"type\":\"password\""
    password_credential+=",\"credentialData\":$(json_string "$credential_data")"
    password_credential+=",\"secretData\":$(json_string "$secret_data")}"
    otp_credential_data=$(json_string \
        '{"subType":"totp","digits":6,"counter":0,"period":30,"algorithm":"HmacSHA1"}')
    {
        cat <<EOF
{
  "realm": "$BENCH_KC_REALM",
  "enabled": true,
  "sslRequired": "all",
  "passwordPolicy": "$policy",
  "otpPolicyType": "totp",
  "otpPolicyAlgorithm": "HmacSHA1",
  "otpPolicyDigits": 6,
  "otpPolicyPeriod": 30,
  "otpPolicyLookAheadWindow": 1,
  "otpPolicyCodeReusable": false,
  "bruteForceProtected": false,
  "ssoSessionIdleTimeout": 1800,
  "ssoSessionMaxLifespan": 43200,
  "clients": [
    {
      "clientId": "$BENCH_KC_CLIENT_ID",
      "enabled": true,
      "publicClient": true,
      "standardFlowEnabled": true,
      "directAccessGrantsEnabled": false,
      "redirectUris": ["$BENCH_KC_REDIRECT_URI"]
    }
  ],
  "users": [
EOF
        for ((i = 0; i < BENCH_KC_USERS; i++)); do
            ((i > 0)) && echo ","
            # Email and names filled in: the default user profile requires them, and a user
            # without them is sent to an "update profile" page instead of the redirect.
            printf '    {"username":"kcbench-%d","email":"kcbench-%d@bench.example",' "$i" "$i"
            printf '"emailVerified":true,"firstName":"Bench","lastName":"User %d",' "$i"
            printf '"enabled":true,'
            printf '"credentials":[%s,' "$password_credential"
            # The secret is hex, so it needs no escaping inside the escaped secretData.
            printf '{"type":"otp","userLabel":"bench","secretData":"{\\"value\\":\\"%s\\"}",' \
                "$(otp_secret "$i")"
            printf '"credentialData":%s}]}' "$otp_credential_data"
        done
        printf '\n  ]\n}\n'
    } >"$file"
}

# --- Commands -------------------------------------------------------------------------------

cmd_fetch() {
    fetch
}

cmd_setup() {
    local hash=${1:-pbkdf2-sha256:600000}
    is_running && die "Keycloak is running; stop it first"
    fetch
    build
    make_keystore
    recreate_database
    echo "$hash" >"$BENCH_KC_HASH_FILE"
    echo "$BENCH_KC_USERS" >"$BENCH_KC_USERS_FILE"
    remember_next_user 0

    local started realm=$BENCH_KC_WORK_DIR/realm-$BENCH_KC_REALM.json
    started=$(now_ms)
    write_realm "$hash" "$realm"
    # Offline import into the database: no HTTP listener and no admin account needed.
    # shellcheck disable=SC2046 # argon2_options prints separate options
    "$BENCH_KC_HOME/bin/kc.sh" import --optimized --file "$realm" $(argon2_options) \
        >"$BENCH_KC_WORK_DIR/import.log" 2>&1 ||
        die "realm import failed, see $BENCH_KC_WORK_DIR/import.log"
    echo "Seeded $BENCH_KC_USERS users ($hash) in $(($(now_ms) - started)) ms"
}

is_running() {
    [[ -f $BENCH_KC_PID_FILE ]] && kill -0 "$(cat "$BENCH_KC_PID_FILE")" 2>/dev/null
}

java_pid() {
    is_running || die "Keycloak is not running"
    cat "$BENCH_KC_PID_FILE"
}

# Starts Keycloak in the background, pinned to BENCH_KC_SERVER_CPUS, and records the JVM's pid
# (kc.sh runs java as its child, and forwards TERM to it).
cmd_start() {
    is_running && die "Keycloak is already running"
    [[ -f $BENCH_KC_HASH_FILE ]] || die "run setup first"
    local launcher
    # A session of its own, so that a Ctrl-C meant for the runner leaves it to `stop`.
    # shellcheck disable=SC2046 # argon2_options prints separate options
    JAVA_OPTS_KC_HEAP="$BENCH_KC_HEAP" setsid taskset -c "$BENCH_KC_SERVER_CPUS" \
        "$BENCH_KC_HOME/bin/kc.sh" start --optimized --cache="$BENCH_KC_CACHE" \
        $(argon2_options) >"$BENCH_KC_LOG" 2>&1 </dev/null &
    launcher=$!
    local java=""
    for _ in $(seq 100); do
        java=$(pgrep -P "$launcher" java || true)
        [[ -n $java ]] && break
        sleep 0.05
    done
    [[ -n $java ]] || die "Keycloak's JVM did not start, see $BENCH_KC_LOG"
    echo "$java" >"$BENCH_KC_PID_FILE"
}

cmd_wait_ready() {
    local timeout_s=${1:-180} deadline
    deadline=$(($(date +%s) + timeout_s))
    local ready=https://$BENCH_KC_HOST:$BENCH_KC_MANAGEMENT_PORT/health/ready
    until curl -fsk -o /dev/null "$ready"; do
        is_running || die "Keycloak stopped while starting, see $BENCH_KC_LOG"
        (($(date +%s) < deadline)) ||
            die "Keycloak not ready after ${timeout_s}s, see $BENCH_KC_LOG"
        sleep 0.2
    done
}

cmd_stop() {
    is_running || return 0
    local pid
    pid=$(cat "$BENCH_KC_PID_FILE")
    kill -TERM "$pid"
    for _ in $(seq 300); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
    rm -f "$BENCH_KC_PID_FILE"
}

form_action() {
    local form_id=$1
    tr '\n' ' ' | grep -o "<form [^>]*id=\"$form_id\"[^>]*>" | grep -o 'action="[^"]*"' |
        head -1 | sed -e 's/^action="//' -e 's/"$//' -e 's/&amp;/\&/g'
}

# Percent-encodes the characters a URL such as the redirect URI holds.
url_encode() {
    local value=${1//%/%25}
    value=${value//:/%3A}
    value=${value//\//%2F}
    value=${value//\?/%3F}
    value=${value//&/%26}
    value=${value//=/%3D}
    printf '%s' "$value"
}

authorization_url() {
    local redirect_uri
    redirect_uri=$(url_encode "$BENCH_KC_REDIRECT_URI")
    printf 'https://%s:%s/realms/%s/protocol/openid-connect/auth' \
        "$BENCH_KC_HOST" "$BENCH_KC_PORT" "$BENCH_KC_REALM"
    printf '?client_id=%s&response_type=code&scope=openid&redirect_uri=%s' \
        "$BENCH_KC_CLIENT_ID" "$redirect_uri"
}

# One complete login of user <index>: authorization endpoint, password form, OTP form, and the
# redirect with code=. Exits non-zero at the first step that fails (server down included).
cmd_login() {
    local jar status=0
    jar=$(mktemp)
    login_with_cookies "$jar" "${1:-0}" || status=$?
    rm -f "$jar"
    return "$status"
}

login_with_cookies() {
    local jar=$1 index=$2 page action location
    local curl_opts=(-sk --max-time 30 -c "$jar" -b "$jar")

    page=$(curl "${curl_opts[@]}" -f "$(authorization_url)") || return 1
    action=$(form_action kc-form-login <<<"$page")
    [[ -n $action ]] || return 1

    # The form on stdin, off the command line.
    page=$(printf 'username=kcbench-%d&password=%s&credentialId=' \
        "$index" "$BENCH_KC_USER_PASSWORD" |
        curl "${curl_opts[@]}" -f --data-binary @- "$action") || return 1
    action=$(form_action kc-otp-login-form <<<"$page")
    [[ -n $action ]] || return 1

    local code
    code=$(oathtool --totp -d 6 -s 30 "$(printf '%s' "$(otp_secret "$index")" | xxd -p)")
    location=$(curl "${curl_opts[@]}" -o /dev/null -w '%{redirect_url}' \
        --data-binary "otp=$code&login=Sign+In" "$action") || return 1
    [[ $location == "$BENCH_KC_REDIRECT_URI"*code=* ]]
}

# Keycloak refuses a TOTP code its user already sent, also across runs and restarts (it keeps used
# codes as long as they are valid), so every run, curl's or Gatling's, goes on with the users the
# run before did not take.
next_user() {
    echo $(($(cat "$BENCH_KC_WORK_DIR/next-user" 2>/dev/null || echo 0) % BENCH_KC_USERS))
}

remember_next_user() {
    echo $(($1 % BENCH_KC_USERS)) >"$BENCH_KC_WORK_DIR/next-user"
}

# Milliseconds from `start` to the first completed two-step login, printed as
# "cold_start_ms=<n> login_page_ms=<m> server_cpu_ms=<c>", m being when the login form first came
# back and c the CPU time Keycloak's JVM had used by the end. Leaves the server running.
cmd_cold_start() {
    local index started
    cmd_stop
    index=$(next_user)
    remember_next_user $((index + 1))

    started=$(now_ms)
    cmd_start
    # The polling client is the load generator: on its own cores, in a subshell so that a runner
    # that sourced this file keeps its own.
    (
        taskset -pc "$BENCH_KC_CLIENT_CPUS" "$BASHPID" >/dev/null
        local login_page
        until curl -fsk -o /dev/null --max-time 30 "$(authorization_url)"; do
            wait_a_little "$started"
        done
        login_page=$(now_ms)
        until cmd_login "$index"; do
            wait_a_little "$started"
        done
        echo "cold_start_ms=$(($(now_ms) - started)) login_page_ms=$((login_page - started))" \
            "server_cpu_ms=$(cpu_ms "$(java_pid)")"
    )
}

# CPU time a process has used so far (user and system), in ms: unlike wall time, it hardly
# depends on what else the machine is running.
cpu_ms() {
    local ticks
    # Fields 14 and 15 of /proc/<pid>/stat; the command name (field 2) may hold spaces.
    ticks=$(sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }')
    echo $((ticks * 1000 / $(getconf CLK_TCK)))
}

wait_a_little() {
    local started=$1
    is_running || die "Keycloak stopped while starting, see $BENCH_KC_LOG"
    (($(now_ms) - started < 300000)) || die "no login within 300 s, see $BENCH_KC_LOG"
    sleep 0.1
}

# Resident set size of Keycloak's JVM in KiB.
cmd_rss() {
    ps -o rss= -p "$(java_pid)" | tr -d ' '
}

# Heap in use, in bytes, right after a full collection.
cmd_heap_used() {
    local pid
    pid=$(java_pid)
    jcmd "$pid" GC.run >/dev/null
    jcmd "$pid" GC.heap_info | awk '/garbage-first heap/ { sub(/K,?/, "", $6); print $6 * 1024 }'
}

# Keycloak keeps user sessions in the database and across restarts; a memory figure wants the
# server to start with none.
cmd_clear_sessions() {
    is_running && die "Keycloak is running; stop it first"
    psql -q -h 127.0.0.1 -U postgres -d "$BENCH_KC_DB_NAME" \
        -c "DELETE FROM offline_client_session WHERE offline_flag = '0'" \
        -c "DELETE FROM offline_user_session WHERE offline_flag = '0'"
}

# One line for the runner: resident size first, since the full collection heap-used forces may
# shrink it.
cmd_memory() {
    local rss
    rss=$(cmd_rss)
    echo "rss_kib=$rss heap_used_bytes=$(cmd_heap_used) sessions=$(cmd_sessions)"
}

# User sessions Keycloak holds (persistent sessions are in the database, memory caches them).
cmd_sessions() {
    psql -tA -h 127.0.0.1 -U postgres -d "$BENCH_KC_DB_NAME" \
        -c "SELECT count(*) FROM offline_user_session WHERE offline_flag = '0'"
}

# The -D options the Gatling simulation (KeycloakLoginSimulation) needs to reach this server.
cmd_env() {
    echo "-Dkc.baseUrl=https://$BENCH_KC_HOST:$BENCH_KC_PORT -Dkc.realm=$BENCH_KC_REALM" \
        "-Dkc.clientId=$BENCH_KC_CLIENT_ID -Dkc.redirectUri=$BENCH_KC_REDIRECT_URI" \
        "-Dkc.users=$BENCH_KC_USERS -Dkc.otpSeed=$BENCH_KC_OTP_SEED -Dkc.firstUser=$(next_user)"
}

# Runs the Gatling simulation against this server on the load generator's cores, passing on any
# -Dkc.* options (kc.concurrency, kc.durationSeconds, kc.logins); prints one line of figures.
cmd_load() {
    is_running || die "Keycloak is not running"
    local log=$BENCH_KC_WORK_DIR/load.log
    local status=0 figures cpu_before logins
    cpu_before=$(cpu_ms "$(java_pid)")
    # shellcheck disable=SC2046 # cmd_env's words are separate options
    (cd "$BENCH_DIR/.." && taskset -c "$BENCH_KC_CLIENT_CPUS" mvn -pl ear -Pbenchmark \
        gatling:test \
        -Dgatling.simulationClass=org.mfaplatform.benchmark.keycloak.KeycloakLoginSimulation \
        $(cmd_env) "$@") >"$log" 2>&1 || status=$?

    # A failed run used its users too.
    figures=$(grep '^keycloak_logins=' "$log" || true)
    [[ -n $figures ]] && remember_next_user "${figures##*keycloak_next_user=}"
    ((status == 0)) || die "the load test failed, see $log"
    # CPU time per login tells what a login costs even when other work shares the server's core.
    logins=${figures#keycloak_logins=}
    logins=${logins%% *}
    echo "$figures server_cpu_ms_per_login=$((($(cpu_ms "$(java_pid)") - cpu_before) / logins))"
}

main() {
    local command=${1:-}
    shift || true
    case $command in
    fetch | setup | start | stop | login | load | rss | memory | sessions | env)
        "cmd_$command" "$@"
        ;;
    wait-ready) cmd_wait_ready "$@" ;;
    next-user) remember_next_user "$1" ;;
    cold-start) cmd_cold_start "$@" ;;
    heap-used) cmd_heap_used "$@" ;;
    clear-sessions) cmd_clear_sessions ;;
    pid) java_pid ;;
    *)
        die "usage: keycloak.sh fetch | setup [hash] | start | wait-ready | login [i]" \
            "| load [-Dkc.*] | cold-start | rss | heap-used | memory | sessions" \
            "| clear-sessions | next-user <i> | pid | env | stop"
        ;;
    esac
}

# Sourced (by the runner, say), it only defines the functions.
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
    main "$@"
fi

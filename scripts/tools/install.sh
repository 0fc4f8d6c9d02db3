#!/usr/bin/env bash
# Installs the pinned scanners that test/scanners/ runs over the rendered tree: checkov (PyPI, in a virtualenv),
# trivy, actionlint and kube-score (built with `go install` from the Go module proxy). Versions: versions.env.
#
# Each tool goes to ${SKILLFORGE_TOOLS_DIR:-~/.cache/skillforge-tools}/<tool>-<version>/bin/<tool>, outside the
# repository, so every clone on a machine shares it. Idempotent: a tool whose folder holds the `.installed` marker
# (written only after the binary answered with the pinned version) is not touched again, so a second run takes
# seconds and says so. An interrupted install leaves no marker and is redone from scratch.
#
# Needs python3 with the venv module (Debian: python3-venv) and Go 1.24 or newer on PATH.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# versions.env holds NAME=value lines only (shellcheck -x follows it; the test suite's shellcheck runs without -x).
# shellcheck source=scripts/tools/versions.env disable=SC1091
source "${script_dir}/versions.env"

tools_dir="${SKILLFORGE_TOOLS_DIR:-${XDG_CACHE_HOME:-${HOME}/.cache}/skillforge-tools}"
started=${SECONDS}
built=()
cached=()

log() { printf 'install.sh: %s\n' "$*"; }
fail() {
  printf 'install.sh: %s\n' "$*" >&2
  exit 1
}

installed() { [[ -f "${tools_dir}/$1/.installed" ]]; }

# Runs "<binary> <args>" and fails unless its output contains the pinned version.
verify_version() {
  local binary=$1 version=$2
  shift 2
  local output
  output="$("${binary}" "$@" 2>&1)" || fail "${binary} $* failed: ${output}"
  [[ "${output}" == *"${version}"* ]] || fail "${binary} reports \"${output}\", expected version ${version}"
}

install_checkov() {
  local dir="${tools_dir}/checkov-${CHECKOV_VERSION}" began=${SECONDS}
  rm -rf "${dir}"
  mkdir -p "${dir}/bin"
  python3 -m venv "${dir}/venv"
  "${dir}/venv/bin/pip" install --quiet --disable-pip-version-check --no-input \
    -c "${script_dir}/checkov-constraints.txt" "checkov==${CHECKOV_VERSION}"
  ln -s ../venv/bin/checkov "${dir}/bin/checkov"
  verify_version "${dir}/bin/checkov" "${CHECKOV_VERSION}" --version
  touch "${dir}/.installed"
  log "checkov ${CHECKOV_VERSION}: installed in ${dir} after $((SECONDS - began)) s"
}

# go_install <tool> <version> <module path of the main package> <extra -ldflags> [GOEXPERIMENT]
go_install() {
  local tool=$1 version=$2 package=$3 ldflags=$4 experiment=${5:-}
  local dir="${tools_dir}/${tool}-${version}" began=${SECONDS}
  if installed "${tool}-${version}"; then
    cached+=("${tool} ${version}")
    return
  fi
  log "${tool} ${version}: building ${package}@v${version} (minutes on a cold machine) ..."
  rm -rf "${dir}"
  mkdir -p "${dir}/bin"
  GOBIN="${dir}/bin" GOCACHE="${tools_dir}/go-build" GOMODCACHE="${tools_dir}/go-mod" GOFLAGS=-trimpath \
    CGO_ENABLED=0 GOEXPERIMENT="${experiment}" \
    go install -ldflags "-s -w ${ldflags}" "${package}@v${version}"
  touch "${dir}/.installed"
  built+=("${tool} ${version} ($((SECONDS - began)) s)")
  log "${tool} ${version}: installed in ${dir} after $((SECONDS - began)) s"
}

command -v python3 > /dev/null || fail "python3 is missing: apt-get install -y python3 python3-venv"
python3 -c 'import ensurepip, venv' 2> /dev/null ||
  fail "python3 cannot create virtualenvs: apt-get install -y python3-venv"
command -v go > /dev/null ||
  fail "go is missing: install Go 1.24 or newer (e.g. actions/setup-go in CI) and run this script again"
mkdir -p "${tools_dir}"

# checkov's pip install waits on the network while the Go builds use the CPU: run it alongside them.
checkov_log="${tools_dir}/checkov-${CHECKOV_VERSION}.install.log"
checkov_pid=""
if installed "checkov-${CHECKOV_VERSION}"; then
  cached+=("checkov ${CHECKOV_VERSION}")
else
  log "checkov ${CHECKOV_VERSION}: pip install in a virtualenv, in the background (log: ${checkov_log}) ..."
  (install_checkov) > "${checkov_log}" 2>&1 &
  checkov_pid=$!
fi

go_install actionlint "${ACTIONLINT_VERSION}" github.com/rhysd/actionlint/cmd/actionlint ""
go_install kube-score "${KUBE_SCORE_VERSION}" github.com/zegl/kube-score/cmd/kube-score \
  "-X main.version=${KUBE_SCORE_VERSION}"
# trivy 0.74 imports encoding/json/jsontext, which Go 1.25+ builds only with GOEXPERIMENT=jsonv2 (as its release
# build does).
go_install trivy "${TRIVY_VERSION}" github.com/aquasecurity/trivy/cmd/trivy \
  "-X github.com/aquasecurity/trivy/pkg/version/app.ver=${TRIVY_VERSION}" jsonv2

if [[ -n "${checkov_pid}" ]]; then
  if ! wait "${checkov_pid}"; then
    cat "${checkov_log}" >&2
    fail "checkov ${CHECKOV_VERSION} failed to install (output above)"
  fi
  cat "${checkov_log}"
  built+=("checkov ${CHECKOV_VERSION}")
fi

verify_version "${tools_dir}/trivy-${TRIVY_VERSION}/bin/trivy" "${TRIVY_VERSION}" --version
verify_version "${tools_dir}/actionlint-${ACTIONLINT_VERSION}/bin/actionlint" "${ACTIONLINT_VERSION}" -version
verify_version "${tools_dir}/kube-score-${KUBE_SCORE_VERSION}/bin/kube-score" "${KUBE_SCORE_VERSION}" version

joined() {
  local IFS=';'
  printf '%s' "$*" | sed 's/;/, /g'
}

if [[ ${#built[@]} -eq 0 ]]; then
  log "all tools already installed in ${tools_dir}, nothing to build ($((SECONDS - started)) s): $(joined "${cached[@]}")"
else
  log "ready in $((SECONDS - started)) s in ${tools_dir}; built: $(joined "${built[@]}")${cached:+; cached: $(joined "${cached[@]}")}"
fi

#!/usr/bin/env bash
# Walks through the wallet commands in a throw-away folder: create, list, show, regenerate from the
# mnemonic, sign and verify. Usage: scripts/wallet-demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
export DEMO_PASSWORD="demo-password"
dotnet build src/Appliance -v quiet -nologo >/dev/null
appliance() { dotnet src/Appliance/bin/Debug/net10.0/appliance.dll "$@"; }

created=$(appliance wallet create --name demo --wallets-dir "$dir" --password-env DEMO_PASSWORD --json)
phrase=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["coldkey_mnemonic"])' <<<"$created")
appliance wallet list --wallets-dir "$dir"
appliance wallet show --name demo --wallets-dir "$dir"
appliance wallet regen --name again --mnemonic "$phrase" --wallets-dir "$dir" --password-env DEMO_PASSWORD
coldkey=$(appliance wallet show --name demo --wallets-dir "$dir" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["coldkey"])')
signature=$(appliance wallet sign --name demo --message "hello subnet" --wallets-dir "$dir" --password-env DEMO_PASSWORD)
appliance wallet verify --address "$coldkey" --message "hello subnet" --signature "$signature"
appliance wallet verify --address "$coldkey" --message "another message" --signature "$signature" || echo "(exit $? for another message, as expected)"

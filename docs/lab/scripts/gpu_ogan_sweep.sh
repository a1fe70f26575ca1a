#!/usr/bin/env bash
# One prepared session on a lent GPU: O-GAN recipe variants side by side, each stopped at the step count the CPU
# recipe reaches (90 minutes on one core: about 32.5k steps of batch 64), then measured with the judge
# (`python -m training.ogan evaluate --quick`: prior samples, reconstructions; no code mixture).
#
# Every variant is a plain training command; without `--device cuda` it trains the same way on the CPU.
# Carry .devdata/data.tgz (the data, see docs/lab/scripts/gpu_runs.sh) and runs/mnist-judge (the judge). At most 8 files come
# back from a lent machine: results.tgz (variants.tsv, each run's <run>.json, the logs), then the weights of the first
# runs (<run>.pt, no optimiser state). `python -m training.ogan evaluate --sweep DIR` reads the unpacked results.
#
# The variants are a table, one run a line: name, a tab, its training flags (docs/lab/scripts/ogan_sweeps/: recipe.tsv is the
# first sweep, base loss and architecture; sampling.tsv the second, top-k training, EMA decay, Adam's beta1, decay;
# batch.tsv the third, batch 32 at the step count 2 CPU cores reach in 45 minutes, with GRAPH=1; cooldown.tsv the
# fourth, the learning rate taken linearly to zero over the last 30% of 75k steps).
# GRAPH=1 adds --graph (each step replayed as a CUDA graph) to every variant, after a 600-step smoke run that falls
# back to plain steps if capture fails there.
#
#   MINUTES=8 STEPS=32500 bash docs/lab/scripts/gpu_ogan_sweep.sh [docs/lab/scripts/ogan_sweeps/recipe.tsv]
set -u
TABLE=${1:-docs/lab/scripts/ogan_sweeps/recipe.tsv}
MINUTES=${MINUTES:-8}
STEPS=${STEPS:-32500}
DEVICE=${DEVICE:-cuda}
PY=${PY:-python3}
OUT=${OUT:-runs/sweep-out}
export EXPLORABLES_DATA=$PWD/.devdata PYTHONUNBUFFERED=1
mkdir -p runs/logs "$OUT"
tar xzf .devdata/data.tgz -C .devdata
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null

EXTRA=""
if [[ ${GRAPH:-0} == 1 ]]; then
    if $PY -m training.ogan train --name graph-smoke --loss hinge --bf16 --max-steps 600 --cooldown 0.5 \
        --device "$DEVICE" --graph >runs/logs/graph-smoke.log 2>&1; then
        EXTRA="--graph"
    else
        echo "graph capture failed: plain steps"
    fi
    tail -n 3 runs/logs/graph-smoke.log
fi
declare -A VARIANTS=()
while IFS=$'\t' read -r name flags; do VARIANTS[$name]="$flags $EXTRA"; done <"$TABLE"
for name in "${!VARIANTS[@]}"; do
    # shellcheck disable=SC2086  # the variant's flags split into words on purpose
    $PY -m training.ogan train --name "$name" --max-steps "$STEPS" ${VARIANTS[$name]} --minutes "$MINUTES" \
        --threads 1 --device "$DEVICE" >"runs/logs/$name.log" 2>&1 &
done
wait
for name in "${!VARIANTS[@]}"; do printf '%s\t%s\n' "$name" "${VARIANTS[$name]}"; done >"$OUT/variants.tsv"
for name in "${!VARIANTS[@]}"; do
    $PY -m training.ogan evaluate --name "$name" --quick --threads 2 >"$OUT/$name.json" 2>"runs/logs/$name-eval.err" &
done
wait
for name in "${!VARIANTS[@]}"; do tail -n 2 "runs/logs/$name.log"; done
slim() { $PY -c "from pathlib import Path; from training.checkpoint import slim; slim(Path('$1'), Path('$2'), half=False)"; }
for name in "${!VARIANTS[@]}"; do slim "runs/$name/checkpoint.pt" "$OUT/$name.pt"; done
for name in "${!VARIANTS[@]}"; do cp "runs/logs/$name.log" "runs/logs/$name-eval.err" "$OUT"/; done
$PY -c "from pathlib import Path; from training.ogan import read_sweep
for r in read_sweep(Path('$OUT')): print(r)"
(cd "$OUT" && tar czf results.tgz variants.tsv ./*.json ./*.log ./*.err && rm -f ./*.json ./*.log ./*.err variants.tsv)
ls -la "$OUT"

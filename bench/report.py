"""Render bench/results/latest.json as the README's benchmark table, each shipped model's metrics.json as its
metrics table (docs/models/README.md) and the term miner's measures (docs/models/term-mining.md), between markers.

python -m bench.report [--check]      # --check: exit 1 when a bar is missed
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "latest.json"
README = ROOT / "README.md"
MODELS_DOC = ROOT / "docs" / "models" / "README.md"
TERMS_DOC = ROOT / "docs" / "models" / "term-mining.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
MODELS_START, MODELS_END = "<!-- models:start -->", "<!-- models:end -->"
TERMS_START, TERMS_END = "<!-- terms:start -->", "<!-- terms:end -->"
WORST_START, WORST_END = "<!-- worst:start -->", "<!-- worst:end -->"
LATENCY_START, LATENCY_END = "<!-- latency:start -->", "<!-- latency:end -->"
WORST = ROOT / "bench" / "results" / "worst.json"
SOAK = ROOT / "bench" / "results" / "soak.json"
LONG_TASKS = ROOT / "bench" / "results" / "long_tasks.json"
BENCH_DOC = ROOT / "docs" / "benchmarks.md"
WORST_BAR_S = 5.0  # every endpoint's most expensive allowed input, on 2 cores
TERMS_QUALITY = ROOT / "bench" / "results" / "term_mining.json"
TERMS_SPEED = ROOT / "bench" / "results" / "term_mining_speed.json"
TERMS_ENGLISH = ROOT / "bench" / "results" / "term_mining_english.json"

# the issues' bars on each shipped model's metrics: metric -> (comparison, threshold)
MODEL_BARS = {
    "mnist-judge": {"test_accuracy": (">=", 0.99)},
    "onlstm-peoples-daily": {"word_f1": (">=", 0.65), "gain_over_plain_lstm_word_f1": (">=", 0.08)},
    "iresnet-mnist": {"test_bits_per_dim": ("<=", 2.0), "inversion_max_abs_error_all_10k_k50": ("<=", 1e-4)},
    "iresnet-toys": {"eight_gaussians_gap_nats": ("<=", 0.1)},
    "sentiment-judge": {"test_accuracy": (">=", 0.85)},
    "cln-reviews": {
        "condition_accuracy": (">=", 0.90),
        "mixing_spearman": (">=", 0.9),
        "copied_12char_share_samples": ("<=", 0.10),
    },
    "ogan-mnist": {
        "judge_test_accuracy": (">=", 0.99),
        "reconstruction_class_consistency": (">=", 0.90),
        "sample_confident_share": (">=", 0.90),
        "sample_class_share_min": (">=", 0.07),
        "sample_class_share_max": ("<=", 0.13),
        "fid_ratio_to_ablation": ("<=", 1.2),
    },
}
# the issues' bars: ratios to the baseline beside each measure
BARS = {
    "cold_start": 1.5,
    "/smooth_pair": 3.0,
    "/ogan_encode": 3.0,
    "/ogan_interpolate": 3.0,
    "/onlstm_parse": 3.0,
    "/iresnet_fixed_point": 3.0,
    "/iresnet_logdet": 3.0,
    "/iresnet_density": 3.0,
    "/arch_compare": 3.0,
    "/arch_checkerboard": 3.0,
    "/arch_selfmod": 3.0,
}
ABSOLUTE_BARS_MS = {
    "/iresnet_roundtrip": 1000,
    "/iresnet_sample": 1000,
    "/terms_mine": 2000,
    "/cln_generate": 1500,  # 4 samples of 64 characters
}  # p95 on 2 cores


def _verdict(ratio: float, bar: float | None) -> str:
    if bar is None:
        return "–"
    return f"≤ {bar:g}× {'✅' if ratio <= bar else '❌ missed'}"


def table(result: dict) -> tuple[str, str, list[str]]:
    """(the README's short table, the full one with every endpoint for docs/benchmarks.md, the bars missed)"""
    cold, lat, mem, m = result["cold_start"], result["latency"], result["memory"], result["machine"]
    noop = lat["noop"]
    rows = [
        "| measure | this app | baseline | ratio | bar |",
        "|---|---|---|---|---|",
        f"| cold start, `python app.py` to first HTTP answer (median of {len(cold['app']['runs_s'])}) "
        f"| {cold['app']['median_s']:.2f} s | {cold['bare_gradio']['median_s']:.2f} s bare Gradio app "
        f"| {cold['ratio']:.2f}× | {_verdict(cold['ratio'], BARS['cold_start'])} |",
    ]
    missed = [] if cold["ratio"] <= BARS["cold_start"] else ["cold_start"]
    for name, s in lat["endpoints"].items():
        bar, limit = BARS.get(name), ABSOLUTE_BARS_MS.get(name)
        verdict = _verdict(s["p95_ratio_to_noop"], bar)
        if limit is not None:
            verdict = f"p95 ≤ {limit} ms {'✅' if s['p95_ms'] <= limit else '❌ missed'}"
        rows.append(
            f"| `{name}` p50 / p95 through gradio_client ({s['calls']} calls) | {s['p50_ms']:.0f} / {s['p95_ms']:.0f} ms "
            f"| {noop['p50_ms']:.0f} / {noop['p95_ms']:.0f} ms no-op endpoint | {s['p95_ratio_to_noop']:.2f}× (p95) | {verdict} |"
        )
        if (bar is not None and s["p95_ratio_to_noop"] > bar) or (limit is not None and s["p95_ms"] > limit):
            missed.append(name)
    memory = (
        f"| resident memory after one call to every endpoint | {mem['app_mb']:.0f} MB | {mem['bare_torch_gradio_mb']:.0f} MB bare torch + Gradio "
        f"| {mem['ratio']:.2f}× | – |"
    )
    footer = f"\nMeasured {result['date'][:10]} on {m['cores']} cores ({m['cpu']}), Python {m['python']}, gradio {m['gradio']}, torch {m['torch']}, with `{result['command'].strip()}`."
    endpoints = lat["endpoints"]
    with_bars = [n for n in endpoints if n in BARS or n in ABSOLUTE_BARS_MS]
    worst = max(endpoints, key=lambda n: endpoints[n]["p95_ratio_to_noop"])
    lat_missed = [n for n in missed if n != "cold_start"]
    verdict = f"{len(with_bars) - len(lat_missed)} of {len(with_bars)} bars met " + ("✅" if not lat_missed else "❌")
    summary = (
        f"| p95 of each of the {len(endpoints)} public endpoints through gradio_client ({endpoints[worst]['calls']} calls "
        f"each; [every endpoint](docs/benchmarks.md)) | {min(s['p95_ms'] for s in endpoints.values()):.0f}–"
        f"{max(s['p95_ms'] for s in endpoints.values()):.0f} ms | {noop['p95_ms']:.0f} ms no-op endpoint "
        f"| ≤ {endpoints[worst]['p95_ratio_to_noop']:.2f}× (`{worst}`) | {verdict} |"
    )
    short = "\n".join([*rows[:3], summary, memory]) + "\n" + footer
    return short, "\n".join([*rows, memory]) + "\n" + footer, missed


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def models_table() -> str:
    """One table per shipped model, from the metrics.json its evaluation command wrote (nested dicts become columns)."""
    sys.path.insert(0, str(ROOT))
    from models import hub
    from training.gan_arch.card import claims_text, measured_table

    own_tables = {
        "gan-arch-mnist": lambda m: measured_table(m) + "\n\n" + claims_text(m)
    }  # a comparison, not one model
    parts = []
    for name, entry in hub.REGISTRY.items():
        metrics = json.loads((hub.bundled_dir(name) / "metrics.json").read_text())
        if name in own_tables:
            parts.append(
                f"**{name}** ([{entry.repo_id}](https://huggingface.co/{entry.repo_id}), `assets/weights/{name}/`)\n\n"
                + own_tables[name](metrics)
            )
            continue
        scalars = {k for k, v in metrics.items() if not isinstance(v, (dict, list))}
        # a nested entry measured on the same keys (an ablation, a contrast model) becomes a column; other nested
        # entries (the configuration, a study with its own structure) stay in metrics.json and the card
        nested = {k: v for k, v in metrics.items() if isinstance(v, dict) and scalars & set(v)}
        bars = MODEL_BARS.get(name, {})
        head = f"| {name} metric | value |" + "".join(f" {k} |" for k in nested) + " bar |"
        rows = [head, "|---" * (3 + len(nested)) + "|"]
        for key, value in metrics.items():
            if isinstance(value, (dict, list)):
                continue
            verdict = "–"
            if key in bars:
                op, limit = bars[key]
                met = value >= limit if op == ">=" else value <= limit
                verdict = f"{'≥' if op == '>=' else '≤'} {limit:g} {'✅' if met else '❌ missed'}"
            others = "".join(f" {_fmt(n.get(key, '–'))} |" for n in nested.values())
            rows.append(f"| {key} | {_fmt(value)} |{others} {verdict} |")
        parts.append(
            f"**{name}** ([{entry.repo_id}](https://huggingface.co/{entry.repo_id}), `assets/weights/{name}/`)\n\n"
            + "\n".join(rows)
        )
    return "\n\n".join(parts)


def terms_table() -> str:
    """The term miner on the People's Daily corpus (training/term_mining/chinese.py) and its speed (bench/term_mining.py)."""
    q = json.loads(TERMS_QUALITY.read_text())
    rows = [
        "| measure (People's Daily 1998-01, 1.86M characters) | value | bar |",
        "|---|---|---|",
        f"| precision@100 / @1000 / @5000 of the ranked words | {q['precision_at_100']:.3f} / {q['precision_at_1000']:.3f} / {q['precision_at_5000']:.3f} | @1000 ≥ 0.95, @5000 ≥ 0.80 |",
        f"| segmentation word F1 (P / R) | {q['segmentation']['f1']:.4f} ({q['segmentation']['precision']:.3f} / {q['segmentation']['recall']:.3f}) | ≥ 0.70 |",
        f"| boundary F1 | {q['segmentation_boundaries']['f1']:.4f} | – |",
        f"| every character a word, word F1 | {q['every_character_a_word']['f1']:.4f} | – |",
    ]
    if TERMS_SPEED.is_file():
        sp = json.loads(TERMS_SPEED.read_text())
        ours, ref, big = sp["ours_corpus"], sp["reference_corpus"], sp["ours_20mb"]
        rows.append(
            f"| mining speed, 5.5 MB corpus | {ours['megabytes_per_second']:.2f} MB/s ({sp['speedup_corpus']:.1f}× the plain-Python reference's {ref['megabytes_per_second']:.2f} MB/s) | ≥ 3 MB/s and ≥ 5× |"
        )
        rows.append(
            f"| mining a {big['megabytes']:.0f} MB file: speed, peak memory | {big['megabytes_per_second']:.2f} MB/s, {big['peak_rss_mb']:.0f} MB | ≤ 1 GB |"
        )
    text = "\n".join(rows) + f"\n\nThresholds {q['thresholds']} were chosen on this corpus (not held out)."
    return text + english_terms_table() if TERMS_ENGLISH.is_file() else text


def english_terms_table() -> str:
    """precision@100 of the English ranking against each manual's glossary (training/term_mining/english.py)."""
    e = json.loads(TERMS_ENGLISH.read_text())
    rows = [
        "\n\n| English, precision@100 vs the manual's own glossary | ours (termhood) | ours without the noun cue (weight) | YAKE per document / whole | plain n-gram frequency | frequency, grammar-word edges dropped | ours ÷ better of YAKE and plain frequency (bar ≥ 2) |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, r in e.items():
        p = {k.removeprefix("precision_at_100_"): v for k, v in r.items() if k.startswith("precision_at_100_")}
        rows.append(
            f"| {name}: {r['corpus']}, {r['megabytes_utf8']} MB, {r['gold_terms']} gold terms | {p['ours']:.2f} | "
            f"{p['ours_without_noun_cue']:.2f} | "
            f"{p['yake_per_document']:.2f} / {p['yake_whole_corpus']:.2f} | {p['plain_ngram_frequency']:.2f} | "
            f"{p['ngram_frequency_without_grammar_word_edges']:.2f} | "
            f"{r['ratio_to_better_of_yake_and_plain_frequency']:.2f} {'✅' if r['ratio_to_better_of_yake_and_plain_frequency'] >= 2 else '❌ missed'} |"
        )
    return "\n".join(rows)


def worst_table() -> str:
    """docs/benchmarks.md: the worst allowed input of every endpoint (time and memory added), /ogan_sample alone and
    beside heavy calls of other tabs, the soak and the long tasks of opening each tab."""
    if not WORST.is_file():
        return "_not measured yet: `python -m bench.worst`_"
    r = json.loads(WORST.read_text())
    rows = [
        "| endpoint | its most expensive allowed input | one call (slowest of the runs) | ≤ 5 s | memory added at its peak |",
        "|---|---|---|---|---|",
    ]
    for name, w in r["worst"].items():
        mark = (
            "✅" if w["max_s"] <= WORST_BAR_S else "❌ (shows its progress)" if name.startswith("/terms_mine") else "❌"
        )
        memory = f"{w['peak_memory_added_mb']:.0f} MB" if "peak_memory_added_mb" in w else "–"
        rows.append(f"| `{name.split()[0]}` | {w['input']} | {w['max_s']:.2f} s | {mark} | {memory} |")
    rows += ["", f"Measured {r['date'][:10]} on {r['machine']['cores']} cores with `{r['command'].strip()}`.", ""]
    return "\n".join(rows + [line for line in summary_lines() if line])


def summary_lines() -> list[str]:
    """One line each: isolation, soak, long tasks (the README shows these; docs/benchmarks.md too)."""
    lines = []
    if WORST.is_file():
        r = json.loads(WORST.read_text())
        slow = max(r["worst"].items(), key=lambda kv: kv[1]["max_s"] if not kv[0].startswith("/terms") else 0)
        terms = r["worst"].get("/terms_mine", {})
        english = r["worst"].get("/terms_mine english", {})
        iso, a, b = r["isolation"], r["isolation"]["alone"], r["isolation"]["under_load"]
        lines.append(
            f"- Worst allowed input (`python -m bench.worst`): every endpoint but term mining under {WORST_BAR_S:g} s on 2 cores, the "
            f"slowest `{slow[0]}` at {slow[1]['max_s']:.2f} s ({slow[1]['input']}); term mining at its 20 MB limit "
            f"{terms.get('max_s', float('nan')):.1f} s, adding {terms.get('peak_memory_added_mb', float('nan')):.0f} MB "
            f"at its peak (bar ≤ 1 GB)"
            + (
                f"; English at 20 MB {english['max_s']:.1f} s, +{english['peak_memory_added_mb']:.0f} MB"
                + (" ❌ over the bar" if english["peak_memory_added_mb"] > 1000 else " ✅")
                if english
                else ""
            )
            + f". `/ogan_sample` p50 / p95: {a['p50_ms']:.0f} / {a['p95_ms']:.0f} ms alone, "
            f"{b['p50_ms']:.0f} / {b['p95_ms']:.0f} ms while {iso['load']}"
            + (
                f", {iso['under_20mb_mining']['p50_ms']:.0f} / {iso['under_20mb_mining']['p95_ms']:.0f} ms while a "
                "20 MB mining job runs."
                if "under_20mb_mining" in iso
                else "."
            )
        )
    if SOAK.is_file():
        k = json.loads(SOAK.read_text())
        a, b = k["after_first"], k["at_end"]
        ok = "✅" if max(k["disk_growth"], k["rss_growth"]) <= 0.05 else "❌"  # growth; a drop is no failure
        lines.append(
            f"- Soak (`{k['command'].strip()}`): {k['requests']:,} requests of the benchmark mix from {k['clients']} "
            f"clients, {k['requests_per_second']:.1f} requests/s on one replica; after the first {a['at_request']} and "
            f"at the end: temporary files {a['files']} / {b['files']} ({a['mb']:.2f} / {b['mb']:.2f} MB), resident "
            f"memory {a['rss_mb']:.0f} / {b['rss_mb']:.0f} MB ({k['rss_growth']:+.1%}; bar: growth ≤ 5%) {ok}."
        )
    if LONG_TASKS.is_file():
        lt = json.loads(LONG_TASKS.read_text())
        w, bare, plot = lt["worst"], lt.get("bare_gradio_worst_ms", {}), lt.get("bare_gradio_plot_worst_ms", {})
        mark = "✅" if w["ms"] <= 200 else "❌"
        lines.append(
            f"- Opening a tab by its link (`{lt['command'].strip()}`, Chromium's Long Tasks API): the longest "
            f"main-thread task is {min(v['desktop']['worst_ms'] for v in lt['tabs'].values())}–{w['ms']} ms on every "
            f"tab (worst: {w['tab']}, {w['viewport']}; bar ≤ 200 ms) {mark}; a bare one-textbox Gradio page: "
            f"{bare.get('desktop', '–')} ms, the same page with one three-point Plotly figure: "
            f"{plot.get('desktop', '–')} ms (Gradio's Plotly component drawing its first figure)."
        )
    return lines


def long_tasks_table() -> str:
    if not LONG_TASKS.is_file():
        return ""
    lt = json.loads(LONG_TASKS.read_text())
    rows = ["| tab | longest task, desktop 1440×900 | phone 390×844 | all long tasks, desktop |", "|---|---|---|---|"]
    rows += [
        f"| {tab} | {v['desktop']['worst_ms']} ms | {v['phone']['worst_ms']} ms | {v['desktop']['total_ms']} ms |"
        for tab, v in lt["tabs"].items()
    ]
    return "\n".join(rows)


def _replace(text: str, start: str, end: str, body: str) -> str:
    if start not in text or end not in text:
        sys.exit(f"the page lacks the {start} / {end} markers")
    return re.sub(f"{re.escape(start)}.*?{re.escape(end)}", lambda _: f"{start}\n{body}\n{end}", text, flags=re.S)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.report")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bar is missed")
    args = parser.parse_args(argv)
    text, full, missed = table(json.loads(RESULTS.read_text()))
    limits = "\n".join(
        [*summary_lines(), "", "Every endpoint's worst case and each tab's: [docs/benchmarks.md](docs/benchmarks.md)."]
    )
    README.write_text(_replace(_replace(README.read_text(), START, END, text), WORST_START, WORST_END, limits))
    doc = _replace(BENCH_DOC.read_text(), WORST_START, WORST_END, worst_table() + "\n\n" + long_tasks_table())
    BENCH_DOC.write_text(_replace(doc, LATENCY_START, LATENCY_END, full))
    MODELS_DOC.write_text(_replace(MODELS_DOC.read_text(), MODELS_START, MODELS_END, models_table()))
    TERMS_DOC.write_text(_replace(TERMS_DOC.read_text(), TERMS_START, TERMS_END, terms_table()))
    print(text)
    if missed:
        print(f"bars missed: {', '.join(missed)}", file=sys.stderr)
    return 1 if (args.check and missed) else 0


if __name__ == "__main__":
    sys.exit(main())

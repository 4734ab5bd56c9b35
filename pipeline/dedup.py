"""Near-duplicate clusters and leak-free splits for exported records.

Mirror sites repost one story with other headers and footers, in the other script, or cut short. Each
record's clean text is put in a canonical form (OpenCC Traditional->Simplified, NFKC half-width, lower
case, only letters and digits kept), cut into character shingles and summarized by a MinHash; MinHash
LSH (`datasketch`) proposes candidate pairs at a low Jaccard threshold, and a pair is accepted only when
the exact shingle *containment* of the shorter text in the longer one is high. Containment, not Jaccard,
decides because a story cut short keeps a small share of the long version's shingles (low Jaccard) but
almost all of its own (high containment). Accepted pairs are joined transitively (union-find).

Every row gets a `cluster_id` (stable hash of the cluster's representative, its longest member),
`duplicate_of` (the representative's doc_id, or None for the representative itself) and a `split`
drawn from a hash of the cluster id, so all members of a cluster land in the same split and the
assignment of a story does not depend on the order or the other records of the export.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import numpy as np

from pipeline.text import nfkc_chars, opencc_converter

SPLITS = ("train", "dev", "test")


@dataclass(frozen=True)
class DedupConfig:
    """Settings of near-duplicate detection and split assignment."""

    shingle: int = 5  # characters per shingle (Han characters carry about a word each)
    num_perm: int = 128
    lsh_threshold: float = 0.15  # Jaccard threshold of the LSH candidate search (recall side: a story cut to a fifth)
    containment: float = 0.7  # shingles of the shorter text found in the longer one (precision side)
    min_shingles: int = 20  # shorter texts are duplicates only when exactly equal
    ratios: tuple[float, float, float] = (0.8, 0.1, 0.1)
    seed: str = "zh-events"


@dataclass(frozen=True)
class DupInfo:
    """Cluster membership of one row."""

    cluster_id: str
    duplicate_of: str | None
    split: str


class Canonicalizer:
    """Clean text -> the script- and width-independent form that shingles are taken from."""

    def __init__(self) -> None:
        self._t2s = opencc_converter("t2s")

    def __call__(self, text: str) -> str:
        """Simplified, half-width, lower-case letters and digits only."""
        return _NOT_ALNUM.sub("", nfkc_chars(self._t2s.convert(text), keep_length=False).lower())


_NOT_ALNUM = re.compile(r"[\W_]+")


def shingle_hashes(canon: str, k: int) -> np.ndarray:
    """Sorted unique 32-bit hashes of the k-character shingles of `canon` (the whole text if shorter).

    A polynomial hash over code points computed for all shingles at once (numpy, wrapping uint64), then
    mixed with splitmix64's finalizer so the low 32 bits are well spread."""
    if not canon:
        return np.zeros(0, dtype=np.uint32)
    cps = np.frombuffer(canon.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    k = min(k, len(cps))
    n = len(cps) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = h * np.uint64(1_000_003) + cps[j:j + n]
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(31)
    return np.unique((h & np.uint64(0xFFFFFFFF)).astype(np.uint32))


def containment(a: np.ndarray, b: np.ndarray) -> float:
    """Share of the smaller shingle set found in the other one."""
    small = min(len(a), len(b))
    if small == 0:
        return 0.0
    return len(np.intersect1d(a, b, assume_unique=True)) / small


def _identity(x):
    return x


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def split_of(cluster_id: str, cfg: DedupConfig) -> str:
    """The split of a cluster: a hash of its id against the cumulative ratios (order-independent)."""
    digest = hashlib.sha256(f"{cfg.seed}:{cluster_id}".encode()).digest()
    u = int.from_bytes(digest[:8], "big") / 2**64
    total = sum(cfg.ratios)
    acc = 0.0
    for name, ratio in zip(SPLITS, cfg.ratios):
        acc += ratio / total
        if u < acc:
            return name
    return SPLITS[-1]


def duplicate_pairs(texts: list[str], cfg: DedupConfig = DedupConfig()) -> list[tuple[int, int]]:
    """Index pairs (i < j) accepted as near-duplicates, before transitive closure."""
    from datasketch import MinHash, MinHashLSH

    canon = Canonicalizer()
    forms = [canon(t) for t in texts]
    hashes = [shingle_hashes(f, cfg.shingle) for f in forms]
    lsh = MinHashLSH(threshold=cfg.lsh_threshold, num_perm=cfg.num_perm)
    template = MinHash(num_perm=cfg.num_perm, hashfunc=_identity, seed=1)  # permutations drawn once
    pairs: set[tuple[int, int]] = set()
    exact: dict[str, int] = {}
    for i, (form, hs) in enumerate(zip(forms, hashes)):
        if form in exact:
            pairs.add((exact[form], i))
        elif form:
            exact[form] = i
        if len(hs) < cfg.min_shingles:
            continue
        m = template.copy()
        m.update_batch(hs.astype(np.uint64))
        for j in lsh.query(m):
            if containment(hashes[j], hs) >= cfg.containment:
                pairs.add((j, i))
        lsh.insert(i, m)
    return sorted(pairs)


def cluster(doc_ids: list[str], texts: list[str], cfg: DedupConfig = DedupConfig()) -> list[DupInfo]:
    """Cluster id, representative and split of every row (rows in the given order)."""
    uf = _UnionFind(len(texts))
    for i, j in duplicate_pairs(texts, cfg):
        uf.union(i, j)
    members: dict[int, list[int]] = {}
    for i in range(len(texts)):
        members.setdefault(uf.find(i), []).append(i)
    out: list[DupInfo | None] = [None] * len(texts)
    for group in members.values():
        rep = min(group, key=lambda i: (-len(texts[i]), doc_ids[i]))
        cid = "c" + hashlib.sha1(doc_ids[rep].encode("utf-8")).hexdigest()[:12]
        split = split_of(cid, cfg)
        for i in group:
            out[i] = DupInfo(cid, None if i == rep else doc_ids[rep], split)
    return out  # type: ignore[return-value]


def pair_scores(predicted: list[str], gold: list[str]) -> dict[str, float]:
    """Precision, recall and F1 of same-cluster pairs, given predicted and true cluster labels per row."""

    def pairs(labels: list[str]) -> set[tuple[int, int]]:
        groups: dict[str, list[int]] = {}
        for i, lab in enumerate(labels):
            groups.setdefault(lab, []).append(i)
        return {(a, b) for g in groups.values() for x, a in enumerate(g) for b in g[x + 1:]}

    p, g = pairs(predicted), pairs(gold)
    tp = len(p & g)
    precision = tp / len(p) if p else 1.0
    recall = tp / len(g) if g else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs_predicted": len(p), "pairs_gold": len(g), "true_positives": tp,
            "precision": precision, "recall": recall, "f1": f1}

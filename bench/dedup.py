"""Duplicate detection: precision and recall on a labelled synthetic set, and a 1,000-record batch against
a large registry on PostgreSQL.

    .venv/bin/python bench/dedup.py [--persons 100000] [--registry 1000000] [--skip-pg]

1. Quality. Generates ``--persons`` invented people (names drawn with a skewed frequency from West
   African, Lusophone and francophone lists, so common names collide as they do in real registries);
   10% of them are registered a second time with realistic noise: accents and apostrophes dropped,
   upper case, given/family swapped, another spelling (Mohamed/Muhammad, Abdoulaye/Abdullahi),
   Portuguese particles added or dropped, an initial for a given name, a typo, a changed phone, a
   day/month swap, a missing document number, another e-mail. Every record goes through the same
   profile, blocking keys, candidate cap and score as ingestion (in memory, without SQL), and the pairs
   reaching the threshold are compared with the truth. Printed: precision and recall on pairs (goal
   >= 0.98 / >= 0.95), and the same for exact matching on document number alone (the baseline).
2. Speed. Loads ``--registry`` people's profiles and keys into a fresh PostgreSQL schema (COPY), then
   times ``index_heads`` (the ingestion call: keys, candidate lookup, scoring, queueing) on a batch of
   1,000 new records of which 10% are noisy copies of registered people. Goal < 5 s. Baseline of the
   same run: looking the batch's document numbers up in the same key table.
"""

from __future__ import annotations

import argparse
import json
import random
import string
import sys
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sync.server.dedup.compare import score
from sync.server.dedup.profile import blocking_keys, build_profile
from sync.server.dedup.rules import Rules, load_rules
from sync.server.dedup.variants import GROUPS


def _words(text: str) -> list[str]:
    return text.split()


GIVEN_F = _words("""
Aminata Fatoumata Mariama Aissatou Khadija Hawa Awa Fatou Adjoua Aya Akissi Affoué Ama Abena Akosua
Esi Efua Adwoa Musu Korto Comfort Precious Ellen Isatu Kadiatu Zainab Graça Albertina Luísa Nélia
Celeste Inês Conceição Maria Edite Joana Élodie Hélène Khady Rokhaya Ndeye Coumba Binta Oumou
Salimata Rokia Safiatou Nafissatou Maimouna Bintou Assetou Djeneba Kadidia Nana Yaa Adjoa Afia Abla
Délali Sena Mawusi Ekua Naomi Grace Blessing Patience Mercy Joy Esther
""")
GIVEN_M = _words("""
Mohamed Abdoulaye Ousmane Ibrahima Moussa Souleymane Youssouf Oumar Amadou Hassan Ismaila Idrissa
Aliou Moustapha Yacouba Seydou Issa Lamine Bakary Karim Alhaji Aboubacar Mamadou Kofi Kwame Yaw
Kwabena Kwesi Kojo Koffi Yao Konan Kouadio Drissa Sekou Benedict Emmanuel Jallah Momo Prince Abu
Foday Armando Celso Ernesto Júlio Anselmo Fernando João Tiago Gonçalo Aurélio Nuno François Cheikh
Jérôme Modou Pape Babacar Serigne Lassana Siaka Adama Boubacar Tidiane Samba Daouda Salif Ladji
Kassoum Brahima Sidiki Zoumana Gaoussou Dramane Abou Fousseni Ange Serge
""")
FAMILY_REAL = _words("""
Kollie Doe Weah Flomo Kpoto Sirleaf Tubman Gbowee Johnson Mensah Owusu Asante Boateng Appiah Osei
Agyeman Darko N'Guessan Kouassi Kouamé Ouattara Koné Bamba Coulibaly Touré Kamara Sesay Conteh
Bangura Koroma Turay Kargbo Jalloh Machel Chissano Mondlane Sitoe Cossa Macuácua Nhantumbo Tembe
Silva Gonçalves Pereira Sousa Fernandes Lima Trovoada Santos Costa Diop Ndiaye Fall Sow Mendy
Lefèvre Gomis Faye Diallo Traoré Keita Camara Sylla Cissé Konaté Diarra Sangaré Dembélé Sidibé
Doumbia Fofana Bah Barry Baldé Sall Gueye Seck Mbaye Niang Thiam
""")
SYLLABLES_A = _words("""
Ko Ba Ma Djo Ou Tra Sa Ke Ndi Ka Fo Lu Mo Nga Ta Si Go Me A Bo Da Fa Ki Na Zo Ye Gba Kpa
""")
SYLLABLES_B = _words("""
ne mara oré ssa ko baye diaye ra to lo nga ssi mbe tondo gou ré ssou ka mba ye bou dé la kou guéna
nan zie tey
""")
PARTICLED = ("da Silva", "dos Santos", "de Sousa", "da Costa", "das Neves", "do Rosário", "de Carvalho")
COUNTRIES = ("CI", "SN", "GH", "LR", "SL", "MZ", "ST", "ML", "GN", "BF", "TG", "CV", "AO", "GW")
PLACES = _words("""
Abidjan Dakar Accra Monrovia Freetown Maputo Bamako Conakry Ouagadougou Lomé Praia Luanda Bissau Bouaké
Kumasi Beira Thiès Kankan
""")
CALLING = ("+1 612 555", "+33 6", "+44 7700", "+351 91", "+32 470", "+49 151", "+39 333", "+34 612")
DOMAINS = ("example.org", "example.com", "example.net")
VARIANT_OF = {spelling: group for group in GROUPS for spelling in group}
ACCENTS = str.maketrans("éèêëàâäçãáíóôõúüïÉÈÇÀ'’", "eeeeaaacaaioooouuiECA  ")


def zipf_choice(rng: random.Random, items: list[str], weights: list[float]) -> str:
    return rng.choices(items, weights=weights)[0]


class Population:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        family = [*FAMILY_REAL, *PARTICLED, *(a + b for a in SYLLABLES_A for b in SYLLABLES_B)]
        self.family = list(dict.fromkeys(family))
        self.family_w = [1 / (i + 1) ** 0.7 for i in range(len(self.family))]
        synthetic = [a + b for a in SYLLABLES_A[:14] for b in SYLLABLES_B[:10]]
        self.given = {"female": [*GIVEN_F, *synthetic[:70]], "male": [*GIVEN_M, *synthetic[70:]]}
        self.given_w = {
            sex: [1 / (i + 1) ** 0.8 for i in range(len(names))] for sex, names in self.given.items()
        }
        self.serial = 0

    def person(self) -> dict[str, Any]:
        rng = self.rng
        self.serial += 1
        sex = rng.choice(("female", "male"))
        given = zipf_choice(rng, self.given[sex], self.given_w[sex])
        if rng.random() < 0.25:  # a second given name
            given += " " + zipf_choice(rng, self.given[sex], self.given_w[sex])
        family = zipf_choice(rng, self.family, self.family_w)
        born = date(1946, 1, 1) + timedelta(days=rng.randrange(62 * 365))
        first = given.split()[0].translate(ACCENTS).replace(" ", "").lower()
        plain_family = family.translate(ACCENTS).replace(" ", "").lower()
        person = {
            "given_name": given,
            "family_name": family,
            "sex": sex,
            "birth_date": born.isoformat(),
            "birth_country": rng.choice(COUNTRIES),
            "birth_place": rng.choice(PLACES),
            "document_number": "".join(rng.choices(string.ascii_uppercase, k=2)) + f"{self.serial:07d}",
            "phone": f"{rng.choice(CALLING)} {rng.randrange(10**6):06d}",
            "email": f"{first}.{plain_family}{rng.randrange(10**4)}@{rng.choice(DOMAINS)}",
        }
        if rng.random() < 0.1:  # registered without an identity document
            del person["document_number"]
        return person


def typo(rng: random.Random, word: str) -> str:
    if len(word) < 4:
        return word
    i = rng.randrange(1, len(word) - 1)
    kind = rng.randrange(3)
    if kind == 0:
        return word[:i] + word[i + 1 :]  # a letter dropped
    if kind == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]  # two letters swapped
    return word[:i] + rng.choice("aeioumnrstk") + word[i + 1 :]  # a letter replaced


def noisy_copy(rng: random.Random, original: dict[str, Any], population: Population) -> dict[str, Any]:
    """The same person typed at another desk: two or three kinds of noise."""
    copy = dict(original)
    name_noises = ["plain", "swap", "variant", "particle", "initial", "typo", "upper"]
    for noise in rng.sample(name_noises, k=rng.choice((1, 2))):
        given, family = copy["given_name"], copy["family_name"]
        if noise == "plain":
            given, family = given.translate(ACCENTS), family.translate(ACCENTS).replace("  ", " ")
        elif noise == "swap":
            given, family = family, given
        elif noise == "variant":
            words = given.split()
            group = VARIANT_OF.get(words[0].lower())
            if group:
                words[0] = rng.choice(group).title()
            given = " ".join(words)
        elif noise == "particle":
            if family in PARTICLED:
                family = family.split(" ", 1)[1]
            elif " " not in family:
                family = rng.choice(("da ", "de ", "dos ")) + family
        elif noise == "initial":
            words = given.split()
            given = " ".join([words[0][0] + ".", *words[1:]]) if len(words) > 1 else given
        elif noise == "typo":
            if rng.random() < 0.5:
                given = typo(rng, given)
            else:
                family = typo(rng, family)
        elif noise == "upper":
            given, family = given.upper(), family.upper()
        copy["given_name"], copy["family_name"] = given, family
    if rng.random() < 0.4:
        copy.pop("document_number", None)
    if rng.random() < 0.3:
        copy["phone"] = population.person()["phone"]
    if rng.random() < 0.2:
        copy["email"] = "" if rng.random() < 0.5 else population.person()["email"]
    if rng.random() < 0.15:
        born = date.fromisoformat(copy["birth_date"])
        if born.day <= 12 and born.day != born.month:
            copy["birth_date"] = born.replace(month=born.day, day=born.month).isoformat()
    return copy


def labelled_set(persons: int, seed: int = 16) -> tuple[list[dict[str, Any]], set[tuple[int, int]]]:
    population = Population(seed)
    records = [population.person() for _ in range(persons)]
    rng = random.Random(seed + 1)
    truth: set[tuple[int, int]] = set()
    for index in rng.sample(range(persons), persons // 10):
        truth.add((index, len(records)))
        records.append(noisy_copy(rng, records[index], population))
    return records, truth


def predicted_pairs(rules: Rules, records: list[dict[str, Any]]) -> tuple[set[tuple[int, int]], int, float]:
    """The ingestion path without SQL: profile, keys, the most-shared candidates (capped), score."""
    profiles = [build_profile(rules, answers) for answers in records]
    owners: dict[str, list[int]] = {}
    keys = []
    for index, profile in enumerate(profiles):
        mine = blocking_keys(rules.form_id, profile)
        keys.append(mine)
        for key in mine:
            owners.setdefault(key, []).append(index)
    started = time.perf_counter()
    scored: set[tuple[int, int]] = set()
    found: set[tuple[int, int]] = set()
    for index, mine in enumerate(keys):
        shared: Counter[int] = Counter()
        for key in mine:
            shared.update(other for other in owners[key] if other < index)  # records indexed before it
        for other, _ in shared.most_common(rules.max_candidates):
            pair = (other, index)
            if pair in scored:
                continue
            scored.add(pair)
            if score(rules, profiles[other], profiles[index]).score >= rules.threshold:
                found.add(pair)
    return found, len(scored), time.perf_counter() - started


def document_pairs(records: list[dict[str, Any]]) -> set[tuple[int, int]]:
    by_number: dict[str, list[int]] = {}
    for index, answers in enumerate(records):
        number = answers.get("document_number")
        if number:
            by_number.setdefault(number, []).append(index)
    return {(a, b) for ids in by_number.values() for a in ids for b in ids if a < b}


def precision_recall(found: set[tuple[int, int]], truth: set[tuple[int, int]]) -> tuple[float, float]:
    right = len(found & truth)
    return (right / len(found) if found else 1.0), right / len(truth)


def quality(rules: Rules, persons: int) -> None:
    started = time.perf_counter()
    records, truth = labelled_set(persons)
    print(f"labelled set: {persons:,} persons, {len(truth):,} registered twice, {len(records):,} records "
          f"({time.perf_counter() - started:.1f} s to generate)")  # fmt: skip
    started = time.perf_counter()
    found, compared, scoring = predicted_pairs(rules, records)
    precision, recall = precision_recall(found, truth)
    print(f"rules ({rules.source}, threshold {rules.threshold:g}): {compared:,} candidate pairs scored, "
          f"{len(found):,} queued in {time.perf_counter() - started:.1f} s "
          f"(scoring {scoring:.1f} s)")  # fmt: skip
    print(f"  precision {precision:.4f}  recall {recall:.4f}   (goal >= 0.98 / >= 0.95)")
    base_precision, base_recall = precision_recall(document_pairs(records), truth)
    print(f"baseline, exact document number only: precision {base_precision:.4f}  recall {base_recall:.4f}")
    print(f"  recall ratio rules / baseline: {recall / base_recall:.2f}x")
    missed = sorted(truth - found)[:5]
    wrong = sorted(found - truth)[:5]
    for label, sample in (("missed", missed), ("false", wrong)):
        for a, b in sample:
            pa, pb = build_profile(rules, records[a]), build_profile(rules, records[b])
            levels = {name: level for name, level in score(rules, pa, pb).levels if level != "agree"}
            print(f"  e.g. {label}: score {score(rules, pa, pb).score:5.1f} not agreeing: {levels}")


def _copy_rows(connection: Any, table: str, columns: str, rows: list[tuple[Any, ...]]) -> None:
    with connection.cursor().copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def speed(rules: Rules, registry: int) -> None:
    import psycopg
    from sqlalchemy import select

    from sync.server.db import make_engine, session_factory
    from sync.server.dedup.index import Head, index_heads
    from sync.server.models import DedupKeyRow
    from tests.sync.server.helpers import PG_ADMIN_DSN, postgres_schema

    population = Population(99)
    with postgres_schema() as url:
        engine = make_engine(url)
        from sync.server.db import upgrade

        upgrade(engine)
        schema = url.rsplit("%3D", 1)[1]
        started = time.perf_counter()
        sample: list[dict[str, Any]] = []
        with psycopg.connect(PG_ADMIN_DSN, autocommit=False) as connection:
            connection.execute(f'SET search_path TO "{schema}"')
            connection.execute("ALTER TABLE dedup_keys DROP CONSTRAINT dedup_keys_pkey")
            connection.execute("DROP INDEX ix_dedup_keys_record_id")
            chunk = 50_000
            for start in range(0, registry, chunk):
                profiles, keys = [], []
                for offset in range(min(chunk, registry - start)):
                    answers = population.person()
                    if len(sample) < 100 and (start + offset) % max(1, registry // 100) == 0:
                        sample.append(answers)
                    record_id = f"00000000-0000-4000-8000-{start + offset:012d}"
                    profile = build_profile(rules, answers)
                    profiles.append(
                        (
                            record_id,
                            rules.form_id,
                            rules.fingerprint,
                            json.dumps(profile, separators=(",", ":")),
                        )
                    )
                    keys.extend((key, record_id) for key in blocking_keys(rules.form_id, profile))
                _copy_rows(
                    connection, "dedup_profiles", "record_id, form_id, rules_fingerprint, profile", profiles
                )
                _copy_rows(connection, "dedup_keys", "key, record_id", keys)
                connection.commit()
                print(f"\r  registry: {start + len(profiles):,} people loaded", end="", flush=True)
            connection.execute("ALTER TABLE dedup_keys ADD PRIMARY KEY (key, record_id)")
            connection.execute("CREATE INDEX ix_dedup_keys_record_id ON dedup_keys (record_id)")
            connection.execute("ANALYZE dedup_keys")
            connection.execute("ANALYZE dedup_profiles")
            connection.commit()
        print(
            f"\nregistry on PostgreSQL: {registry:,} people, loaded and indexed in "
            f"{time.perf_counter() - started:.0f} s"
        )
        rng = random.Random(7)
        batch = [population.person() for _ in range(900)] + [noisy_copy(rng, p, population) for p in sample]
        heads = [Head(f"11111111-0000-4000-8000-{i:012d}", answers) for i, answers in enumerate(batch)]
        factory = session_factory(engine)
        # Baseline of the same run: the batch's document numbers looked up in the same key table.
        doc_keys = sorted(
            k
            for answers in batch
            for k in blocking_keys(rules.form_id, {"doc": answers.get("document_number", "")})
        )
        started = time.perf_counter()
        with factory() as session:
            session.execute(select(DedupKeyRow.record_id).where(DedupKeyRow.key.in_(doc_keys))).all()
        baseline = time.perf_counter() - started
        timings = []
        for _ in range(3):
            with factory() as session, session.begin():
                started = time.perf_counter()
                result = index_heads(session, rules, heads)
                timings.append(time.perf_counter() - started)
                session.rollback()
        best = min(timings)
        print(f"batch of {len(heads):,} records ({len(sample)} noisy copies of registered people): "
              f"{result.candidates:,} candidate pairs scored, {result.queued} queued")  # fmt: skip
        print(
            f"  found and scored in {best:.2f} s "
            f"(best of 3: {', '.join(f'{t:.2f}' for t in timings)}; goal < 5 s)"
        )
        print(f"  baseline, document numbers only: {baseline:.3f} s; ratio {best / baseline:.0f}x")
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persons", type=int, default=100_000)
    parser.add_argument("--registry", type=int, default=1_000_000)
    parser.add_argument("--skip-pg", action="store_true")
    parser.add_argument("--rules", type=Path, help="a rules file (default: the shipped form's)")
    args = parser.parse_args()
    rules = load_rules(args.rules) if args.rules else load_rules()
    quality(rules, args.persons)
    if not args.skip_pg:
        speed(rules, args.registry)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generates a large, valid afspraak site for benchmarking `afspraak check`.

    python3 benches/generate_site.py --questions 10000 --out /tmp/afspraak-10k [--seed 1]

The output is deterministic for a given seed and size: about QUESTIONS / 20
contracts of 20 questions each, spread over neighbourhoods and the years
2021-2025, with every outcome, progress histories, decisions, disputes,
`follows` links to earlier years, updates that link to questions, and texts of
about 100-150 words for `asked` and `answer`. The generated site checks clean
(`as_of` is 2026-06-30); the texts hold no digits, so that the personal-data
check has realistic work to do but nothing to find.
"""

import argparse
import os
import random
import shutil
from datetime import date, timedelta

YEARS = [2021, 2022, 2023, 2024, 2025]
AS_OF = date(2026, 6, 30)
PER_CONTRACT = 20

WORDS = """
bewoners wijk straat park plein buurt speeltuin verlichting lantaarnpaal stoep
fietspad bankje container afval zwerfvuil groen bomen heesters gras vijver pad
parkeren verkeer snelheid drempel oversteekplaats school buurthuis jongeren
ouderen wijkagent overlast veiligheid onderhoud bestrating tegels riolering
water schimmel portiek flat woning corporatie gemeente partner afspraak plan
planning uitvoering aannemer opdracht budget begroting jaar voorjaar najaar
zomer winter avond ochtend week maand snel langzaam graag liever samen veel
weinig vaak soms altijd nooit goed slecht beter mooi donker licht schoon heel
veilig sociaal groot klein nieuw oud extra meer minder ook nog al wel niet
de het een en of maar want dus omdat als dan dat die deze dit wij zij ze we
willen vragen vinden zien horen melden zeggen maken zetten leggen planten
vervangen repareren legen ophalen controleren bekijken bespreken overleggen
""".split()

FIRST = """Betere Meer Nieuwe Extra Veilige Schone Groene Rustige Kapotte Volle
Donkere Losse Oude Drukke""".split()
NOUNS = """verlichting containers stoeptegels speelplek bankjes fietsenrekken
drempels bomen heesters lantaarnpalen bestrating afvalbakken borden
hondenpoepbakken parkeerplaatsen oversteekplaatsen""".split()
PLACES = """Floris van Adrichempark, Baden Powellstraat, Kleverlaan, Briandplein,
Europaweg, Montessoristraat, Frobelstraat, Noorder Emmakade, Schipholweg,
Amsterdamsevaart, Leidsevaart, Houtvaart, Spaarne, Kennemerplein""".replace("\n", " ").split(", ")

CHANNELS = ["meeting", "walk", "consultation-hour", "survey", "panel",
            "residents-organisation", "regular-contact"]
OUTCOMES = ["resolved", "honoured", "scheduled", "prioritised", "declined"]
STATES = ["planned", "started", "delayed"]
PARTNERS = [("gemeente", "Gemeente", "municipality"), ("elan-wonen", "Elan Wonen", "housing"),
            ("ymere", "Ymere", "housing"), ("pre-wonen", "Pre Wonen", "housing"),
            ("politie", "Politie", "police"), ("spaarnelanden", "Spaarnelanden", "waste"),
            ("dock", "DOCK", "welfare"), ("provincie", "Provincie", "other")]
TOPICS = ["schoon", "heel", "veilig", "sociaal", "groen", "verkeer"]
ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def sentence(rng, lo, hi):
    words = [rng.choice(WORDS) for _ in range(rng.randint(lo, hi))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def paragraph(rng, lo=100, hi=150):
    """About lo..hi words in sentences of 8-16 words."""
    target, words, out = rng.randint(lo, hi), 0, []
    while words < target:
        s = sentence(rng, 8, 16)
        words += s.count(" ") + 1
        out.append(s)
    return " ".join(out)


def block(text, indent):
    """A YAML literal block scalar, wrapped at about 90 characters."""
    pad = " " * indent
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > 90:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return "|\n" + "".join(f"{pad}{l}\n" for l in lines)


def slug_name(i):
    """A unique lowercase slug without digits: a, b, ..., z, ba, bb, ..."""
    s = ""
    while True:
        s = ALPHABET[i % 26] + s
        i //= 26
        if i == 0:
            return "wijk-" + s


def day_between(rng, lo, hi):
    if hi <= lo:
        return lo
    return lo + timedelta(days=rng.randint(0, (hi - lo).days))


def progress(rng, start, end, finished):
    """Oldest first, never after AS_OF; ends with `done` when finished."""
    end = min(end, AS_OF)
    steps = rng.randint(1, 3)
    days = sorted(day_between(rng, start, end) for _ in range(steps))
    out = []
    for i, d in enumerate(days):
        last = i == len(days) - 1
        state = "done" if (last and finished) else rng.choice(STATES)
        out.append((d, state, sentence(rng, 4, 9)))
    return out


def question(rng, qid, year, follows):
    start, end = date(year, 4, 1), date(year + 1, 3, 31)
    outcome = OUTCOMES[qid % 5] if rng.random() < 0.8 else rng.choice(OUTCOMES)
    title = f"{rng.choice(FIRST)} {rng.choice(NOUNS)} {rng.choice(['bij de', 'in de', 'aan de', 'rond het'])} {rng.choice(PLACES)}"
    y = [f"  - id: {qid}\n",
         f"    title: {title}\n",
         f"    kind: {'initiative' if rng.random() < 0.2 else 'question'}\n",
         f"    channel: {rng.choice(CHANNELS)}\n",
         f"    topic: {rng.choice(TOPICS)}\n",
         f"    location: {rng.choice(PLACES)}\n",
         f"    asked: {block(paragraph(rng), 6)}",
         f"    partner: {rng.choice(PARTNERS)[0]}\n",
         f"    outcome: {outcome}\n"]
    if follows:
        y.insert(2, f"    follows: {follows}\n")
    history = []
    if outcome == "resolved":
        d = day_between(rng, start, start + timedelta(days=60))
        history = [(d, "done", sentence(rng, 4, 9))]
    elif outcome == "honoured":
        month = day_between(rng, start, end)
        y.append(f"    when: {month.year}-{month.month:02d}\n")
        history = progress(rng, start, month + timedelta(days=20), rng.random() < 0.7)
    elif outcome == "scheduled":
        when_year = year + rng.randint(1, 3)
        when = f"{when_year}-Q{rng.randint(1, 4)}" if rng.random() < 0.5 else str(when_year)
        y.append(f"    when: {when}\n")
        adjusted = rng.random() < 0.5
        y.append(f"    planning_adjusted: {'true' if adjusted else 'false'}\n")
        if not adjusted or rng.random() < 0.5:
            y.append(f"    reason: {block(paragraph(rng, 30, 60), 6)}")
        if rng.random() < 0.5:
            history = progress(rng, start, date(when_year, 12, 31), False)
    elif outcome == "prioritised":
        y.append(f"    report_by: {year}-12\n")
        if rng.random() < 0.7:
            d = day_between(rng, date(year, 9, 1), date(year, 12, 20))
            included = rng.random() < 0.5
            y.append("    decision:\n")
            y.append(f"      date: {d}\n")
            y.append(f"      included: {'true' if included else 'false'}\n")
            y.append(f"      note: {sentence(rng, 5, 10)}\n")
            if included and rng.random() < 0.5:
                history = progress(rng, d, date(year + 1, 12, 31), rng.random() < 0.5)
    else:  # declined
        y.append(f"    ground: {rng.choice(['legal', 'policy', 'financial'])}\n")
        y.append(f"    reason: {block(paragraph(rng, 30, 60), 6)}")
    y.append(f"    answer: {block(paragraph(rng), 6)}")
    if history:
        y.append("    progress:\n")
        for d, state, note in history:
            y.append(f"      - date: {d}\n        state: {state}\n        note: {note}\n")
        if history[-1][1] == "done" and rng.random() < 0.1:
            d = day_between(rng, history[-1][0], min(history[-1][0] + timedelta(days=60), AS_OF))
            y.append(f"    disputed:\n      date: {d}\n      note: {sentence(rng, 6, 12)}\n")
    return "".join(y)


def generate(out, questions, seed):
    rng = random.Random(seed)
    contracts = max(1, -(-questions // PER_CONTRACT))
    n_neighbourhoods = max(1, -(-contracts // len(YEARS)))
    neighbourhoods = [slug_name(i) for i in range(n_neighbourhoods)]
    if os.path.exists(out):
        shutil.rmtree(out)
    content = os.path.join(out, "content")
    os.makedirs(os.path.join(content, "updates"))
    os.makedirs(os.path.join(content, "pages"))

    with open(os.path.join(out, "site.toml"), "w") as f:
        f.write('title = "Wijkcontracten Benchmark"\n'
                'base_url = "https://wijkcontracten.example.nl"\n'
                f"as_of = {AS_OF}T12:00:00\n\n"
                '[privacy]\nallow = ["14 023"]\n')
    with open(os.path.join(content, "districts.yaml"), "w") as f:
        for d in range(0, n_neighbourhoods, 20):
            f.write(f"- slug: stadsdeel-{slug_name(d // 20)[5:]}\n"
                    f"  name: Stadsdeel {d // 20 + 1}\n  neighbourhoods:\n")
            for nb in neighbourhoods[d:d + 20]:
                f.write(f"    - slug: {nb}\n      name: {nb.title()}\n"
                        f"      council: Wijkraad {nb.title()}\n")
                if rng.random() < 0.2:
                    f.write("      focus: true\n")
    with open(os.path.join(content, "partners.yaml"), "w") as f:
        for slug, name, kind in PARTNERS:
            f.write(f"- slug: {slug}\n  name: {name}\n  kind: {kind}\n"
                    f"  url: https://www.example.nl/{slug}\n")
    with open(os.path.join(content, "topics.yaml"), "w") as f:
        for t in TOPICS:
            f.write(f"- slug: {t}\n  name: {t.capitalize()}\n")
    with open(os.path.join(content, "pages", "over.md"), "w") as f:
        f.write("---\ntitle: Over de wijkcontracten\n---\n" + paragraph(rng, 200, 300) + "\n")

    written, made = 0, []
    for c in range(contracts):
        nb, year = neighbourhoods[c // len(YEARS)], YEARS[c % len(YEARS)]
        count = min(PER_CONTRACT, questions - written) if c == contracts - 1 else PER_CONTRACT
        folder = os.path.join(content, "contracts", nb)
        os.makedirs(folder, exist_ok=True)
        signatories = ["wijkraad"] + rng.sample([p[0] for p in PARTNERS], 3)
        parts = [f"period: {{ from: {year}-04-01, to: {year + 1}-03-31 }}\n",
                 f"signed: {year}-04-{rng.randint(5, 25):02d}\n",
                 f"signatories: [{', '.join(signatories)}]\n",
                 f"collected_via: [{', '.join(rng.sample(CHANNELS, 3))}]\n",
                 "questions:\n"]
        for q in range(1, count + 1):
            follows = None
            if year > YEARS[0] and rng.random() < 0.05:
                follows = f"{nb}/{year - 1}/{rng.randint(1, PER_CONTRACT)}"
            parts.append(question(rng, q, year, follows))
            parts.append("\n")
        with open(os.path.join(folder, f"{year}.yaml"), "w") as f:
            f.write("".join(parts))
        written += count
        made.append((nb, year, count))

    for i, (nb, year, count) in enumerate(made[::10]):
        d = date(year, 10, 1) + timedelta(days=i % 28)
        with open(os.path.join(content, "updates", f"{d}-nieuws-{slug_name(i)[5:]}.md"), "w") as f:
            f.write(f"---\ntitle: Nieuws uit {nb.title()}\ndate: {d}\n"
                    f"summary: {sentence(rng, 6, 12)}\nneighbourhoods: [{nb}]\n"
                    f"questions: [{nb}/{year}/{rng.randint(1, count)}]\n---\n"
                    + paragraph(rng, 150, 250) + "\n")
    return written, len(made)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=int, default=10_000)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    questions, contracts = generate(args.out, args.questions, args.seed)
    print(f"{args.out}: {contracts} contracts, {questions} questions")


if __name__ == "__main__":
    main()

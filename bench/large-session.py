#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes a session of 50 participants, each with every level set, a target and notes of 2,000
characters on four savoir-faire, and 30 actions: the large case of the report's benchmark.

  large-session.py OUT.grille
"""
import json
import sys

IDS = {"cooperer": 5, "connecter": 4, "faciliter": 4, "integrer": 4, "ouvrir": 4}
ITEMS = [f"{c}.{i}" for c, n in IDS.items() for i in range(1, n + 1)]
ROLES = ["Élu·e", "Agent·e", "Partenaire", "Habitant·e"]

participants = []
for p in range(50):
    sentence = f"Le service {p} observe que la pratique progresse, mais reste inégale selon les quartiers. "
    note = (sentence * (2000 // len(sentence) + 1))[:2000]
    participants.append({
        "name": f"Participant {p + 1}",
        "role": ROLES[p % len(ROLES)],
        "scores": {item: (p + i) % 5 for i, item in enumerate(ITEMS)},
        "notes": {ITEMS[(p + k * 5) % len(ITEMS)]: note for k in range(4)},
        "targets": {list(IDS)[p % 5]: 4},
    })
actions = [{"competency": list(IDS)[a % 5], "text": f"Action {a + 1} du plan, à mener avec les partenaires",
            "owner": f"Service {a % 7}", "due": f"2026-{a % 12 + 1:02d}-15", "done": a % 3 == 0}
           for a in range(30)]
session = {"format": "grille-session", "version": 2, "grid": "engagement",
           "title": "Grande consultation", "date": "2026-03-12", "language": "fr",
           "organisation": "Communauté de communes", "participants": participants, "actions": actions}
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump(session, out, ensure_ascii=False, indent=2)

"""What the tests expect of the built-in `cadre-annual` template (福建省 年度考核 表), written once."""

CADRE_TEXT_IDS = [
    "intro",
    "conduct",
    "study",
    "results.service",
    "results.duties",
    "results.innovation",
    "results.foundation",
    "party",
    "law",
    "integrity",
    "weakness.work",
    "weakness.ability",
]

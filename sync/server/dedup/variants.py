"""Latin-script spellings of the same given name, mostly of Arabic origin, as clerks in West Africa,
Europe and the Americas write them. Each group's first spelling is its canonical key.

The table is deliberately about given names that are the same name written differently (Mohamed,
Mohammed, Muhammad), not about nicknames; extend it per deployment by editing this list.
"""

from __future__ import annotations

GROUPS: tuple[tuple[str, ...], ...] = (
    ("muhammad", "mohamed", "mohammed", "muhammed", "mohamad", "mohammad", "mouhamed", "mouhamad",
     "mouhammad", "muhamed", "mohamud", "mahamat", "mouhamadou", "mohamadou", "mamadou", "mamadu"),
    ("abdullahi", "abdoulaye", "abdullah", "abdallah", "abdulai", "abdulahi", "abdoulah", "abdallahi",
     "abdulla", "abdoulay", "abdullai"),
    ("abdulrahman", "abdourahmane", "abderrahmane", "abdurrahman", "abdourahamane", "abdurahman"),
    ("abdulkarim", "abdoulkarim", "abdelkrim", "abdelkarim"),
    ("abubakar", "aboubacar", "abubakr", "aboubakar", "boubacar", "abubakarr", "aboubakr"),
    ("usman", "ousmane", "othman", "osman", "uthman", "usmane", "ousman", "osmane", "usmaan"),
    ("ibrahim", "ibrahima", "brahim", "ebrahim", "ibrahime", "brahima", "ibraheem"),
    ("musa", "moussa", "mousa", "moussah", "mussa"),
    ("sulaiman", "souleymane", "suleiman", "sulayman", "souleimane", "soulaymane", "suleyman", "sulemana",
     "souleyman", "sulaimon"),
    ("yusuf", "youssouf", "youssef", "yousef", "yusef", "yousouf", "yussuf", "yousuf"),
    ("umar", "oumar", "omar", "omaru", "oumarou", "umaru"),
    ("ahmad", "ahmed", "amadou", "ahmadou", "hamadou", "ahmadu", "amadu"),
    ("hassan", "hasan", "hassane", "assane"),
    ("hussein", "husain", "hussain", "houssein", "husseini", "hussaini", "houssaini", "hussen"),
    ("ismail", "ismael", "ismaila", "smail", "ismaeel"),
    ("idris", "idrissa", "driss", "drissa", "idriss"),
    ("ali", "aliou", "aly", "alieu", "alioune", "aliyu"),
    ("mustafa", "mustapha", "moustapha", "mostafa", "moustafa"),
    ("yakubu", "yacouba", "yacoub", "yaqub", "yakub", "yaqoub"),
    ("saidu", "seydou", "seidu", "saidou", "sayyid"),
    ("issa", "isa", "issah"),
    ("lamin", "lamine", "alamine", "lamina"),
    ("bakari", "bakary", "bakarr"),
    ("karim", "kareem", "carim"),
    ("alhaji", "alhadji", "elhadj", "elhadji", "alhadj", "elhaj", "alhaj"),
    ("fatima", "fatoumata", "fatimata", "fatmata", "fatouma", "fatuma", "fatimatou", "fatu", "fatou"),
    ("aisha", "aissatou", "aissata", "aicha", "aishatu", "isatu", "aysha", "ayesha", "aishat", "aichatou"),
    ("maryam", "mariama", "mariam", "meriem", "maryama", "mariame"),
    ("khadija", "khadidiatou", "kadiatu", "kadija", "khadidja", "khady", "kadiatou", "khadidiat"),
    ("aminata", "aminatou", "aminatu", "aminah", "amina"),
    ("zainab", "zeinab", "zaynab", "zenab", "zeinabou", "zainabu"),
    ("hawa", "hawwa", "awa", "haoua"),
    ("hadiza", "hadizatou", "hadijatou", "hadidjatou"),
)  # fmt: skip

CANONICAL: dict[str, str] = {spelling: group[0] for group in GROUPS for spelling in group}

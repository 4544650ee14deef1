"""The twelve Dutch provinces: a fixed vocabulary, shared by a migration and the loader."""

PROVINCES = [
    ("DR", "Drenthe"),
    ("FL", "Flevoland"),
    ("FR", "Fryslân"),
    ("GE", "Gelderland"),
    ("GR", "Groningen"),
    ("LI", "Limburg"),
    ("NB", "Noord-Brabant"),
    ("NH", "Noord-Holland"),
    ("OV", "Overijssel"),
    ("UT", "Utrecht"),
    ("ZE", "Zeeland"),
    ("ZH", "Zuid-Holland"),
]


def ensure_provinces(province_model) -> None:
    for code, name in PROVINCES:
        province_model.objects.update_or_create(code=code, defaults={"name": name})

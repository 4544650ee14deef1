"""The reading of text that the index and queries share (home.analysis)."""

import pytest

from home.analysis import terms, words


@pytest.mark.parametrize(
    ("language", "one", "other"),
    [
        ("ar", "التطوع", "تطوع"),  # the article
        ("ar", "والتطوع", "تطوع"),  # "and the" written onto it
        ("ar", "أوترخت", "اوترخت"),  # alef with and without hamza
        ("ar", "إيمان", "ايمان"),
        ("ar", "مدرسة", "مدرسه"),  # teh marbuta and heh
        ("ar", "مستشفى", "مستشفي"),  # alef maksura and yeh
        ("ar", "تـطـوع", "تطوع"),  # tatweel
        ("ar", "تَطَوُّع", "تطوع"),  # vowel signs
        ("fa", "داوطلبي", "داوطلبی"),  # Arabic and Persian yeh
        ("fa", "كار", "کار"),  # Arabic and Persian kaf
        ("fa", "می‌خواهم", "میخواهم"),  # zero-width non-joiner
        ("nl", "café", "cafe"),
        ("nl", "één", "een"),
        ("nl", "gemeenten", "gemeente"),
        ("en", "volunteers", "volunteering"),
        ("uk", "ґанок", "ганок"),
        ("tr", "gönüllüler", "gönüllü"),
        ("nl", "Vrijwilligers²", "vrijwilligers2"),
    ],
)
def test_spellings_of_one_word_are_one_term(language, one, other):
    assert terms(one, language) == terms(other, language)


def test_persian_keeps_words_that_begin_like_the_arabic_article():
    # الگو (pattern) is a Persian word, not ال + گو.
    assert words("الگو", "fa") == [("الگو", "الگو")]


def test_languages_without_a_stemmer_keep_their_words():
    assert terms("ወለንታዊ ስራሕ", "ti") == "ወለንታዊ ስራሕ"
    assert terms("Tabarucidda", "so") == "tabarucidda"


def test_words_are_split_alike_whatever_joins_them():
    assert terms("azc-bewoners, 10:00–12:30", "nl") == terms("azc bewoners 10 00 12 30", "nl")

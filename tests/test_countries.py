from frontlines.countries import all_countries, country_by_iso2, fold, lookup_country


def test_table_covers_iso_list_with_regions() -> None:
    countries = all_countries()
    assert len(countries) >= 249
    assert all(c.region for c in countries)
    assert len({c.iso2 for c in countries}) == len(countries)


def test_acled_names_and_regions() -> None:
    expected = {
        "AF": ("Afghanistan", "South Asia", 4), "CD": ("Democratic Republic of Congo", "Middle Africa", 180),
        "MM": ("Myanmar", "Southeast Asia", 104), "SY": ("Syria", "Middle East", 760),
        "CI": ("Ivory Coast", "Western Africa", 384), "SZ": ("eSwatini", "Southern Africa", 748),
        "TR": ("Turkey", "Middle East", 792), "IR": ("Iran", "Middle East", 364),
        "GE": ("Georgia", "Caucasus and Central Asia", 268), "MX": ("Mexico", "Central America", 484),
        "RU": ("Russia", "Europe", 643), "CZ": ("Czech Republic", "Europe", 203),
        "CG": ("Republic of Congo", "Middle Africa", 178), "US": ("United States", "North America", 840),
    }
    for iso2, (name, region, numeric) in expected.items():
        info = country_by_iso2(iso2)
        assert info is not None
        assert (info.name, info.region, info.numeric) == (name, region, numeric)


def test_lookup_by_alias_demonym_and_code() -> None:
    cases = {
        "Afghan": "Afghanistan", "afghans": "Afghanistan", "Burma": "Myanmar", "Burmese": "Myanmar",
        "DRC": "Democratic Republic of Congo", "the US": "United States", "U.S.": "United States",
        "Britain": "United Kingdom", "Côte d'Ivoire": "Ivory Coast", "cote d ivoire": "Ivory Coast",
        "Nigerians": "Nigeria", "Israeli": "Israel", "AFG": "Afghanistan", "UA": "Ukraine",
        "Syrian Arab Republic": "Syria",
    }
    for text, name in cases.items():
        info = lookup_country(text)
        assert info is not None, text
        assert info.name == name, text


def test_lowercase_common_words_are_not_countries() -> None:
    for word in ("us", "in", "car", "am", "no", "", "Kabul"):
        assert lookup_country(word) is None, word


def test_fold() -> None:
    assert fold("Mazār-i-Sharīf") == "mazar i sharif"
    assert fold("  Côte  d’Ivoire ") == "cote d ivoire"


def test_spaces_close_up_only_between_initials() -> None:
    assert lookup_country("A US") is None  # not "AUS", Australia
    us = lookup_country("U. S.")
    assert us is not None and us.iso2 == "US"

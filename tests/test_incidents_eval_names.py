"""The scorer's admin1 comparison accepts transliteration variants (eval/names.py)."""

from flashpoint.eval.names import same_admin1


def test_transliterations_of_one_region_agree():
    for a, b in (("Idleb", "Idlib"), ("Saada", "Sa'dah"), ("North-West", "Northwest"),
                 ("Nord Kivu", "North Kivu"), ("Banaadir", "Banadir"), ("Idleb Governorate", "Idlib")):
        assert same_admin1(a, b), (a, b)


def test_different_regions_still_differ():
    for a, b in (("North West", "North East"), ("Sud Kivu", "Nord Kivu"), ("Idlib", "Aleppo"),
                 ("Gao", "Goa"), ("Amhara", "Afar")):
        assert not same_admin1(a, b), (a, b)

import pytest

from frontlines.modality import excluded_clauses, unreal_reason
from frontlines.nlp import load_pipeline


def reason(sentence: str, trigger: str, historic: str | None = None):
    doc = load_pipeline()(sentence)
    token = next(t for t in doc if t.text == trigger)
    hist = [t for t in doc if historic and historic in t.text] if historic else []
    return unreal_reason(token, hist)


@pytest.mark.parametrize("sentence,trigger", [
    ("Afghan forces repulsed the attack on Friday.", "repulsed"),
    ("Clashes erupted near the airport.", "Clashes"),
    ("The militants captured the district headquarters.", "captured"),
    ("A guard was killed in a deliberate attack.", "killed"),
])
def test_real_events_are_kept(sentence, trigger):
    assert reason(sentence, trigger) is None


@pytest.mark.parametrize("sentence,trigger,why", [
    ("The Taliban will attack the city next week.", "attack", "future"),
    ("If the city falls, the militants would capture five provinces.", "capture", "hypothetical"),
    ("The army vowed to retake the district.", "retake", "intention"),
    ("Militants seek to seize the provincial capital.", "seize", "intention"),
    ("The ministry denied that troops shelled the village.", "shelled", "denied"),
    ("No one was killed in the incident.", "killed", "negated"),
    ("The army did not attack the village.", "attack", "negated"),
])
def test_unreal_events_are_dropped(sentence, trigger, why):
    assert reason(sentence, trigger) == why


def test_historic_time_in_the_clause_drops_it():
    s = "Ismail Khan, a commander who fought against Soviet forces in the 1980s, launched a movement."
    assert reason(s, "fought", historic="1980s") == "historical"
    assert reason(s, "launched", historic="1980s") is None


def test_excluded_clauses_cut_conditionals_out_of_evidence():
    doc = load_pipeline()("Troops clashed with rebels, and officials fear the town would fall if help does not come.")
    kept = {doc[1].i}
    ranges = excluded_clauses(doc[:], kept)
    cut = [doc.text[a:b] for a, b in ranges]
    assert any("if help does not come" in c for c in cut)
    assert all("clashed" not in c for c in cut)


@pytest.mark.parametrize("sentence,trigger", [
    ("If talks fail, fighting may resume.", "fighting"),
    ("The ministry said it was investigating reports of an air strike.", "strike"),
])
def test_more_unreal_statements(sentence, trigger):
    assert reason(sentence, trigger) is not None


@pytest.mark.parametrize("text", [
    "Afghan officials said commando units had been sent from Kabul to retake Spin Boldak.",
    "Our forces are present in all strategic positions across the valley to continue the fight, the NRF said.",
    "The UN says nearly 50,000 people have been displaced by the fighting in northern Shan.",
    "Thousands of families fled the fighting in Kunduz on Monday.",
])
def test_purposes_plans_and_the_fighting_people_flee_are_no_events(text: str) -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    assert Pipeline().extract(Article("t", date(2021, 7, 14), text)).events == ()


def test_what_did_happen_after_an_infinitive_is_kept() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    text = "Government forces managed to retake Spin Boldak on Monday, officials said."
    events = Pipeline().extract(Article("t", date(2021, 7, 14), text)).events
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_retracted_reports_and_withdrawn_claims_are_no_events() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    text = "Initial reports of a second explosion near the Baron Hotel were later withdrawn by the Pentagon."
    assert Pipeline().extract(Article("t", date(2021, 8, 28), text)).events == ()


@pytest.mark.parametrize("text", [
    "The Taliban said they had targeted the airport because it was being used to launch air strikes against them.",
    "Timbuktu has been under a blockade declared by JNIM for a month, with food prices soaring.",
    "Gunfire and explosions were heard near the presidential palace on Monday morning, witnesses said.",
])
def test_uses_standing_situations_and_sounds_are_no_events(text: str) -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    assert Pipeline().extract(Article("t", date(2023, 9, 9), text)).events == ()


def test_a_bare_plural_under_a_present_perfect_with_no_day_is_a_practice_not_an_event():
    assert reason("The junta has responded with air strikes.", "strikes") == "generic"
    assert reason("The army has carried out air strikes on villages near Lashio since Monday.", "strikes") is None
    assert reason("The army carried out air strikes on villages.", "strikes") is None


def test_what_a_deal_ended_is_no_new_event():
    assert reason("A ceasefire came into effect, ending over a year of hostilities.", "hostilities") == "reference"
    assert reason("A settlement was reached in Daraa, ending a two-month siege.", "siege") == "reference"
    assert reason("Somali forces ended a 30-hour siege of the hotel on Sunday.", "siege") is None


def test_a_proposal_is_no_agreement_yet():
    assert reason("Ukraine accepts 30-day ceasefire proposal.", "ceasefire") == "intention"


def test_a_denial_of_the_doer_after_a_semicolon_keeps_the_deaths():
    assert reason("Twelve children were killed; Hezbollah denied firing it.", "killed") is None
    assert reason("Seven fighters were killed; the Taliban denied the losses.", "killed") == "denied"


def test_a_crowd_that_gathered_to_protest_did_protest():
    assert reason("Supporters gathered in central Maputo to protest the killing of his lawyer.", "protest") is None


def test_a_quoted_charge_is_no_event_of_its_own() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    events = Pipeline().extract(Article("t", date(2023, 4, 17), (
        'On Sunday army warplanes struck RSF bases in Omdurman, residents said. Smoke could be seen rising from the '
        'Karari area, and the RSF accused the army of "bombing its own people".'))).events
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]


def test_weapons_as_goods_are_no_attack() -> None:
    from datetime import date

    from frontlines.model import Article
    from frontlines.pipeline import Pipeline

    pipe = Pipeline()
    for text in ('President Zelensky said on Saturday the shortage of artillery shells was "artificial".',
                 "The US sent missiles to Ukraine on Monday."):
        assert pipe.extract(Article("t", date(2024, 2, 18), text)).events == ()
    shelled = pipe.extract(Article("t", date(2024, 2, 18), "Russian artillery shelled Kherson on Saturday, "
                                                          "killing 2 civilians.")).events
    assert [e.sub_event_type for e in shelled] == ["Shelling/artillery/missile attack"]
